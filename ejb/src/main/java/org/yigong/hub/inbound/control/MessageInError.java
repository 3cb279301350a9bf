package org.yigong.hub.inbound.control;

/** The message is stored but its content is wrong (AE): it cannot be parsed or a value is invalid. */
public class MessageInError extends Exception {

    private final transient Hl7Error error;

    public MessageInError(Hl7Error error) {
        super(error.text(), null, false, false);
        this.error = error;
    }

    public Hl7Error error() {
        return error;
    }
}
