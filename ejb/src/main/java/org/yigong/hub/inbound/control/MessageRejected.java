package org.yigong.hub.inbound.control;

/** The hub will not take the message (AR): unknown facility, unsupported version, no control id, not HL7. */
public class MessageRejected extends Exception {

    private final transient Hl7Error error;

    public MessageRejected(Hl7Error error) {
        super(error.text(), null, false, false);
        this.error = error;
    }

    public Hl7Error error() {
        return error;
    }
}
