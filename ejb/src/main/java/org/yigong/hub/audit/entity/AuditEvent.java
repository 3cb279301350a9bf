package org.yigong.hub.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One access to patient data: who, when, what action, on which subject (a message, a patient).
 *
 * <p>Append-only: an event is written once and never changed, so it carries no version column.
 * The detail is a short description of the request (a filter, a reason), never message content.
 */
@Entity
@Table(name = "HUB_AUDIT_EVENT", indexes = {
        @Index(name = "HUB_AUDIT_SUBJECT_IDX", columnList = "SUBJECT_TYPE, SUBJECT_ID"),
        @Index(name = "HUB_AUDIT_ACTOR_IDX", columnList = "ACTOR, OCCURRED_AT")})
@NamedQuery(name = AuditEvent.FOR_SUBJECT,
        query = "select e from AuditEvent e where e.subjectType = :type and e.subjectId = :id order by e.occurredAt desc, e.id desc")
public class AuditEvent {

    public static final String FOR_SUBJECT = "AuditEvent.forSubject";

    @Id
    @SequenceGenerator(name = "HUB_AUDIT_SEQ", sequenceName = "HUB_AUDIT_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "HUB_AUDIT_SEQ")
    @Column(name = "ID")
    private Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION", nullable = false, length = 40)
    private AuditAction action;

    @Column(name = "SUBJECT_TYPE", nullable = false, length = 40)
    private String subjectType;

    @Column(name = "SUBJECT_ID", length = 100)
    private String subjectId;

    @Column(name = "DETAIL", length = 1000)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, AuditAction action, String subjectType, String subjectId, String detail) {
        this.occurredAt = Instant.now();
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.subjectType = Objects.requireNonNull(subjectType, "subjectType");
        this.subjectId = subjectId;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getDetail() {
        return detail;
    }
}
