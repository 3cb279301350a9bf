package org.yigong.hub.web;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.yigong.hub.inbound.entity.InboundMessage;

/**
 * One stored message with everything the hub knows about it: the fields of {@link MessageSummary},
 * the decoded text as received ({@code raw}) and the charset it was decoded with, the rest of the
 * header, the patient's identifiers, the error that made the hub answer AE or AR, the ACK sent, and
 * where the message was delivered.
 */
@JsonbNillable
public record MessageDetail(Long id, String controlId, String sendingFacility, String sendingApplication,
                            String type, String status, String ackCode, String receivedAt,
                            String patientId, String patientName, String channel,
                            String raw, String charset, String receivingApplication, String receivingFacility,
                            String version, String processingId, String structure,
                            String nationalId, String patientIdAuthority, String remoteAddress, int duplicateCount,
                            ContentError error, String ack, List<Delivery> deliveries) {

    /** What was wrong with the message, as the ERR segment of the ACK told the sender. */
    @JsonbNillable
    public record ContentError(Integer code, String location, String text) {
    }

    /** One delivery of the message to an endpoint and how it went. */
    @JsonbNillable
    public record Delivery(String endpoint, String status, int attempts, String ackCode) {
    }

    static MessageDetail of(InboundMessage m) {
        var summary = MessageSummary.of(m);
        ContentError error = m.getErrorCode() == null && m.getErrorText() == null ? null
                : new ContentError(m.getErrorCode(), m.getErrorLocation(), m.getErrorText());
        // routing does not exist yet: nothing has been delivered anywhere
        List<Delivery> deliveries = List.of();
        return new MessageDetail(summary.id(), summary.controlId(), summary.sendingFacility(),
                summary.sendingApplication(), summary.type(), summary.status(), summary.ackCode(),
                summary.receivedAt(), summary.patientId(), summary.patientName(), summary.channel(),
                m.getRawText(), m.getCharset(), m.getReceivingApplication(), m.getReceivingFacility(),
                m.getHl7Version(), m.getProcessingId(), m.getMessageStructure(),
                m.getNationalId(), m.getPatientIdAuthority(), m.getRemoteAddress(), m.getDuplicateCount(),
                error, m.getAckText(), deliveries);
    }
}
