package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.inbound.entity.MessageStatus;

class MessageQueryTest {

    /** Not UTC, so that a date read in the wrong zone shows. */
    private static final ZoneId HUB_ZONE = ZoneId.of("Asia/Shanghai");

    private static MessageQuery parse(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return MessageQuery.fromParameters(parameters, HUB_ZONE);
    }

    private static void assertRejected(String parameter, String... namesAndValues) {
        assertThatThrownBy(() -> parse(namesAndValues))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOfSatisfying(InvalidQueryParameter.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageStartingWith(parameter + " ");
    }

    @Test
    void noParametersMeanEveryMessageFirstPageOfFifty() {
        assertThat(parse()).isEqualTo(MessageQuery.all())
                .isEqualTo(new MessageQuery(null, null, null, null, null, null, null, 0, 50));
    }

    @Test
    void emptyFieldsOfTheConsoleFormMeanAny() {
        MessageQuery query = parse("controlId", "", "facility", " ", "patientId", "", "type", "",
                "status", "", "from", "", "to", " ", "offset", "", "limit", "");

        assertThat(query).isEqualTo(MessageQuery.all());
    }

    @Test
    void everyFilterIsKeptTrimmed() {
        MessageQuery query = parse("controlId", " MSG00001 ", "facility", "TWN_KHZ", "patientId", "110101199003071234",
                "type", "ADT^A04", "status", "ERROR", "from", "2026-11-22T08:00:00Z", "to", "2026-11-23T08:00:00Z",
                "offset", "100", "limit", "20");

        assertThat(query).isEqualTo(new MessageQuery("MSG00001", "TWN_KHZ", "110101199003071234", "ADT^A04",
                MessageStatus.ERROR, Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-23T08:00:00Z"), 100, 20));
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(parse("_", "1700000000000")).isEqualTo(MessageQuery.all());
    }

    @Nested
    class Status {

        @ParameterizedTest
        @CsvSource({"RECEIVED,RECEIVED", "error,ERROR", "Rejected,REJECTED"})
        void isReadWhateverItsCase(String given, MessageStatus expected) {
            assertThat(parse("status", given).status()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DELIVERED", "AA", "RECEIVED,ERROR"})
        void unknownIsRejectedNamingStatus(String given) {
            assertRejected("status", "status", given);
            assertThatThrownBy(() -> parse("status", given)).hasMessageContaining("RECEIVED, ERROR or REJECTED");
        }
    }

    @Nested
    class TimeReceived {

        @Test
        void instantInUtc() {
            assertThat(parse("from", "2026-11-22T08:00:00Z").from()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        }

        @Test
        void instantWithOffsetOrWithoutSeconds() {
            assertThat(parse("from", "2026-11-22T16:00:00+08:00").from()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
            assertThat(parse("to", "2026-11-22T08:00Z").to()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
            assertThat(parse("to", "2026-11-22T08:00:00.250Z").to()).isEqualTo(Instant.parse("2026-11-22T08:00:00.250Z"));
        }

        @Test
        void dateMeansStartOfThatDayInTheHubsZone() {
            MessageQuery oneDay = parse("from", "2026-11-22", "to", "2026-11-23");

            assertThat(oneDay.from()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
            assertThat(oneDay.to()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        }

        @Test
        void localDateTimeIsInTheHubsZone() {
            assertThat(parse("from", "2026-11-22T08:30").from()).isEqualTo(Instant.parse("2026-11-22T00:30:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"22.11.2026", "2026-11-31", "yesterday", "1763798400", "2026-11-22 08:00:00"})
        void unreadableIsRejectedNamingTheParameter(String given) {
            assertRejected("from", "from", given);
            assertRejected("to", "to", given);
        }

        @Test
        void sameFromAndToIsAnEmptyRangeNotAnError() {
            MessageQuery query = parse("from", "2026-11-22", "to", "2026-11-22");

            assertThat(query.from()).isEqualTo(query.to());
        }

        @Test
        void toBeforeFromIsRejected() {
            assertRejected("to", "from", "2026-11-23", "to", "2026-11-22");
        }
    }

    @Nested
    class Paging {

        @ParameterizedTest
        @ValueSource(strings = {"1", "50", "500"})
        void limitUpToFiveHundredIsTaken(String limit) {
            assertThat(parse("limit", limit).limit()).isEqualTo(Integer.parseInt(limit));
        }

        @ParameterizedTest
        @ValueSource(strings = {"501", "0", "-1", "ten", "1.5", "99999999999"})
        void limitOutOfRangeOrNotANumberIsRejected(String limit) {
            assertRejected("limit", "limit", limit);
        }

        @Test
        void limitTooLargeSaysTheMaximum() {
            assertThatThrownBy(() -> parse("limit", "501")).hasMessage("limit must be between 1 and 500, was 501");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "first", "2147483648"})
        void negativeOrNonNumericOffsetIsRejected(String offset) {
            assertRejected("offset", "offset", offset);
        }

        @Test
        void offsetDefaultsToZero() {
            assertThat(parse("limit", "10").offset()).isZero();
        }

        @Test
        void pagesAreCheckedWhenBuiltInCodeToo() {
            assertThatThrownBy(() -> new MessageQuery(null, null, null, null, null, null, null, 0, 501))
                    .isInstanceOf(InvalidQueryParameter.class);
        }
    }

    @Nested
    class Type {

        @Test
        void bareMessageTypeMatchesAsPrefix() {
            assertThat(parse("type", "ADT").typeIsPrefix()).isTrue();
        }

        @Test
        void typeWithTriggerEventMatchesExactly() {
            assertThat(parse("type", "ADT^A04").typeIsPrefix()).isFalse();
        }

        @Test
        void noTypeIsNoPrefix() {
            assertThat(MessageQuery.all().typeIsPrefix()).isFalse();
        }
    }

    @Nested
    class AuditDetail {

        @Test
        void namesOnlyTheFiltersGivenAndThePage() {
            MessageQuery query = parse("facility", "TWN_KHZ", "type", "ORU", "status", "error",
                    "from", "2026-11-22", "limit", "20");

            assertThat(query.describe())
                    .isEqualTo("facility=TWN_KHZ type=ORU status=ERROR from=2026-11-21T16:00:00Z offset=0 limit=20");
        }

        @Test
        void keepsThePatientIdentifierTheOperatorSearchedFor() {
            assertThat(parse("patientId", "P000123").describe()).isEqualTo("patientId=P000123 offset=0 limit=50");
        }

        @Test
        void ofEverythingIsJustThePage() {
            assertThat(MessageQuery.all().describe()).isEqualTo("offset=0 limit=50");
        }
    }

    @Test
    void errorsEchoAtMostFortyCharactersOfWhatWasSent() {
        String long400 = "x".repeat(400);

        assertThatThrownBy(() -> parse("from", long400))
                .message().hasSizeLessThan(200).contains("x".repeat(40) + "…");
    }
}
