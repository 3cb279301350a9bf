package org.yigong.hub.inbound.entity;

/** Where a stored inbound message stands. */
public enum MessageStatus {
    /** Stored and parseable, acknowledged AA; waiting to be routed. */
    RECEIVED,
    /** Stored with a content error, acknowledged AE. */
    ERROR,
    /** Rejected, acknowledged AR (unknown facility, unsupported version, no control id, not HL7). */
    REJECTED,
    /** Routed: its deliveries (possibly none left to do) and workflow hand-overs are recorded. */
    ROUTED,
    /** No route matched; visible, and reprocessed when routes change. */
    UNROUTED,
    /** A route matched but its translation failed (an unknown code, say); the error says why. */
    ROUTING_FAILED
}
