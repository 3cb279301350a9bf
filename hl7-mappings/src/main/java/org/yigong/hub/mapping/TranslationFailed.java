package org.yigong.hub.mapping;

/**
 * A mapping could not be carried out for one message. The message reads like a definition error,
 * {@code mappings/<name>/mapping.map:<line>: <what is wrong and what to do>}, because the person
 * who acts on it is the one who edits that file (or the sending system's code list).
 *
 * <p>The text never quotes patient data: only the mapping's own words, positions such as
 * {@code OBR-4-1}, and codes (an exam or charge code is not patient data).
 */
public class TranslationFailed extends Exception {

    private static final long serialVersionUID = 1L;

    private final String mapping;
    private final String file;
    private final int line;
    private final String sentence;

    /**
     * @param line 1-based line of the statement that failed; 0 when the message as a whole could not
     *     be read
     */
    public TranslationFailed(String mapping, String file, int line, String sentence) {
        super(file + (line > 0 ? ":" + line : "") + ": " + sentence);
        this.mapping = mapping;
        this.file = file;
        this.line = line;
        this.sentence = sentence;
    }

    /** The mapping's name, e.g. {@code township-imaging-order-to-county-ris}. */
    public String mapping() {
        return mapping;
    }

    /** The mapping file, e.g. {@code mappings/township-imaging-order-to-county-ris/mapping.map}. */
    public String file() {
        return file;
    }

    /** 1-based line of the failed statement; 0 when the message as a whole could not be read. */
    public int line() {
        return line;
    }

    /** What went wrong and what to do about it, for hospital IT, without file and line. */
    public String sentence() {
        return sentence;
    }
}
