package org.yigong.hub.inbound.control;


/**
 * The delimiters a message declares in MSH-1 and MSH-2, and how text travels in its fields: values
 * read from a message are unescaped, text the hub writes is escaped, so that a {@code |} or
 * {@code ^} in a report never breaks the receiver's parsing.
 */
public record Hl7Delimiters(char field, char component, char repetition, char escape, char subcomponent) {

    /** {@code |^~\&}, what the hub writes and almost every sender uses. */
    public static final Hl7Delimiters STANDARD = new Hl7Delimiters('|', '^', '~', '\\', '&');

    /** The delimiters MSH-1 and MSH-2 of a message declare; the standard ones if it has no MSH. */
    public static Hl7Delimiters declaredIn(String message) {
        if (!message.startsWith("MSH") || message.length() < 8) {
            return STANDARD;
        }
        char field = message.charAt(3);
        int end = message.indexOf(field, 4);
        String enc = message.substring(4, end < 0 ? Math.min(message.length(), 8) : end);
        return new Hl7Delimiters(field, enc.isEmpty() ? '^' : enc.charAt(0), enc.length() > 1 ? enc.charAt(1) : '~',
                enc.length() > 2 ? enc.charAt(2) : '\\', enc.length() > 3 ? enc.charAt(3) : '&');
    }

    public static Hl7Delimiters of(MessageHeader header) {
        String enc = header.encodingCharacters();
        // a sender without escape or subcomponent characters may declare only two or three
        return new Hl7Delimiters(header.fieldSeparator(), enc.charAt(0), enc.length() > 1 ? enc.charAt(1) : '~',
                enc.length() > 2 ? enc.charAt(2) : '\\', enc.length() > 3 ? enc.charAt(3) : '&');
    }

    /** MSH-2 as written with these delimiters. */
    public String encodingCharacters() {
        return "" + component + repetition + escape + subcomponent;
    }

    /** Delimiters become escape sequences ({@code \F\ \S\ \R\ \E\ \T\}); line breaks become spaces. */
    public String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == escape) {
                out.append(escape).append('E').append(escape);
            } else if (c == field) {
                out.append(escape).append('F').append(escape);
            } else if (c == component) {
                out.append(escape).append('S').append(escape);
            } else if (c == repetition) {
                out.append(escape).append('R').append(escape);
            } else if (c == subcomponent) {
                out.append(escape).append('T').append(escape);
            } else if (c == '\r' || c == '\n') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text a value stands for. Formatting commands ({@code \.br\}, {@code \.sp\}, ...) become a
     * space, highlighting ({@code \H\ \N\}) and sequences the hub cannot render (hexadecimal,
     * character set switches) are dropped, since what is read here is a summary, not the report.
     * An escape character without its closing partner is kept as it is.
     */
    public String unescape(String value) {
        if (value == null || value.indexOf(escape) < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int close = c == escape ? value.indexOf(escape, i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String sequence = value.substring(i + 1, close);
            switch (sequence) {
                case "F" -> out.append(field);
                case "S" -> out.append(component);
                case "R" -> out.append(repetition);
                case "T" -> out.append(subcomponent);
                case "E" -> out.append(escape);
                default -> out.append(sequence.startsWith(".") ? " " : "");
            }
            i = close + 1;
        }
        return out.toString();
    }
}
