package org.yigong.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.inbound.control.InvalidQueryParameter;
import org.yigong.hub.result.PatientKey;
import org.yigong.hub.result.ResultExtract;
import org.yigong.hub.result.control.ResultIndex;
import org.yigong.hub.result.entity.IndexedResult;

class PatientResourceTest {

    private static final Instant INDEXED = Instant.parse("2026-10-21T03:00:00Z");

    /** The index as the resource uses it: what it was asked, and one CT result to answer with. */
    static final class RecordingIndex extends ResultIndex {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<IndexedResult> forPatientAudited(PatientKey key, int max) {
            asked.add(key + " max=" + max);
            return List.of(ct());
        }
    }

    static IndexedResult ct() {
        return IndexedResult.of(7, new ResultExtract(1, "KHZ0012345", "TWN_KHZ", "150525196903150428", "王雪梅",
                "KHZ-RIS-000781", "A20261020-0193", "TWN_KHZ", "CNTY_GH", "CNTY_RIS",
                "CT-CHEST-PLAIN", "胸部CT平扫", "CNTY_RIS", "CT",
                Instant.parse("2026-10-20T01:10:00Z"), Instant.parse("2026-10-20T02:12:00Z"), "F",
                true, false, "双肺炎症，建议抗感染治疗后复查。"), INDEXED);
    }

    private static PatientResource resource(RecordingIndex index) {
        var resource = new PatientResource();
        resource.results = index;
        return resource;
    }

    @Test
    void aPatientIsLookedUpByTheKeyTheIdNamesWithTheDefaultLimit() {
        var index = new RecordingIndex();

        resource(index).results("KHZ0012345@TWN_KHZ", null);
        resource(index).results("15052519690315042x", "10");

        assertThat(index.asked).containsExactly("KHZ0012345@TWN_KHZ max=50", "15052519690315042X max=10");
    }

    @Test
    void eachResultIsSummarisedWithItsServiceAndTimes() {
        List<ResultSummary> results = resource(new RecordingIndex()).results("150525196903150428", null);

        assertThat(results).containsExactly(new ResultSummary(null, 7, "王雪梅", "KHZ0012345", "TWN_KHZ", "150525196903150428",
                new ResultSummary.Service("CT-CHEST-PLAIN", "胸部CT平扫"), "CT", "CNTY_GH", "TWN_KHZ",
                "KHZ-RIS-000781", "A20261020-0193", "2026-10-20T01:10:00Z", "2026-10-20T02:12:00Z", "F", true, false,
                "双肺炎症，建议抗感染治疗后复查。"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1505251969", "KHZ0012345@", "@TWN_KHZ"})
    void aMalformedIdIsTheCallersMistakeAndNothingIsRead(String id) {
        var index = new RecordingIndex();

        assertThatThrownBy(() -> resource(index).results(id, null))
                .isInstanceOfSatisfying(InvalidQueryParameter.class, e -> assertThat(e.parameter()).isEqualTo("id"));
        assertThat(index.asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "ten", "1.5"})
    void aLimitOutOfRangeIsTheCallersMistake(String limit) {
        assertThatThrownBy(() -> PatientResource.limit(limit))
                .isInstanceOfSatisfying(InvalidQueryParameter.class, e -> assertThat(e.parameter()).isEqualTo("limit"));
    }
}
