package org.yigong.hub.delivery.control;

/** The text of a message as it leaves the hub. */
public final class OutboundMessage {

    private OutboundMessage() {
    }

    /** The message with MSH-10 replaced; segments separated by carriage returns. */
    public static String withControlId(String message, String controlId) {
        int end = message.indexOf('\r');
        String msh = end < 0 ? message : message.substring(0, end);
        String separator = java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3)));
        String[] fields = msh.split(separator, -1);
        if (fields.length < 10) {
            String[] longer = java.util.Arrays.copyOf(fields, 10);
            java.util.Arrays.fill(longer, fields.length, 10, "");
            fields = longer;
        }
        fields[9] = controlId;
        return String.join(String.valueOf(msh.charAt(3)), fields) + (end < 0 ? "" : message.substring(end));
    }

    /**
     * The order message with ORC-1 (order control, HL7 table 0119) set in every ORC, e.g. {@code CA}
     * to cancel the order it places; segments separated by carriage returns.
     */
    public static String withOrderControl(String message, String orderControl) {
        char separator = message.charAt(3);
        StringBuilder out = new StringBuilder(message.length() + 8);
        for (String segment : message.split("\r", -1)) {
            if (out.length() > 0) {
                out.append('\r');
            }
            if (segment.startsWith("ORC" + separator)) {
                int end = segment.indexOf(separator, 4);
                out.append("ORC").append(separator).append(orderControl).append(end < 0 ? "" : segment.substring(end));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }
}
