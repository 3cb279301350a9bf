package org.yigong.hub.delivery.entity;

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
 * One message on its way to one endpoint: the outbox row, written in the same transaction as the
 * routing decision, so that what was decided is delivered even after a crash.
 *
 * <p>Lifecycle: PENDING (in the endpoint's queue, in id order) until the endpoint acknowledges it
 * (DELIVERED) or rejects it or attempts run out (FAILED). The payload is the translated message as
 * sent, with its own MSH-10 ({@code controlId}), the same on every attempt so that the endpoint can
 * recognise a repeat. A resend is a new delivery at the end of the queue; this row stays as history.
 */
@Entity
@Table(name = "HUB_DELIVERY", indexes = {
        @Index(name = "HUB_DELIVERY_QUEUE_IDX", columnList = "ENDPOINT, STATUS, ID"),
        @Index(name = "HUB_DELIVERY_MESSAGE_IDX", columnList = "MESSAGE_ID")})
@NamedQuery(name = Delivery.QUEUE_HEAD,
        // ordered by the whole index, so that H2 too reads the queue from the index instead of
        // sorting every pending row of the endpoint
        query = "select d from Delivery d where d.endpoint = :endpoint and d.status = org.yigong.hub.delivery.entity.DeliveryStatus.PENDING"
                + " order by d.endpoint, d.status, d.id")
@NamedQuery(name = Delivery.QUEUE_AFTER,
        query = "select d from Delivery d where d.endpoint = :endpoint and d.status = org.yigong.hub.delivery.entity.DeliveryStatus.PENDING"
                + " and d.id > :after order by d.endpoint, d.status, d.id")
@NamedQuery(name = Delivery.FAILED_NOT_RESENT,
        query = "select d.id from Delivery d where d.endpoint = :endpoint and d.status = org.yigong.hub.delivery.entity.DeliveryStatus.FAILED"
                + " and d.resentAs is null and d.createdAt >= :from and d.createdAt < :to order by d.id")
@NamedQuery(name = Delivery.DELIVERED,
        query = "update Delivery d set d.status = org.yigong.hub.delivery.entity.DeliveryStatus.DELIVERED, d.attempts = d.attempts + 1,"
                + " d.deliveredAt = :at, d.ackCode = :ackCode, d.ackText = :ackText, d.lastError = null, d.rowVersion = d.rowVersion + 1"
                + " where d.id = :id and d.status = org.yigong.hub.delivery.entity.DeliveryStatus.PENDING")
@NamedQuery(name = Delivery.OF_MESSAGE, query = "select d from Delivery d where d.messageId = :messageId order by d.id")
@NamedQuery(name = Delivery.DEPTHS,
        query = "select d.endpoint, d.status, count(d), min(d.createdAt) from Delivery d where d.status <> org.yigong.hub.delivery.entity.DeliveryStatus.DELIVERED group by d.endpoint, d.status")
public class Delivery {

    public static final String QUEUE_HEAD = "Delivery.queueHead";
    public static final String OF_MESSAGE = "Delivery.ofMessage";
    public static final String DEPTHS = "Delivery.depths";
    public static final String QUEUE_AFTER = "Delivery.queueAfter";
    public static final String FAILED_NOT_RESENT = "Delivery.failedNotResent";
    public static final String DELIVERED = "Delivery.delivered";
    /** The lane of deliveries that are about no patient in particular. */
    public static final String NO_PATIENT = "-";

    @Id
    @SequenceGenerator(name = "HUB_DELIVERY_SEQ", sequenceName = "HUB_DELIVERY_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "HUB_DELIVERY_SEQ")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private int rowVersion;

    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;

    @Column(name = "ENDPOINT", nullable = false, length = 80)
    private String endpoint;

    @Column(name = "ROUTE", length = 80)
    private String route;

    @Column(name = "MAPPING", length = 120)
    private String mapping;

    @Column(name = "CONTROL_ID", nullable = false, length = 40)
    private String controlId;

    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;

    @Column(name = "ACK_CODE", length = 2)
    private String ackCode;

    @Column(name = "ACK_TEXT", length = 4000)
    private String ackText;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "PATIENT_KEY", nullable = false, length = 120)
    private String patientKey;

    @Column(name = "RESENT_AS")
    private Long resentAs;

    protected Delivery() {
    }

    /**
     * @param patientKey the patient the payload is about ({@code MRN@authority}, else the national
     *                   ID), or null: the lane of endpoints ordered per patient
     */
    public Delivery(long messageId, String endpoint, String route, String mapping, String payload, String patientKey) {
        this.messageId = messageId;
        this.patientKey = patientKey == null || patientKey.isBlank() ? NO_PATIENT : cut(patientKey, 120);
        this.endpoint = endpoint;
        this.route = route;
        this.mapping = mapping;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = Instant.now();
        this.nextAttemptAt = createdAt;
        this.controlId = "";
    }

    /** Called once the id is known: the MSH-10 this delivery is sent with, on every attempt. */
    public void numbered(String controlId, String payload) {
        this.controlId = controlId;
        this.payload = payload;
    }

    /** A failed attempt: try again at {@code next}, or, when null, give up (FAILED). */
    public void attemptFailed(String error, String ackCode, String ackText, Instant next) {
        attempts++;
        lastError = cut(error, 1000);
        this.ackCode = ackCode;
        this.ackText = cut(ackText, 4000);
        if (next == null) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = next;
        }
    }

    /** A new delivery of the same payload at the end of the queue. */
    public Delivery resend() {
        if (status != DeliveryStatus.FAILED) {
            throw new IllegalStateException("delivery " + id + " is " + status + "; only a failed delivery is resent");
        }
        return new Delivery(messageId, endpoint, route, mapping, payload, patientKey);
    }

    public void resentAs(long deliveryId) {
        this.resentAs = deliveryId;
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    public Long getId() { return id; }
    public long getMessageId() { return messageId; }
    public String getEndpoint() { return endpoint; }
    public String getRoute() { return route; }
    public String getMapping() { return mapping; }
    public String getControlId() { return controlId; }
    public String getPayload() { return payload; }
    public DeliveryStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public String getAckCode() { return ackCode; }
    public String getAckText() { return ackText; }
    public String getLastError() { return lastError; }
    public Long getResentAs() { return resentAs; }
    public String getPatientKey() { return patientKey; }
}
