package org.yigong.hub.audit.entity;

/** What a user did that the audit trail records. */
public enum AuditAction {
    /** Opened one stored message, with its raw text. */
    MESSAGE_VIEWED,
    /** Listed stored messages with a filter. */
    MESSAGES_SEARCHED,
    /** Looked at a patient's results across facilities. */
    PATIENT_RESULTS_VIEWED
}
