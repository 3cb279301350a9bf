package org.yigong.hub.workflow.entity;

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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A message handed to a process: the workflow bridge's outbox row. Routing writes it in the same
 * transaction as the message's deliveries; the bridge gives it to the engine afterwards, in ID
 * order, one transaction each. So the engine's work (a DMN, a duplicate-test lookup, history) never
 * delays a delivery, a report is handed over after the order it reports on, and after a crash the
 * pending rows are simply worked on. A row ends DONE, with what happened, or FAILED, with why; a
 * failed one is handed over again when its message is reprocessed.
 */
@Entity
@Table(name = "HUB_HANDOVER", indexes = {
        @Index(name = "HUB_HANDOVER_QUEUE_IDX", columnList = "STATUS, ID"),
        @Index(name = "HUB_HANDOVER_MESSAGE_IDX", columnList = "MESSAGE_ID"),
        @Index(name = "HUB_HANDOVER_ORDER_IDX", columnList = "PROCESS_KEY, BUSINESS_KEY")})
@NamedQuery(name = HandOver.PENDING,
        query = "select h.id from HandOver h where h.status = org.yigong.hub.workflow.entity.HandOverStatus.PENDING order by h.id")
@NamedQuery(name = HandOver.DEPTHS, query = "select h.status, count(h), min(h.createdAt) from HandOver h"
        + " where h.status <> org.yigong.hub.workflow.entity.HandOverStatus.DONE group by h.status")
@NamedQuery(name = HandOver.STARTED, query = "select h.processInstance from HandOver h where h.processKey = :process"
        + " and h.businessKey = :businessKey and h.processInstance is not null order by h.id desc")
@NamedQuery(name = HandOver.OF_MESSAGE, query = "select h from HandOver h where h.messageId = :messageId order by h.id")
public class HandOver {

    public static final String PENDING = "HandOver.pending";
    public static final String OF_MESSAGE = "HandOver.ofMessage";
    public static final String DEPTHS = "HandOver.depths";
    public static final String STARTED = "HandOver.started";

    @Id
    @SequenceGenerator(name = "HUB_HANDOVER_SEQ", sequenceName = "HUB_HANDOVER_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "HUB_HANDOVER_SEQ")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private int rowVersion;

    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;

    @Column(name = "PROCESS_KEY", nullable = false, length = 120)
    private String processKey;

    @Column(name = "ROUTE", length = 80)
    private String route;

    @Column(name = "CENTRE", length = 80)
    private String centre;

    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private HandOverStatus status;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "DONE_AT")
    private Instant doneAt;

    @Column(name = "OUTCOME", length = 400)
    private String outcome;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "BUSINESS_KEY", length = 200)
    private String businessKey;

    /** Set on the hand-over that started the process. */
    @Column(name = "PROCESS_INSTANCE", length = 64)
    private String processInstance;

    protected HandOver() {
    }

    /**
     * @param payload the message as its route's destination receives it (translated)
     * @param centre  the endpoint the route delivers to, or null
     */
    public HandOver(long messageId, String processKey, String route, String centre, String payload) {
        this.messageId = messageId;
        this.processKey = processKey;
        this.route = route;
        this.centre = centre;
        this.payload = payload;
        this.status = HandOverStatus.PENDING;
        this.createdAt = Instant.now();
    }

    /**
     * @param businessKey     the process's business key the message belongs to, or null
     * @param processInstance the process instance this hand-over started, or null
     */
    public void done(String outcome, String businessKey, String processInstance) {
        this.businessKey = businessKey;
        this.processInstance = processInstance;
        status = HandOverStatus.DONE;
        doneAt = Instant.now();
        this.outcome = cut(outcome, 400);
        lastError = null;
    }

    public void failed(String error) {
        status = HandOverStatus.FAILED;
        doneAt = Instant.now();
        lastError = cut(error, 1000);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    public Long getId() { return id; }
    public long getMessageId() { return messageId; }
    public String getProcessKey() { return processKey; }
    public String getRoute() { return route; }
    public String getCentre() { return centre; }
    public String getPayload() { return payload; }
    public HandOverStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDoneAt() { return doneAt; }
    public String getOutcome() { return outcome; }
    public String getLastError() { return lastError; }
    public String getBusinessKey() { return businessKey; }
    public String getProcessInstance() { return processInstance; }
}
