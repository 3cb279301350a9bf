package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;
import java.util.List;

/**
 * HL7 text (ER7) as HAPI writes it after reading it into the 2.5.1 structures: a translated
 * message must not differ from the HAPI translation, not even in a delimiter, so the text is brought
 * into the same form before and after statements change it. HAPI writes
 * <ul>
 * <li>no empty field, component or sub-component at the end of a segment, field or component
 * ({@code PID|1||x^^|} becomes {@code PID|1||x});</li>
 * <li>one repetition less when a field ends with {@code ~} (its reader drops one empty piece);</li>
 * <li>every value with its own escaping ({@code \E\}, {@code \F\} ...), done here by HAPI's own
 * {@link Escaping}, so escape sequences come out as HAPI writes them;</li>
 * <li>{@code &} in a primitive field (PID-1, NTE-3) as a component, and OBX-5 by the type in OBX-2;
 * values of the types ST and FT without leading, TX without trailing blanks (the trimming of
 * HAPI's {@code NoValidation} context): such text is left to HAPI ({@link NeedsStructure}).</li>
 * </ul>
 * Only the standard delimiters {@code |^~\&} are read; a message with others is left to HAPI.
 */
final class Er7NormalForm {

    static final char FIELD = '|';
    static final char COMPONENT = '^';
    static final char REPETITION = '~';
    static final char ESCAPE = '\\';
    static final char SUBCOMPONENT = '&';
    static final String HEADER = "MSH|^~\\&|";

    private static final EncodingCharacters STANDARD = new EncodingCharacters(FIELD, "^~\\&");

    private final Escaping escaping;
    private final FieldTypes types;

    Er7NormalForm(Escaping escaping, FieldTypes types) {
        this.escaping = escaping;
        this.types = types;
    }

    FieldTypes types() {
        return types;
    }

    /**
     * The segment as HAPI would write it after reading it; most segments already are, and come back
     * as they are.
     *
     * @param name the segment's name, its first three characters; {@code MSH} only for the first
     * @throws NeedsStructure when HAPI's reading depends on data types this form does not follow
     */
    String segment(String line, String name) throws NeedsStructure {
        boolean header = name.equals("MSH");
        int field = header ? 2 : 0;
        int checkedField = -1;
        boolean normal = true;
        for (int i = header ? HEADER.length() - 1 : 3; i < line.length(); i++) {
            // the end of the segment ends its last field as a delimiter would
            char next = i + 1 < line.length() ? line.charAt(i + 1) : FIELD;
            switch (line.charAt(i)) {
                case FIELD -> {
                    normal &= i + 1 < line.length();
                    field++;
                }
                case REPETITION -> normal &= next != FIELD;
                case COMPONENT -> normal &= next != FIELD && next != REPETITION;
                case SUBCOMPONENT -> {
                    normal &= next != FIELD && next != REPETITION && next != COMPONENT;
                    if (checkedField != field && types.kind(name, field) == FieldTypes.Kind.PRIMITIVE) {
                        throw new NeedsStructure(name + "-" + field + " is primitive and has sub-components");
                    }
                    checkedField = field;
                }
                case ESCAPE -> normal = false;
                default -> {
                }
            }
        }
        if (name.equals("OBX")) {
            checkObservation(line);
        }
        String text = normal ? line : rewrite(line, header);
        checkBlanks(text);
        return text;
    }

    /**
     * HAPI trims values by their data type (leading blanks of ST and FT, trailing ones of TX);
     * which type a component has is left to HAPI, so text with a blank at the edge of a value is.
     */
    static void checkBlanks(String text) throws NeedsStructure {
        for (int i = 0; i < text.length(); i++) {
            if (isBlank(text.charAt(i)) && (i == 0 || isDelimiter(text.charAt(i - 1))
                    || i + 1 == text.length() || isDelimiter(text.charAt(i + 1)))) {
                throw new NeedsStructure("a value that begins or ends with a blank");
            }
        }
    }

    /** What HAPI's trimming takes for a blank: {@code \s} of Java's regular expressions. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isDelimiter(char c) {
        return c == FIELD || c == COMPONENT || c == REPETITION || c == SUBCOMPONENT;
    }

    /** OBX-5 is read by the data type OBX-2 names, and refused without one. */
    private void checkObservation(String line) throws NeedsStructure {
        String value = Pieces.get(line, FIELD, 5);
        if (value.isEmpty()) {
            return;
        }
        String type = Pieces.get(Pieces.get(Pieces.get(line, FIELD, 2), REPETITION, 0), COMPONENT, 0);
        if (type.indexOf(SUBCOMPONENT) >= 0 || type.indexOf(ESCAPE) >= 0 || value.indexOf(SUBCOMPONENT) >= 0) {
            throw new NeedsStructure("OBX-2 or OBX-5 with sub-components or escapes");
        }
        if (type.isEmpty() ? hasValues(value) : !types.isDataType(type)) {
            throw new NeedsStructure("OBX-5 without a data type HAPI knows in OBX-2");
        }
    }

    private String rewrite(String line, boolean header) throws NeedsStructure {
        List<String> fields = Pieces.split(line, FIELD);
        StringBuilder text = new StringBuilder(line.length());
        text.append(fields.get(0));
        for (int i = 1; i < fields.size(); i++) {
            text.append(FIELD).append(header && i == 1 ? fields.get(1) : field(fields.get(i)));
        }
        return Pieces.stripEnd(text.toString(), FIELD);
    }

    private String field(String text) throws NeedsStructure {
        List<String> repetitions = Pieces.split(text, REPETITION);
        if (repetitions.get(repetitions.size() - 1).isEmpty()) {
            repetitions.remove(repetitions.size() - 1);
        }
        StringBuilder field = new StringBuilder(text.length());
        for (int i = 0; i < repetitions.size(); i++) {
            field.append(i > 0 ? String.valueOf(REPETITION) : "").append(repetition(repetitions.get(i)));
        }
        return field.toString();
    }

    /**
     * One field repetition given as HL7 text ({@code ED^^^CNTY_GH}), as HAPI writes it after
     * reading it into a field: {@code ~} and {@code |} in it are values, and are escaped.
     */
    String repetition(String hl7) throws NeedsStructure {
        if (isPlain(hl7, true)) {
            return hl7;
        }
        List<String> components = Pieces.split(hl7, COMPONENT);
        StringBuilder text = new StringBuilder(hl7.length() + 8);
        for (int c = 0; c < components.size(); c++) {
            List<String> subcomponents = Pieces.split(components.get(c), SUBCOMPONENT);
            StringBuilder component = new StringBuilder();
            for (int s = 0; s < subcomponents.size(); s++) {
                component.append(s > 0 ? String.valueOf(SUBCOMPONENT) : "").append(escape(unescape(subcomponents.get(s))));
            }
            text.append(c > 0 ? String.valueOf(COMPONENT) : "").append(Pieces.stripEnd(component.toString(), SUBCOMPONENT));
        }
        return Pieces.stripEnd(text.toString(), COMPONENT);
    }

    /** A value as HAPI writes it; unchanged unless it has a delimiter or escape character. */
    String escape(String value) throws NeedsStructure {
        if (isPlain(value, false)) {
            return value;
        }
        String escaped = escaping.escape(value, STANDARD);
        // HAPI leaves formatting sequences such as \.br\ alone; one that holds a delimiter would
        // split where HAPI's structure does not
        if (hasDelimiter(escaped)) {
            throw new NeedsStructure("an escape sequence with a delimiter in it");
        }
        return escaped;
    }

    /** The value that text of one sub-component stands for, as HAPI reads it. */
    String unescape(String text) {
        return text.indexOf(ESCAPE) < 0 ? text : escaping.unescape(text, STANDARD);
    }

    /** Whether HAPI would see a value here ({@code Segment.isEmpty()} the other way round). */
    static boolean hasValues(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isDelimiter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param structured whether component and sub-component delimiters are structure (true) or
     *     values (false); trailing ones are never plain
     */
    private static boolean isPlain(String text, boolean structured) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == FIELD || c == REPETITION || c == ESCAPE || c == '\r') {
                return false;
            }
            if ((c == COMPONENT || c == SUBCOMPONENT) && (!structured || i + 1 == text.length()
                    || c == SUBCOMPONENT && text.charAt(i + 1) == COMPONENT)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDelimiter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isDelimiter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
