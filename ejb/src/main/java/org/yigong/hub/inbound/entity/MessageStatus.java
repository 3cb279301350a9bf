package org.yigong.hub.inbound.entity;

/** Where a stored inbound message stands. */
public enum MessageStatus {
    /** Stored and parseable, acknowledged AA; waiting to be routed. */
    RECEIVED,
    /** Stored with a content error, acknowledged AE. */
    ERROR,
    /** Rejected, acknowledged AR (unknown facility, unsupported version, no control id, not HL7). */
    REJECTED
}
