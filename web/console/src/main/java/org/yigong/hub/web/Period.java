package org.yigong.hub.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.yigong.hub.inbound.control.MessageQuery;

/**
 * A {@code from}/{@code to} pair of query parameters, read as the message search reads them (an
 * ISO-8601 instant or a date in the server's zone), so every resource takes times the same way;
 * one it cannot read is the search's 400 naming the parameter. Either may be null.
 */
record Period(Instant from, Instant to) {

    static Period of(String from, String to) {
        Map<String, String> parameters = new HashMap<>();
        if (from != null) {
            parameters.put("from", from);
        }
        if (to != null) {
            parameters.put("to", to);
        }
        MessageQuery times = MessageQuery.fromParameters(parameters, ZoneId.systemDefault());
        return new Period(times.from(), times.to());
    }
}
