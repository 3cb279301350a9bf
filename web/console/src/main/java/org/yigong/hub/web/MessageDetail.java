package org.yigong.hub.web;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.yigong.hub.inbound.entity.InboundMessage;

/**
 * One stored message with everything the hub knows about it: the fields of {@link MessageSummary},
 * the decoded text as received ({@code raw}) and the charset it was decoded with, the rest of the
 * header, the patient's identifiers, the error that made the hub answer AE or AR, the ACK sent,
 * where the message was delivered, and which processes it was handed to.
 */
@JsonbNillable
public record MessageDetail(Long id, String controlId, String sendingFacility, String sendingApplication,
                            String type, String status, String ackCode, String receivedAt,
                            String patientId, String patientName, String channel,
                            String raw, String charset, String receivingApplication, String receivingFacility,
                            String version, String processingId, String structure,
                            String nationalId, String patientIdAuthority, String remoteAddress, int duplicateCount,
                            ContentError error, String ack, List<Delivery> deliveries, List<Workflow> workflows) {

    /** What was wrong with the message, as the ERR segment of the ACK told the sender. */
    @JsonbNillable
    public record ContentError(Integer code, String location, String text) {
    }

    /** One delivery of the message to an endpoint and how it went. */
    @JsonbNillable
    public record Delivery(long id, String endpoint, String status, int attempts, String ackCode, String lastError,
                           String controlId, String route, String mapping, String createdAt, String nextAttemptAt,
                           String deliveredAt, Long resentAs) {
        static Delivery of(org.yigong.hub.delivery.entity.Delivery d) {
            return new Delivery(d.getId(), d.getEndpoint(), d.getStatus().name(), d.getAttempts(), d.getAckCode(),
                    d.getLastError(), d.getControlId(), d.getRoute(), d.getMapping(), text(d.getCreatedAt()),
                    d.getStatus() == org.yigong.hub.delivery.entity.DeliveryStatus.PENDING ? text(d.getNextAttemptAt()) : null,
                    text(d.getDeliveredAt()), d.getResentAs());
        }

        private static String text(java.time.Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** One hand-over of the message to a process: started, correlated, or why not. */
    @JsonbNillable
    public record Workflow(long id, String process, String route, String status, String outcome, String error,
                           String businessKey, String processInstance, String createdAt, String doneAt) {
        static Workflow of(org.yigong.hub.workflow.entity.HandOver h) {
            return new Workflow(h.getId(), h.getProcessKey(), h.getRoute(), h.getStatus().name(), h.getOutcome(), h.getLastError(),
                    h.getBusinessKey(), h.getProcessInstance(), Delivery.text(h.getCreatedAt()), Delivery.text(h.getDoneAt()));
        }
    }

    static MessageDetail of(InboundMessage m) {
        return of(m, List.of(), List.of());
    }

    static MessageDetail of(InboundMessage m, List<org.yigong.hub.delivery.entity.Delivery> delivered,
                            List<org.yigong.hub.workflow.entity.HandOver> handedOver) {
        var summary = MessageSummary.of(m);
        ContentError error = m.getErrorCode() == null && m.getErrorText() == null ? null
                : new ContentError(m.getErrorCode(), m.getErrorLocation(), m.getErrorText());
        List<Delivery> deliveries = delivered.stream().map(Delivery::of).toList();
        return new MessageDetail(summary.id(), summary.controlId(), summary.sendingFacility(),
                summary.sendingApplication(), summary.type(), summary.status(), summary.ackCode(),
                summary.receivedAt(), summary.patientId(), summary.patientName(), summary.channel(),
                m.getRawText(), m.getCharset(), m.getReceivingApplication(), m.getReceivingFacility(),
                m.getHl7Version(), m.getProcessingId(), m.getMessageStructure(),
                m.getNationalId(), m.getPatientIdAuthority(), m.getRemoteAddress(), m.getDuplicateCount(),
                error, m.getAckText(), deliveries, handedOver.stream().map(Workflow::of).toList());
    }
}
