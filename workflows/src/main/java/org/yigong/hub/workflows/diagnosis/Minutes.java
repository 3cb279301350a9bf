package org.yigong.hub.workflows.diagnosis;

import java.time.Duration;
import java.util.Date;

/** Whole minutes, the unit of the reading time limits. */
final class Minutes {

    private Minutes() {
    }

    static Date after(Date start, int minutes) {
        return Date.from(start.toInstant().plus(Duration.ofMinutes(minutes)));
    }

    static long between(Date start, Date end) {
        return Duration.between(start.toInstant(), end.toInstant()).toMinutes();
    }
}
