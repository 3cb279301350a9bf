package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yigong.hub.inbound.entity.MessageStatus;

class MessageConditionsTest {

    private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");

    private static MessageQuery query(String controlId, String facility, String patientId, String type,
                                      MessageStatus status, Instant from, Instant to) {
        return new MessageQuery(controlId, facility, patientId, type, status, from, to, 0, 50);
    }

    private static Set<String> namedParameters(String where) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile(":(\\w+)").matcher(where);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void noFilterMeansNoWhereClause() {
        MessageConditions conditions = MessageConditions.of(MessageQuery.all());

        assertThat(conditions.where()).isEmpty();
        assertThat(conditions.parameters()).isEmpty();
    }

    @Test
    void onlyTheFiltersGivenBecomeConditions() {
        MessageConditions conditions = MessageConditions.of(query(null, "TWN_KHZ", null, null, MessageStatus.REJECTED, null, null));

        assertThat(conditions.where()).isEqualTo(" where m.sendingFacility = :facility and m.status = :status");
        assertThat(conditions.parameters()).containsOnly(
                entry("facility", "TWN_KHZ"),
                entry("status", MessageStatus.REJECTED));
    }

    @Test
    void controlIdIsMatchedExactly() {
        MessageConditions conditions = MessageConditions.of(query("MSG00001", null, null, null, null, null, null));

        assertThat(conditions.where()).isEqualTo(" where m.controlId = :controlId");
        assertThat(conditions.parameters()).containsEntry("controlId", "MSG00001");
    }

    @Test
    void patientIdFindsTheFacilitysIdOrTheNationalId() {
        MessageConditions conditions = MessageConditions.of(query(null, null, "110101199003071234", null, null, null, null));

        assertThat(conditions.where()).isEqualTo(" where (m.patientId = :patientId or m.nationalId = :patientId)");
        assertThat(conditions.parameters()).containsOnlyKeys("patientId");
    }

    @Test
    void typeWithTriggerIsMatchedExactly() {
        MessageConditions conditions = MessageConditions.of(query(null, null, null, "ADT^A04", null, null, null));

        assertThat(conditions.where()).isEqualTo(" where m.messageType = :type");
        assertThat(conditions.parameters()).containsEntry("type", "ADT^A04");
    }

    @Test
    void bareTypeMatchesItselfAndEveryTriggerEvent() {
        MessageConditions conditions = MessageConditions.of(query(null, null, null, "ADT", null, null, null));

        assertThat(conditions.where()).isEqualTo(" where (m.messageType = :type or m.messageType like :typePattern escape '!')");
        assertThat(conditions.parameters()).containsEntry("type", "ADT").containsEntry("typePattern", "ADT^%");
    }

    @Test
    void wildcardsInATypeAreCharactersNotPatterns() {
        assertThat(MessageConditions.of(query(null, null, null, "AD_", null, null, null)).parameters())
                .containsEntry("typePattern", "AD!_^%");
        assertThat(MessageConditions.escapeLike("%!_")).isEqualTo("!%!!!_");
        assertThat(MessageConditions.escapeLike("ORU")).isEqualTo("ORU");
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        MessageConditions conditions = MessageConditions.of(query(null, null, null, null, null, FROM, TO));

        assertThat(conditions.where()).isEqualTo(" where m.receivedAt >= :from and m.receivedAt < :to");
        assertThat(conditions.parameters()).containsEntry("from", FROM).containsEntry("to", TO);
    }

    @Test
    void everyNamedParameterIsBoundAndNothingElse() {
        MessageConditions conditions = MessageConditions.of(
                query("MSG1", "TWN_KHZ", "P1", "ORU", MessageStatus.RECEIVED, FROM, TO));

        assertThat(namedParameters(conditions.where())).isEqualTo(conditions.parameters().keySet());
        assertThat(conditions.where()).startsWith(" where ").doesNotContain("null");
    }
}
