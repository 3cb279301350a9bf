package org.yigong.hub.result.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yigong.hub.audit.control.AuditTrail;
import org.yigong.hub.audit.entity.AuditAction;
import org.yigong.hub.result.PatientKey;
import org.yigong.hub.result.ResultExtract;
import org.yigong.hub.result.entity.IndexedResult;

/**
 * The result index (结果互认): writes the final and corrected results of stored ORU^R01 messages, one
 * row per OBR, and finds a patient's current results for clinicians and for facilities asking
 * whether a test was already done.
 *
 * <p>Each method is one transaction. {@link #index} is idempotent per message: a message indexed
 * before (an operator's reprocess, a redelivery) writes nothing again. A result supersedes the
 * current result of the same order, which stays as history (see {@link IndexedResult}).
 *
 * <p>What a person reads goes through {@link #forPatientAudited}, which records the access in the
 * same transaction as the read; {@link #forPatient} and {@link #recognised} are for the hub's own
 * work (answering an HL7 query, the duplicate-test warning), whose callers audit as they see fit.
 *
 * <p>HL7 times without an offset are read in the hub's time zone, as the message browser reads its
 * dates. Nothing about a patient or a result is logged.
 */
@Stateless
public class ResultIndex {

    /** What the audit trail calls a patient. */
    public static final String AUDIT_SUBJECT = "patient";

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @EJB
    AuditTrail audit;

    ZoneId zone = ZoneId.systemDefault();

    /**
     * Indexes the results of a stored message (its HUB_MESSAGE id) and returns the rows written:
     * none for a message that is not an ORU^R01, has no final or corrected OBR, names no patient,
     * or was indexed before.
     *
     * @param normalizedText the decoded message, segments separated by CR
     */
    public List<IndexedResult> index(long messageId, String normalizedText) {
        if (!em.createNamedQuery(IndexedResult.OF_MESSAGE, IndexedResult.class).setParameter("messageId", messageId)
                .setMaxResults(1).getResultList().isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<IndexedResult> written = new ArrayList<>();
        for (ResultExtract result : OruResults.read(normalizedText, zone)) {
            IndexedResult row = IndexedResult.of(messageId, result, now);
            em.persist(row);
            for (IndexedResult earlier : currentOfSameOrder(row)) {
                if (row.replaces(earlier)) {
                    earlier.supersededBy(row);
                } else {
                    // a final that arrives after its correction: the correction stays current
                    row.supersededBy(earlier);
                }
            }
            written.add(row);
        }
        return written;
    }

    /** The patient's current results, newest first, at most {@code max}. */
    public List<IndexedResult> forPatient(PatientKey key, int max) {
        return forPatient(key, null, null, max);
    }

    /**
     * The patient's current results, newest first, at most {@code max}, of one service (county code,
     * exactly) and reported at or after {@code since}; null for either means any.
     */
    public List<IndexedResult> forPatient(PatientKey key, String serviceCode, Instant since, int max) {
        if (max < 1 || max > MAX_LIMIT) {
            throw new IllegalArgumentException("max must be from 1 to " + MAX_LIMIT + ", was " + max);
        }
        List<String> nationalIds = key.byNationalId() ? List.of() : nationalIdsOf(key);
        var conditions = ResultConditions.of(key, nationalIds, serviceCode, since);
        TypedQuery<IndexedResult> select = em.createQuery(
                "select r from IndexedResult r" + conditions.where() + ResultConditions.NEWEST_FIRST, IndexedResult.class);
        conditions.parameters().forEach(select::setParameter);
        return select.setMaxResults(max).getResultList();
    }

    /**
     * {@link #forPatient(PatientKey, int)} for a person: records PATIENT_RESULTS_VIEWED under the
     * caller's name in the same transaction, also when nothing is found (the caller learnt that).
     */
    public List<IndexedResult> forPatientAudited(PatientKey key, int max) {
        List<IndexedResult> results = forPatient(key, max);
        audit.record(AuditAction.PATIENT_RESULTS_VIEWED, AUDIT_SUBJECT, key.toString(),
                "limit=" + max + " found=" + results.size());
        return results;
    }

    /**
     * The newest current result of a service (county code, exactly) for the patient, reported at or
     * after {@code since}: the result a facility about to order the same test should see first.
     */
    public Optional<IndexedResult> recognised(PatientKey key, String serviceCode, Instant since) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new IllegalArgumentException("a service code is required to recognise a result");
        }
        return forPatient(key, serviceCode, since, 1).stream().findFirst();
    }

    private List<String> nationalIdsOf(PatientKey key) {
        return em.createNamedQuery(IndexedResult.NATIONAL_IDS_OF_MRN, String.class)
                .setParameter("mrn", key.mrn()).setParameter("authority", key.authority()).getResultList();
    }

    private List<IndexedResult> currentOfSameOrder(IndexedResult row) {
        if (!row.hasOrderKey()) {
            return List.of();
        }
        boolean byFiller = row.getFillerOrder() != null;
        return em.createNamedQuery(byFiller ? IndexedResult.CURRENT_OF_FILLER_ORDER : IndexedResult.CURRENT_OF_PLACER_ORDER,
                        IndexedResult.class)
                .setParameter("facility", row.getPerformingFacility())
                .setParameter("order", byFiller ? row.getFillerOrder() : row.getPlacerOrder())
                .setParameter("serviceCode", row.getServiceCode())
                .setParameter("messageId", row.getMessageId())
                .getResultList();
    }
}
