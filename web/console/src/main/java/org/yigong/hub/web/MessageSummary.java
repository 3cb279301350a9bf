package org.yigong.hub.web;

import jakarta.json.bind.annotation.JsonbNillable;
import org.yigong.hub.inbound.entity.InboundMessage;

/**
 * One stored message in a list: who sent it, what it is, how the hub answered, whose it is.
 * Every field is present, {@code null} when the message did not carry it (a rejected frame may
 * have no header at all); {@code receivedAt} is an ISO-8601 instant.
 */
@JsonbNillable
public record MessageSummary(Long id, String controlId, String sendingFacility, String sendingApplication,
                             String type, String status, String ackCode, String receivedAt,
                             String patientId, String patientName, String channel) {

    static MessageSummary of(InboundMessage m) {
        return new MessageSummary(m.getId(), m.getControlId(), m.getSendingFacility(), m.getSendingApplication(),
                m.getMessageType(), m.getStatus() == null ? null : m.getStatus().name(), m.getAckCode(),
                m.getReceivedAt() == null ? null : m.getReceivedAt().toString(),
                m.getPatientId(), m.getPatientName(), m.getChannel());
    }
}
