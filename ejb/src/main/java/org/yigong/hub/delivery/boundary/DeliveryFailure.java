package org.yigong.hub.delivery.boundary;

/**
 * An attempt to hand a message to an endpoint that did not end with its acceptance. One subclass
 * per outcome, because each calls for a different decision: retry later, fail at once, or let the
 * endpoint's policy decide.
 */
public abstract sealed class DeliveryFailure extends Exception
        permits DeliveryFailure.Unreachable, DeliveryFailure.NoAnswer, DeliveryFailure.Corrupt,
        DeliveryFailure.ErrorAnswer, DeliveryFailure.Rejected {

    private final String ack;

    DeliveryFailure(String reason, String ack) {
        super(reason, null, false, false);
        this.ack = ack;
    }

    /** The endpoint's ACK when there was one (AE, AR), else null. */
    public String ack() {
        return ack;
    }

    /** Connection refused, reset, or not established within the connect timeout: try again later. */
    public static final class Unreachable extends DeliveryFailure {
        public Unreachable(String reason) {
            super(reason, null);
        }
    }

    /** Sent, but no ACK for it within the response timeout: try again later (the endpoint may get it twice). */
    public static final class NoAnswer extends DeliveryFailure {
        public NoAnswer(String reason) {
            super(reason, null);
        }
    }

    /** The endpoint answered with something that is not a framed HL7 ACK. */
    public static final class Corrupt extends DeliveryFailure {
        public Corrupt(String reason) {
            super(reason, null);
        }
    }

    /** AE or CE: the endpoint received the message and found an error; its policy says retry or fail. */
    public static final class ErrorAnswer extends DeliveryFailure {
        public ErrorAnswer(String reason, String ack) {
            super(reason, ack);
        }
    }

    /** AR or CR: the endpoint refuses the message; sending it again unchanged will not help. */
    public static final class Rejected extends DeliveryFailure {
        public Rejected(String reason, String ack) {
            super(reason, ack);
        }
    }
}
