package org.yigong.hub.delivery.entity;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting its turn in the endpoint's queue, or its next attempt. */
    PENDING,
    /** The endpoint acknowledged exactly this message (AA or CA). */
    DELIVERED,
    /** Rejected by the endpoint, or out of attempts; an operator may resend it. */
    FAILED
}
