package org.yigong.hub.inbound.control;

import java.util.Set;

/**
 * The MSH segment of a decoded message: who sent it, to whom, what it is and in which version.
 * Applications and facilities are their namespace id (first component).
 */
public record MessageHeader(char fieldSeparator, String encodingCharacters,
                            String sendingApplication, String sendingFacility,
                            String receivingApplication, String receivingFacility,
                            String messageType, String triggerEvent, String messageStructure,
                            String controlId, String processingId, String version, String characterSet) {

    /** Versions the hub parses into its canonical (2.5.1) model. */
    public static final Set<String> SUPPORTED_VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    /** The header the hub answers with when a frame holds no readable MSH. */
    public static final MessageHeader UNKNOWN = new MessageHeader('|', "^~\\&", "", "", "", "", "", "", "", "", "P", "2.5.1", "");

    /** Reads MSH from the beginning of a decoded message. */
    public static MessageHeader read(String text) throws MessageRejected {
        if (text.length() < 8 || !text.startsWith("MSH")) {
            throw new MessageRejected(new Hl7Error(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "",
                    "not an HL7 v2 message: it does not begin with an MSH segment"));
        }
        char separator = text.charAt(3);
        String[] fields = split(firstSegment(text), separator);
        String encoding = fields.length > 1 ? fields[1] : "";
        if (encoding.length() < 3 || encoding.indexOf(separator) >= 0) {
            throw new MessageRejected(Hl7Error.at("MSH", 2, Hl7ErrorCode.DATA_TYPE_ERROR,
                    "MSH-2 must hold the encoding characters (usually ^~\\&)"));
        }
        char component = encoding.charAt(0);
        char repetition = encoding.charAt(1);
        String type = field(fields, 9);
        return new MessageHeader(separator, encoding,
                component(field(fields, 3), component, repetition, 0),
                component(field(fields, 4), component, repetition, 0),
                component(field(fields, 5), component, repetition, 0),
                component(field(fields, 6), component, repetition, 0),
                component(type, component, repetition, 0),
                component(type, component, repetition, 1),
                component(type, component, repetition, 2),
                field(fields, 10).trim(),
                component(field(fields, 11), component, repetition, 0),
                component(field(fields, 12), component, repetition, 0),
                component(field(fields, 18), component, repetition, -1));
    }

    /** {@code ADT^A04}: type and trigger, as the message browser shows and filters them. */
    public String typeAndTrigger() {
        return triggerEvent.isEmpty() ? messageType : messageType + "^" + triggerEvent;
    }

    private static String firstSegment(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                end = i;
                break;
            }
        }
        return text.substring(0, end);
    }

    /** MSH-n: MSH-1 is the separator itself, so MSH-2 is the second piece of the split. */
    private static String field(String[] fields, int number) {
        int index = number - 1;
        return index < fields.length ? fields[index] : "";
    }

    /** The n-th component of the first repetition; n = -1 for the whole first repetition. */
    static String component(String value, char component, char repetition, int n) {
        int repetitionEnd = value.indexOf(repetition);
        String first = repetitionEnd >= 0 ? value.substring(0, repetitionEnd) : value;
        if (n < 0) {
            return first.trim();
        }
        String[] parts = split(first, component);
        return n < parts.length ? parts[n].trim() : "";
    }

    static String[] split(String value, char separator) {
        return value.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    }
}
