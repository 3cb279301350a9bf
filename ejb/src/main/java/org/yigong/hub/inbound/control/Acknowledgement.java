package org.yigong.hub.inbound.control;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACK the hub sends back, in the incoming message's version and with its delimiters; the
 * caller encodes it in the incoming message's charset. MSA-2 is the incoming MSH-10.
 *
 * <p>The ERR segment follows the sender's version: from 2.5 on, location in ERR-2, error code in
 * ERR-3 (table 0357), severity in ERR-4 and the explanation in ERR-8; before 2.5, the single
 * ERR-1 field carries location and code. The explanation is also put in MSA-3, which older
 * township HIS display to their users.
 */
public final class Acknowledgement {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private Acknowledgement() {
    }

    public static String build(MessageHeader in, AckCode code, String ackControlId, ZonedDateTime now, Hl7Error error) {
        char sep = in.fieldSeparator();
        String enc = in.encodingCharacters();
        char component = enc.charAt(0);
        StringBuilder ack = new StringBuilder(256);

        List<String> msh = new ArrayList<>(List.of("MSH", enc,
                orDefault(in.receivingApplication(), "YIGONG_HUB"), in.receivingFacility(),
                in.sendingApplication(), in.sendingFacility(),
                HL7_TIME.format(now), "",
                ackType(in, component), ackControlId,
                orDefault(in.processingId(), "P"), orDefault(in.version(), "2.5.1")));
        if (!in.characterSet().isEmpty()) {
            while (msh.size() < 17) {
                msh.add("");
            }
            msh.add(in.characterSet());
        }
        ack.append(String.join(String.valueOf(sep), msh)).append('\r');

        ack.append("MSA").append(sep).append(code).append(sep).append(escape(in.controlId(), in));
        if (error != null) {
            ack.append(sep).append(escape(error.text(), in));
        }
        ack.append('\r');
        if (error != null) {
            ack.append(errSegment(in, error, code)).append('\r');
        }
        return ack.toString();
    }

    private static String ackType(MessageHeader in, char component) {
        String trigger = in.triggerEvent();
        if ("2.3".equals(in.version())) {
            return trigger.isEmpty() ? "ACK" : "ACK" + component + trigger;
        }
        return "ACK" + component + trigger + component + "ACK";
    }

    private static String errSegment(MessageHeader in, Hl7Error error, AckCode code) {
        char sep = in.fieldSeparator();
        String enc = in.encodingCharacters();
        char component = enc.charAt(0);
        char subcomponent = enc.length() > 3 ? enc.charAt(3) : '&';
        String[] location = error.location().isEmpty() ? new String[0] : error.location().split("\\^");
        String text = escape(error.text(), in);
        if (in.version().startsWith("2.3") || in.version().startsWith("2.4")) {
            String segment = location.length > 0 ? location[0] : "";
            String sequence = location.length > 1 ? location[1] : "";
            String field = location.length > 2 ? location[2] : "";
            return "ERR" + sep + segment + component + sequence + component + field + component
                    + error.code().code() + subcomponent + error.code().text() + subcomponent + "HL70357";
        }
        String erl = String.join(String.valueOf(component), location);
        String severity = code == AckCode.AA ? "W" : "E";
        return "ERR" + sep + sep + erl + sep + error.code().code() + component + error.code().text() + component + "HL70357"
                + sep + severity + sep + sep + sep + sep + text;
    }

    /** Text from the hub must not break the sender's parsing: delimiters become HL7 escapes. */
    static String escape(String text, MessageHeader in) {
        return Hl7Delimiters.of(in).escape(text);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
