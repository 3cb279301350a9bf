package org.yigong.hub.mapping.control;

/** A definition file in hl7-mappings is wrong; the message names the file and, when known, the line. */
public class DefinitionException extends RuntimeException {

    private final String file;
    private final int line;

    public DefinitionException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole (a missing setting). */
    public int line() {
        return line;
    }
}
