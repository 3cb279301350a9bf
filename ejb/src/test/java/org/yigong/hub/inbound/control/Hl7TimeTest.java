package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026,                     2025-12-31T16:00:00Z",
            "20261020,                 2026-10-19T16:00:00Z",
            "202610200910,             2026-10-20T01:10:00Z",
            "20261020091000,           2026-10-20T01:10:00Z",
            "20261020091000.25,        2026-10-20T01:10:00.250Z",
            "20261020091000+0000,      2026-10-20T09:10:00Z",
            "20261020091000-0500,      2026-10-20T14:10:00Z",
            "202610200910+0800,        2026-10-20T01:10:00Z",
            "202610200845,             2026-10-20T00:45:00Z",
            "20261020084500+0800,      2026-10-20T00:45:00Z"})
    void everyPrecisionIsReadAndATimeWithoutOffsetIsTheHubsLocalTime(String dtm, String instant) {
        assertThat(Hl7Time.parse(dtm, BEIJING)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2026102", "20261332", "20261020256000", "yesterday", "2026-10-20"})
    void somethingElseIsNoTime(String value) {
        assertThat(Hl7Time.parse(value, BEIJING)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-20T01:10:00Z"})
    void theHubWritesSecondsWithItsOffset(String instant) {
        assertThat(Hl7Time.format(Instant.parse(instant), BEIJING)).isEqualTo("20261020091000+0800");
        assertThat(Hl7Time.format(null, BEIJING)).isEmpty();
    }
}
