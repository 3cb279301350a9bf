package org.yigong.hub.inbound.control;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads fields of an HL7 v2 message straight from its text, with the message's own delimiters and
 * HL7 escapes undone. For the few fields a route, a workflow or the result index decides on, this
 * is cheaper and more forgiving than a full parse: a local segment or a field in the wrong place
 * does not stop it, and it reads 2.3 to 2.5.1 alike.
 *
 * <p>Numbering is HL7's: fields from 1 (MSH-1 is the field separator itself, so MSH-9 is MSH-9),
 * components from 1, and the first repetition and first subcomponent unless asked otherwise.
 */
public final class Hl7Text {

    private final List<String> segments;
    private final char field;
    private final char component;
    private final char repetition;
    private final char subcomponent;
    private final EncodingCharacters encoding;

    private Hl7Text(List<String> segments, char field, String encodingCharacters) {
        this.segments = segments;
        this.field = field;
        this.component = encodingCharacters.length() > 0 ? encodingCharacters.charAt(0) : '^';
        this.repetition = encodingCharacters.length() > 1 ? encodingCharacters.charAt(1) : '~';
        char escape = encodingCharacters.length() > 2 ? encodingCharacters.charAt(2) : '\\';
        this.subcomponent = encodingCharacters.length() > 3 ? encodingCharacters.charAt(3) : '&';
        this.encoding = new EncodingCharacters(field, new String(new char[] {component, repetition, escape, subcomponent}));
    }

    /** @param text a message whose segments are separated by carriage returns, line feeds or both */
    public static Hl7Text of(String text) {
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("\r\n|\r|\n")) {
            if (!segment.isBlank()) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty() || !segments.get(0).startsWith("MSH") || segments.get(0).length() < 8) {
            throw new IllegalArgumentException("not an HL7 v2 message: it does not start with MSH and its delimiters");
        }
        String msh = segments.get(0);
        char field = msh.charAt(3);
        int end = msh.indexOf(field, 4);
        return new Hl7Text(segments, field, msh.substring(4, end < 0 ? msh.length() : end));
    }

    /** The first segment with this name, if the message has one. */
    public Optional<Segment> first(String name) {
        return segments.stream().filter(s -> isNamed(s, name)).findFirst().map(Segment::new);
    }

    /** Every segment with this name, in message order. */
    public List<Segment> all(String name) {
        return segments.stream().filter(s -> isNamed(s, name)).map(Segment::new).toList();
    }

    /** A value, or "" when the segment or the field is absent: {@code value("ORC", 2, 1)}. */
    public String value(String segment, int field, int component) {
        return first(segment).map(s -> s.value(field, component)).orElse("");
    }

    private boolean isNamed(String segment, String name) {
        return segment.startsWith(name) && (segment.length() == name.length() || segment.charAt(name.length()) == field);
    }

    /** One segment of the message. */
    public final class Segment {

        private final String[] fields;
        private final boolean header;

        private Segment(String text) {
            this.fields = split(text, field);
            this.header = text.startsWith("MSH");
        }

        /** The field as sent, every repetition and component, escapes kept; "" if absent. */
        public String raw(int number) {
            // in MSH the separator itself is MSH-1, so MSH-n is the n-th piece after the name
            int index = header ? number - 1 : number;
            if (header && number == 1) {
                return String.valueOf(field);
            }
            return index >= 0 && index < fields.length ? fields[index] : "";
        }

        /** First repetition, the component, first subcomponent, unescaped and trimmed. */
        public String value(int number, int componentNumber) {
            return value(number, 0, componentNumber);
        }

        /** The component of one repetition (from 0), first subcomponent, unescaped and trimmed. */
        public String value(int number, int repetitionIndex, int componentNumber) {
            String[] repetitions = split(raw(number), repetition);
            if (repetitionIndex >= repetitions.length) {
                return "";
            }
            String[] components = split(repetitions[repetitionIndex], component);
            if (componentNumber < 1 || componentNumber > components.length) {
                return "";
            }
            String value = split(components[componentNumber - 1], subcomponent)[0];
            return Escape.unescape(value, encoding).trim();
        }

        /** How many repetitions the field has (0 when it is empty). */
        public int repetitions(int number) {
            String raw = raw(number);
            return raw.isEmpty() ? 0 : split(raw, repetition).length;
        }
    }

    private static String[] split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = value.indexOf(separator); i >= 0; i = value.indexOf(separator, from)) {
            parts.add(value.substring(from, i));
            from = i + 1;
        }
        parts.add(value.substring(from));
        return parts.toArray(String[]::new);
    }
}
