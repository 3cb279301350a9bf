package org.yigong.hub.result.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.yigong.hub.result.ResultExtract;

/**
 * One result in the index (结果互认): one OBR of a final or corrected ORU^R01, keyed by the patient
 * as the message named them (medical record number with its assigning authority, national ID when
 * present), so that any facility finds it instead of repeating the test.
 *
 * <p>Lifecycle: written once when the message is indexed, never changed except for one thing: a
 * later result of the same order (same performing facility and service, same filler order number,
 * else same placer order number) supersedes it, and {@code supersededBy} then names the row that
 * replaced it. Only rows with no {@code supersededBy} are current and shown; the superseded ones stay
 * as history, so that a corrected report (OBR-25 C) never erases what was reported first, and so
 * that which report replaced which can be traced. The newer report is the one reported later
 * (OBR-22); a final result that arrives after its correction is therefore superseded at once.
 *
 * <p>The summary is patient content like the rest of the row: it lives in the database and the
 * API, never in a log line.
 */
@Entity
@Table(name = "HUB_RESULT", indexes = {
        @Index(name = "HUB_RESULT_MESSAGE_UK", columnList = "MESSAGE_ID, OBR_POSITION", unique = true),
        @Index(name = "HUB_RESULT_NATIONAL_IDX", columnList = "NATIONAL_ID"),
        @Index(name = "HUB_RESULT_PATIENT_IDX", columnList = "PATIENT_MRN, MRN_AUTHORITY"),
        @Index(name = "HUB_RESULT_SERVICE_IDX", columnList = "SERVICE_CODE, REPORTED_AT"),
        @Index(name = "HUB_RESULT_FILLER_IDX", columnList = "PERFORMING_FACILITY, FILLER_ORDER"),
        @Index(name = "HUB_RESULT_PLACER_IDX", columnList = "PERFORMING_FACILITY, PLACER_ORDER")})
@NamedQuery(name = IndexedResult.OF_MESSAGE,
        query = "select r from IndexedResult r where r.messageId = :messageId order by r.obrPosition")
@NamedQuery(name = IndexedResult.NATIONAL_IDS_OF_MRN,
        query = "select distinct r.nationalId from IndexedResult r where r.patientMrn = :mrn and r.mrnAuthority = :authority and r.nationalId is not null")
@NamedQuery(name = IndexedResult.CURRENT_OF_FILLER_ORDER,
        query = "select r from IndexedResult r where r.performingFacility = :facility and r.fillerOrder = :order"
                + " and r.serviceCode = :serviceCode and r.supersededBy is null and r.messageId <> :messageId")
@NamedQuery(name = IndexedResult.CURRENT_OF_PLACER_ORDER,
        query = "select r from IndexedResult r where r.performingFacility = :facility and r.placerOrder = :order"
                + " and r.serviceCode = :serviceCode and r.supersededBy is null and r.messageId <> :messageId")
public class IndexedResult {

    /** The rows of one message, in the order of its OBRs. */
    public static final String OF_MESSAGE = "IndexedResult.ofMessage";
    /** The national IDs recorded with a facility's MRN: how a patient is recognised across facilities. */
    public static final String NATIONAL_IDS_OF_MRN = "IndexedResult.nationalIdsOfMrn";
    /**
     * The current rows of the same order, by filler order number (parameters facility, order,
     * serviceCode, messageId); rows of the message being indexed are not its predecessors.
     */
    public static final String CURRENT_OF_FILLER_ORDER = "IndexedResult.currentOfFillerOrder";
    /** The same by placer order number, for results that carry no filler order number. */
    public static final String CURRENT_OF_PLACER_ORDER = "IndexedResult.currentOfPlacerOrder";

    @Id
    @SequenceGenerator(name = "HUB_RESULT_SEQ", sequenceName = "HUB_RESULT_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "HUB_RESULT_SEQ")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private int rowVersion;

    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;

    @Column(name = "OBR_POSITION", nullable = false)
    private int obrPosition;

    @Column(name = "PATIENT_MRN", length = 64)
    private String patientMrn;

    @Column(name = "MRN_AUTHORITY", length = 100)
    private String mrnAuthority;

    @Column(name = "NATIONAL_ID", length = 40)
    private String nationalId;

    @Column(name = "PATIENT_NAME", length = 200)
    private String patientName;

    @Column(name = "PLACER_ORDER", length = 100)
    private String placerOrder;

    @Column(name = "FILLER_ORDER", length = 100)
    private String fillerOrder;

    @Column(name = "ORDERING_FACILITY", length = 180)
    private String orderingFacility;

    @Column(name = "PERFORMING_FACILITY", length = 180)
    private String performingFacility;

    @Column(name = "PERFORMING_APP", length = 180)
    private String performingApplication;

    @Column(name = "SERVICE_CODE", length = 80)
    private String serviceCode;

    @Column(name = "SERVICE_NAME", length = 200)
    private String serviceName;

    @Column(name = "SERVICE_SYSTEM", length = 40)
    private String serviceCodingSystem;

    @Column(name = "DIAGNOSTIC_SERVICE", length = 10)
    private String diagnosticService;

    @Column(name = "OBSERVED_AT")
    private Instant observedAt;

    @Column(name = "REPORTED_AT", nullable = false)
    private Instant reportedAt;

    @Column(name = "RESULT_STATUS", nullable = false, length = 1)
    private String status;

    @Column(name = "ABNORMAL", nullable = false)
    private boolean abnormal;

    @Column(name = "CRITICAL", nullable = false)
    private boolean critical;

    @Column(name = "SUMMARY", length = 500)
    private String summary;

    @Column(name = "INDEXED_AT", nullable = false)
    private Instant indexedAt;

    @Column(name = "SUPERSEDED_BY")
    private Long supersededBy;

    protected IndexedResult() {
    }

    /**
     * The row for one extracted result of a stored message. A result whose message carries no
     * report time at all counts as reported when it was indexed.
     */
    public static IndexedResult of(long messageId, ResultExtract result, Instant indexedAt) {
        var row = new IndexedResult();
        row.messageId = messageId;
        row.obrPosition = result.obrPosition();
        row.patientMrn = cut(result.patientMrn(), 64);
        row.mrnAuthority = cut(result.mrnAuthority(), 100);
        row.nationalId = cut(result.nationalId(), 40);
        row.patientName = cut(result.patientName(), 200);
        row.placerOrder = cut(result.placerOrder(), 100);
        row.fillerOrder = cut(result.fillerOrder(), 100);
        row.orderingFacility = cut(result.orderingFacility(), 180);
        row.performingFacility = cut(result.performingFacility(), 180);
        row.performingApplication = cut(result.performingApplication(), 180);
        row.serviceCode = cut(result.serviceCode(), 80);
        row.serviceName = cut(result.serviceName(), 200);
        row.serviceCodingSystem = cut(result.serviceCodingSystem(), 40);
        row.diagnosticService = cut(result.diagnosticService(), 10);
        row.observedAt = result.observedAt();
        row.reportedAt = result.reportedAt() != null ? result.reportedAt() : indexedAt;
        row.status = result.status();
        row.abnormal = result.abnormal();
        row.critical = result.critical();
        row.summary = cut(result.summary(), 500);
        row.indexedAt = indexedAt;
        return row;
    }

    /**
     * Whether this result, rather than {@code earlier}, is the current one of their order: the one
     * reported later; on the same report time, this one, which arrived later.
     */
    public boolean replaces(IndexedResult earlier) {
        return !reportedAt.isBefore(earlier.reportedAt);
    }

    /** Marks this row as history, replaced by {@code newer} (which must already have its id). */
    public void supersededBy(IndexedResult newer) {
        if (newer.id == null) {
            throw new IllegalStateException("the superseding result must be persisted first");
        }
        this.supersededBy = newer.id;
    }

    /** True while no later result of the same order has replaced this one. */
    public boolean isCurrent() {
        return supersededBy == null;
    }

    /** Whether the order can be recognised at all: without facility, service and an order number it cannot. */
    public boolean hasOrderKey() {
        return performingFacility != null && serviceCode != null && (fillerOrder != null || placerOrder != null);
    }

    private static String cut(String value, int length) {
        if (value == null || value.length() <= length) {
            return value;
        }
        // never half of a character outside the BMP (a rare 𠀀 in a name)
        int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
        return value.substring(0, end);
    }

    public Long getId() { return id; }
    public long getMessageId() { return messageId; }
    public int getObrPosition() { return obrPosition; }
    public String getPatientMrn() { return patientMrn; }
    public String getMrnAuthority() { return mrnAuthority; }
    public String getNationalId() { return nationalId; }
    public String getPatientName() { return patientName; }
    public String getPlacerOrder() { return placerOrder; }
    public String getFillerOrder() { return fillerOrder; }
    public String getOrderingFacility() { return orderingFacility; }
    public String getPerformingFacility() { return performingFacility; }
    public String getPerformingApplication() { return performingApplication; }
    public String getServiceCode() { return serviceCode; }
    public String getServiceName() { return serviceName; }
    public String getServiceCodingSystem() { return serviceCodingSystem; }
    public String getDiagnosticService() { return diagnosticService; }
    public Instant getObservedAt() { return observedAt; }
    public Instant getReportedAt() { return reportedAt; }
    public String getStatus() { return status; }
    public boolean isAbnormal() { return abnormal; }
    public boolean isCritical() { return critical; }
    public String getSummary() { return summary; }
    public Instant getIndexedAt() { return indexedAt; }
    public Long getSupersededBy() { return supersededBy; }
}
