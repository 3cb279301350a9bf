package org.yigong.hub.inbound.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 date/time values (TS in 2.3 and 2.4, DTM from 2.5): {@code YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]}.
 * A value without offset is local time in the hub's zone: Chinese HIS almost never send one, and
 * they mean Beijing time.
 */
public final class Hl7Time {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private Hl7Time() {
    }

    /** The instant of a DTM (first component of a TS), or null when it is empty or not a date/time. */
    public static Instant parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = DTM.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            var local = LocalDateTime.of(number(m, 1, 0), number(m, 2, 1), number(m, 3, 1),
                    number(m, 4, 0), number(m, 5, 0), number(m, 6, 0), nanos(m.group(7)));
            ZoneId in = m.group(8) == null ? zone : ZoneOffset.of(m.group(8).substring(0, 3) + ":" + m.group(8).substring(3));
            return local.atZone(in).toInstant();
        } catch (DateTimeException e) {
            // 20261332 and the like: a sender's typo is no time at all rather than a guess
            return null;
        }
    }

    /** A DTM to the second, with the zone's offset, as the hub writes times. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : WITH_OFFSET.format(instant.atZone(zone));
    }

    private static int number(Matcher m, int group, int absent) {
        return m.group(group) == null ? absent : Integer.parseInt(m.group(group));
    }

    private static int nanos(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
