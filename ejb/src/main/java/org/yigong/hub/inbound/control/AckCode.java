package org.yigong.hub.inbound.control;

/** MSA-1: what the hub answers (original acknowledgement mode). */
public enum AckCode {
    /** Stored and parseable. */
    AA,
    /** Stored, with a content error. */
    AE,
    /** Rejected: the sender must correct the message or the configuration. */
    AR
}
