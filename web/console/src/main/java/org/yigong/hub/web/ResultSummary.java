package org.yigong.hub.web;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.yigong.hub.result.entity.IndexedResult;

/**
 * One result of a patient as clinicians see it in the result index: whose, what service, where it
 * was done and for whom, when, its status (F final, C corrected), whether anything is abnormal or
 * critical, and a short summary. Every field is present, {@code null} when the result did not carry
 * it; times are ISO-8601 instants. {@code messageId} leads to the full report
 * ({@code /hub/api/messages/{messageId}}, for those allowed to read messages).
 */
@JsonbNillable
public record ResultSummary(Long id, long messageId, String patientName, String patientMrn, String mrnAuthority,
                            String nationalId, Service service, String diagnosticService, String performingFacility,
                            String orderingFacility, String placerOrder, String fillerOrder, String observedAt,
                            String reportedAt, String status, boolean abnormal, boolean critical, String summary) {

    /** The test or examination: its code (the county's) and name. */
    @JsonbNillable
    public record Service(String code, String name) {
    }

    static ResultSummary of(IndexedResult r) {
        return new ResultSummary(r.getId(), r.getMessageId(), r.getPatientName(), r.getPatientMrn(), r.getMrnAuthority(),
                r.getNationalId(), new Service(r.getServiceCode(), r.getServiceName()), r.getDiagnosticService(),
                r.getPerformingFacility(), r.getOrderingFacility(), r.getPlacerOrder(), r.getFillerOrder(),
                text(r.getObservedAt()), text(r.getReportedAt()), r.getStatus(), r.isAbnormal(), r.isCritical(), r.getSummary());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
