package org.yigong.hub.inbound.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL where clause of a {@link MessageQuery} over {@code InboundMessage m}, with its
 * parameters: only the filters present become conditions, so the database sees a query it can
 * answer from the index of that filter rather than a chain of "{@code :x is null or ...}".
 */
record MessageConditions(String where, Map<String, Object> parameters) {

    /** The escape character of LIKE patterns; '!' because backslash means different things per database. */
    static final char LIKE_ESCAPE = '!';

    static MessageConditions of(MessageQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.controlId() != null && query.controlId().endsWith("*")) {
            // "KHZ2026*": a sender's batch or day, as control ids usually carry a prefix and a date
            conditions.add("m.controlId like :controlId escape '" + LIKE_ESCAPE + "'");
            parameters.put("controlId", escapeLike(query.controlId().substring(0, query.controlId().length() - 1)) + "%");
        } else if (query.controlId() != null) {
            conditions.add("m.controlId = :controlId");
            parameters.put("controlId", query.controlId());
        }
        if (query.facility() != null) {
            conditions.add("m.sendingFacility = :facility");
            parameters.put("facility", query.facility());
        }
        if (query.patientId() != null) {
            conditions.add("(m.patientId = :patientId or m.nationalId = :patientId)");
            parameters.put("patientId", query.patientId());
        }
        if (query.typeIsPrefix()) {
            // "ADT" stands for every trigger event; a message without one is stored as just "ADT"
            conditions.add("(m.messageType = :type or m.messageType like :typePattern escape '" + LIKE_ESCAPE + "')");
            parameters.put("type", query.type());
            parameters.put("typePattern", escapeLike(query.type()) + "^%");
        } else if (query.type() != null) {
            conditions.add("m.messageType = :type");
            parameters.put("type", query.type());
        }
        if (query.status() != null) {
            conditions.add("m.status = :status");
            parameters.put("status", query.status());
        }
        if (query.from() != null) {
            conditions.add("m.receivedAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("m.receivedAt < :to");
            parameters.put("to", query.to());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return new MessageConditions(where, parameters);
    }

    /** A caller's "%" or "_" is a character to find, not a wildcard. */
    static String escapeLike(String value) {
        var escaped = new StringBuilder(value.length() + 4);
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
