package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message worked on as HL7 text rather than in HAPI's 2.5.1 structures: its segments in the order
 * they came (HAPI writes them back in that order too), each as the text HAPI would write for it.
 * Statements change the segments they name; the others are written back as they are.
 *
 * <p>Only messages HAPI reads without surprises are taken: standard delimiters, a version HAPI
 * knows in MSH-12, a message type it can resolve in MSH-9, segment names of three capitals or
 * digits. Anything else is left to HAPI ({@link NeedsStructure}), which also gives the same error
 * for a message it cannot read. One instance belongs to one translation on one thread.
 */
final class TextMessage {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]{2}");
    /** MSH-9 from which HAPI finds a message structure: type, trigger and maybe the structure. */
    private static final Pattern TYPE = Pattern.compile("ACK(\\^[A-Z0-9]+)?|[A-Z0-9]+\\^[A-Z0-9]+(\\^[A-Z0-9_]+)?");
    private static final Pattern VERSION = Pattern.compile("[0-9.]+");

    private final List<TextSegment> segments;

    private TextMessage(List<TextSegment> segments) {
        this.segments = segments;
    }

    /**
     * @param hl7 segments separated by {@code \r}
     * @throws NeedsStructure when only HAPI can tell what this text becomes
     */
    static TextMessage read(String hl7, Er7NormalForm form) throws NeedsStructure {
        if (!hl7.startsWith(Er7NormalForm.HEADER)) {
            throw new NeedsStructure("not MSH with the standard delimiters");
        }
        List<TextSegment> segments = new ArrayList<>(12);
        for (int start = 0, end; start < hl7.length(); start = end + 1) {
            end = hl7.indexOf('\r', start);
            end = end < 0 ? hl7.length() : end;
            if (end > start) {
                segments.add(segment(hl7.substring(start, end), segments.isEmpty(), form));
            }
        }
        int headerEnd = hl7.indexOf('\r');
        checkHeader(headerEnd < 0 ? hl7 : hl7.substring(0, headerEnd));
        return new TextMessage(segments);
    }

    private static TextSegment segment(String line, boolean first, Er7NormalForm form) throws NeedsStructure {
        if (line.length() < 4 || line.charAt(3) != Er7NormalForm.FIELD || !NAME.matcher(line.substring(0, 3)).matches()) {
            throw new NeedsStructure("a segment that does not start with its name and '|'");
        }
        String name = line.substring(0, 3);
        if (!first && (name.equals("MSH") || name.equals("BHS") || name.equals("FHS"))) {
            throw new NeedsStructure("a second header segment");
        }
        return new TextSegment(name, form.segment(line, name), form);
    }

    /** What HAPI reads before the segments: the version and the message structure. */
    private static void checkHeader(String msh) throws NeedsStructure {
        List<String> fields = Pieces.split(msh, Er7NormalForm.FIELD);
        String version = fields.size() > 11 ? Pieces.get(fields.get(11), Er7NormalForm.COMPONENT, 0) : "";
        if (!VERSION.matcher(version).matches() || !Parser.validVersion(version)) {
            throw new NeedsStructure("a version HAPI does not know in MSH-12");
        }
        if (!TYPE.matcher(fields.get(8)).matches()) {
            throw new NeedsStructure("MSH-9 from which HAPI may not find a message structure");
        }
    }

    /** The segments with this name that have a value, in message order. */
    List<TextSegment> all(String name) {
        List<TextSegment> found = new ArrayList<>(4);
        for (TextSegment segment : segments) {
            if (segment.name().equals(name) && segment.hasValues()) {
                found.add(segment);
            }
        }
        return found;
    }

    /** The first segment with this name that has a value, or {@code null}. */
    TextSegment first(String name) {
        for (TextSegment segment : segments) {
            if (segment.name().equals(name) && segment.hasValues()) {
                return segment;
            }
        }
        return null;
    }

    void remove(TextSegment segment) {
        segments.remove(segment);
    }

    /** The message as HAPI writes it: segments ending with {@code \r}, none that lost every field. */
    String encode() {
        StringBuilder text = new StringBuilder(512);
        for (TextSegment segment : segments) {
            String line = segment.encode();
            if (line.length() > 3) {
                text.append(line).append('\r');
            }
        }
        return text.toString();
    }
}
