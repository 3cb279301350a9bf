package org.yigong.hub.result.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yigong.hub.result.PatientKey;

class ResultConditionsTest {

    private static final Instant SINCE = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void aNationalIdFindsTheCurrentResultsFiledUnderIt() {
        var conditions = ResultConditions.of(PatientKey.parse("150525196903150428"), List.of(), null, null);

        assertThat(conditions.where()).isEqualTo(" where r.nationalId = :nationalId and r.supersededBy is null");
        assertThat(conditions.parameters()).containsExactly(entry("nationalId", "150525196903150428"));
    }

    @Test
    void anMrnWithoutKnownNationalIdFindsOnlyItsOwnResults() {
        var conditions = ResultConditions.of(PatientKey.parse("KHZ0012345@TWN_KHZ"), List.of(), null, null);

        assertThat(conditions.where())
                .isEqualTo(" where r.patientMrn = :mrn and r.mrnAuthority = :authority and r.supersededBy is null");
        assertThat(conditions.parameters()).containsExactly(entry("mrn", "KHZ0012345"), entry("authority", "TWN_KHZ"));
    }

    @Test
    void anMrnAlsoFindsTheResultsOfTheNationalIdsRecordedWithIt() {
        var conditions = ResultConditions.of(PatientKey.parse("KHZ0012345@TWN_KHZ"), List.of("150525196903150428"), null, null);

        assertThat(conditions.where()).isEqualTo(" where ((r.patientMrn = :mrn and r.mrnAuthority = :authority)"
                + " or r.nationalId in :nationalIds) and r.supersededBy is null");
        assertThat(conditions.parameters()).containsEntry("nationalIds", List.of("150525196903150428"));
    }

    @Test
    void serviceAndReportTimeAreConditionsOnlyWhenGiven() {
        var conditions = ResultConditions.of(PatientKey.parse("150525196903150428"), List.of(), "CT-CHEST-PLAIN", SINCE);

        assertThat(conditions.where()).endsWith(" and r.serviceCode = :serviceCode and r.reportedAt >= :since");
        assertThat(conditions.parameters()).containsEntry("serviceCode", "CT-CHEST-PLAIN").containsEntry("since", SINCE);
    }
}
