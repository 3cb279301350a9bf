package org.yigong.hub.inbound.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One segment of a decoded message, read by field number as the standard counts them: for MSH,
 * MSH-1 is the field separator itself, so MSH-2 is the first piece after the segment name.
 * Values are unescaped and trimmed; an absent field, repetition or component is the empty string.
 */
public final class Hl7Segment {

    private final String text;
    private final String name;
    private final String[] fields;
    private final Hl7Delimiters delimiters;

    private Hl7Segment(String text, String[] fields, Hl7Delimiters delimiters) {
        this.text = text;
        this.name = fields[0].trim();
        this.fields = fields;
        this.delimiters = delimiters;
    }

    public static Hl7Segment of(String text, Hl7Delimiters delimiters) {
        return new Hl7Segment(text, split(text, delimiters.field()), delimiters);
    }

    /** The segments of a message; senders separate them with CR, LF or CRLF. */
    public static List<Hl7Segment> all(String text) {
        return all(text, Hl7Delimiters.declaredIn(text));
    }

    public static List<Hl7Segment> all(String text, Hl7Delimiters delimiters) {
        List<Hl7Segment> segments = new ArrayList<>();
        for (String line : text.split("[\r\n]+")) {
            if (!line.isBlank()) {
                segments.add(of(line, delimiters));
            }
        }
        return segments;
    }

    public String name() {
        return name;
    }

    /** The segment as sent. */
    public String text() {
        return text;
    }

    public boolean is(String segmentName) {
        return name.equals(segmentName);
    }

    /** Field n as sent, delimiters and escapes included. */
    public String raw(int n) {
        int index = "MSH".equals(name) ? n - 1 : n;
        return index > 0 && index < fields.length ? fields[index] : "";
    }

    /** The repetitions of field n, as sent; none when the field is empty. */
    public List<String> repetitions(int n) {
        String raw = raw(n);
        return raw.isEmpty() ? List.of() : List.of(split(raw, delimiters.repetition()));
    }

    /** Component c (1-based) of the first repetition of field n, first subcomponent, unescaped. */
    public String component(int n, int c) {
        List<String> repetitions = repetitions(n);
        return repetitions.isEmpty() ? "" : component(repetitions.get(0), c);
    }

    /** Component c (1-based) of one repetition, first subcomponent, unescaped. */
    public String component(String repetition, int c) {
        String[] components = split(repetition, delimiters.component());
        if (c > components.length) {
            return "";
        }
        String first = split(components[c - 1], delimiters.subcomponent())[0];
        return delimiters.unescape(first).trim();
    }

    /** The components of one repetition, unescaped (an SN value, a coded value). */
    public List<String> components(String repetition) {
        List<String> components = new ArrayList<>();
        for (String component : split(repetition, delimiters.component())) {
            components.add(delimiters.unescape(component).trim());
        }
        return components;
    }

    /** The first component of field n: what most fields mean. */
    public String value(int n) {
        return component(n, 1);
    }

    private static String[] split(String value, char separator) {
        return value.split(Pattern.quote(String.valueOf(separator)), -1);
    }
}
