package org.yigong.hub.inbound.control;

/** HL7 table 0357 (message error condition codes) as far as the hub answers with them. */
public enum Hl7ErrorCode {
    SEGMENT_SEQUENCE_ERROR(100, "Segment sequence error"),
    REQUIRED_FIELD_MISSING(101, "Required field missing"),
    DATA_TYPE_ERROR(102, "Data type error"),
    TABLE_VALUE_NOT_FOUND(103, "Table value not found"),
    UNSUPPORTED_MESSAGE_TYPE(200, "Unsupported message type"),
    UNSUPPORTED_EVENT_CODE(201, "Unsupported event code"),
    UNSUPPORTED_PROCESSING_ID(202, "Unsupported processing id"),
    UNSUPPORTED_VERSION_ID(203, "Unsupported version id"),
    APPLICATION_INTERNAL_ERROR(207, "Application internal error");

    private final int code;
    private final String text;

    Hl7ErrorCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The code HAPI reports, or "application internal error" for one the hub does not know. */
    public static Hl7ErrorCode of(int code) {
        for (Hl7ErrorCode candidate : values()) {
            if (candidate.code == code) {
                return candidate;
            }
        }
        return APPLICATION_INTERNAL_ERROR;
    }
}
