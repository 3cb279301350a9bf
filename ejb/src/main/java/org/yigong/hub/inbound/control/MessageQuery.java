package org.yigong.hub.inbound.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.yigong.hub.inbound.entity.MessageStatus;

/**
 * Which stored messages hospital IT wants to see, and which page of them (newest first).
 *
 * <p>Every filter is optional; {@code null} means "any". {@code type} is either a type with its
 * trigger event ({@code ADT^A04}, matched exactly) or a bare message type ({@code ADT}, matching
 * every ADT message whatever its trigger). {@code patientId} matches the facility's patient id or
 * the national id card number, because an operator tracing a patient usually has only one of them.
 * {@code from} is inclusive and {@code to} exclusive, so that consecutive days never overlap.
 */
public record MessageQuery(String controlId, String facility, String patientId, String type,
                           MessageStatus status, Instant from, Instant to, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public MessageQuery {
        controlId = presentOrNull(controlId);
        facility = presentOrNull(facility);
        patientId = presentOrNull(patientId);
        type = presentOrNull(type);
        if (offset < 0) {
            throw new InvalidQueryParameter("offset", "must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryParameter("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryParameter("to", "must not be before from (" + from + "), was " + to);
        }
    }

    /** All messages, first page. */
    public static MessageQuery all() {
        return new MessageQuery(null, null, null, null, null, null, null, 0, DEFAULT_LIMIT);
    }

    /**
     * Reads a query from request parameters (name → value; absent and blank values mean "any").
     * Dates are ISO-8601: an instant with offset ({@code 2026-11-22T08:00:00Z},
     * {@code 2026-11-22T16:00+08:00}), or, in {@code zone}, a local date-time
     * ({@code 2026-11-22T08:00}) or a date meaning the start of that day ({@code 2026-11-22}).
     *
     * @throws InvalidQueryParameter naming the first parameter that cannot be used
     */
    public static MessageQuery fromParameters(Map<String, String> parameters, ZoneId zone) {
        return new MessageQuery(
                parameters.get("controlId"),
                parameters.get("facility"),
                parameters.get("patientId"),
                parameters.get("type"),
                status(parameters.get("status")),
                instant("from", parameters.get("from"), zone),
                instant("to", parameters.get("to"), zone),
                number("offset", parameters.get("offset"), 0),
                number("limit", parameters.get("limit"), DEFAULT_LIMIT));
    }

    /** True when {@code type} names a message type without trigger event and so matches them all. */
    public boolean typeIsPrefix() {
        return type != null && type.indexOf('^') < 0;
    }

    /**
     * The filter as the audit trail records it: only the parameters given, and the page. It holds
     * identifiers (a patient id may be one) but never a name: names are not a filter.
     */
    public String describe() {
        var text = new StringJoiner(" ");
        append(text, "controlId", controlId);
        append(text, "facility", facility);
        append(text, "patientId", patientId);
        append(text, "type", type);
        append(text, "status", status);
        append(text, "from", from);
        append(text, "to", to);
        text.add("offset=" + offset).add("limit=" + limit);
        return text.toString();
    }

    private static void append(StringJoiner text, String name, Object value) {
        if (value != null) {
            text.add(name + "=" + value);
        }
    }

    private static String presentOrNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static MessageStatus status(String value) {
        String status = presentOrNull(value);
        if (status == null) {
            return null;
        }
        try {
            return MessageStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryParameter("status", "must be RECEIVED, ERROR or REJECTED, was " + quoted(status));
        }
    }

    private static int number(String name, String value, int absent) {
        String number = presentOrNull(value);
        if (number == null) {
            return absent;
        }
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameter(name, "must be a whole number, was " + quoted(number));
        }
    }

    private static Instant instant(String name, String value, ZoneId zone) {
        String text = presentOrNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // no offset: the operator means the hub's wall clock, as the console shows it
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException notDateTime) {
            // a bare date, then
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameter(name, "must be an ISO-8601 instant (2026-11-22T08:00:00Z) or date (2026-11-22), was "
                    + quoted(text));
        }
    }

    /** The caller's value for an error message, cut short: it is echoed back and may be anything. */
    private static String quoted(String value) {
        return '"' + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + '"';
    }
}
