package org.yigong.hub.inbound.control;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;

/**
 * The patient a message is about, as its PID segment names them: the facility's medical record
 * number with its assigning authority, the national ID card number (居民身份证号) when present, and
 * the name. Read from the text, so that it works for any message structure and version.
 *
 * <p>The national ID is the PID-3 identifier of type {@code NI} (or assigning authority {@code CHN});
 * older v2.3 HIS put it in PID-19 instead, which is used when it looks like one.
 */
public record PatientIdentity(String medicalRecordNumber, String assigningAuthority, String nationalId, String name) {

    public static final PatientIdentity NONE = new PatientIdentity(null, null, null, null);

    private static final java.util.regex.Pattern ID_CARD = java.util.regex.Pattern.compile("\\d{15}|\\d{17}[\\dXx]");

    /** Reads PID of a message whose segments are separated by carriage returns. */
    public static PatientIdentity of(String normalizedText, MessageHeader header) {
        String pid = segment(normalizedText, "PID", header.fieldSeparator());
        if (pid == null) {
            return NONE;
        }
        String enc = header.encodingCharacters();
        // HAPI wants four encoding characters; a sender without subcomponents may send three
        var encoding = new EncodingCharacters(header.fieldSeparator(), enc.length() >= 4 ? enc.substring(0, 4) : enc + "&");
        char component = enc.charAt(0);
        char repetition = enc.charAt(1);
        char subcomponent = enc.length() > 3 ? enc.charAt(3) : '&';
        String[] fields = MessageHeader.split(pid, header.fieldSeparator());

        String mrn = null;
        String authority = null;
        String nationalId = null;
        for (String cx : MessageHeader.split(field(fields, 3), repetition)) {
            String[] parts = MessageHeader.split(cx, component);
            String id = Escape.unescape(part(parts, 0), encoding).trim();
            String cxAuthority = MessageHeader.split(part(parts, 3), subcomponent)[0].trim();
            String type = part(parts, 4).trim();
            if (id.isEmpty()) {
                continue;
            }
            if ("NI".equalsIgnoreCase(type) || "CHN".equalsIgnoreCase(cxAuthority)) {
                nationalId = nationalId == null ? id : nationalId;
            } else if (mrn == null || "MR".equalsIgnoreCase(type)) {
                mrn = id;
                authority = cxAuthority.isEmpty() ? header.sendingFacility() : cxAuthority;
            }
        }
        String ssn = field(fields, 19).trim();
        if (nationalId == null && ID_CARD.matcher(ssn).matches()) {
            nationalId = ssn;
        }
        return new PatientIdentity(mrn, authority, nationalId, name(field(fields, 5), component, repetition, subcomponent, encoding));
    }

    /**
     * Family and given name; Chinese names are written together (王雪梅), others with a space
     * between the parts (ZHANG SAN).
     */
    private static String name(String xpn, char component, char repetition, char subcomponent, EncodingCharacters encoding) {
        String first = MessageHeader.split(xpn, repetition)[0];
        String[] parts = MessageHeader.split(first, component);
        String family = Escape.unescape(MessageHeader.split(part(parts, 0), subcomponent)[0], encoding).trim();
        String given = Escape.unescape(part(parts, 1), encoding).trim();
        if (family.isEmpty() && given.isEmpty()) {
            return null;
        }
        boolean cjk = (family + given).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return cjk || family.isEmpty() || given.isEmpty() ? family + given : family + " " + given;
    }

    private static String segment(String text, String name, char separator) {
        String prefix = name + separator;
        int start = text.startsWith(prefix) ? 0 : text.indexOf("\r" + prefix);
        if (start < 0) {
            return null;
        }
        start = start == 0 ? 0 : start + 1;
        int end = text.indexOf('\r', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String field(String[] fields, int number) {
        return number < fields.length ? fields[number] : "";
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }
}
