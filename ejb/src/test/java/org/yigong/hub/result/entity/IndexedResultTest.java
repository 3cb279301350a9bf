package org.yigong.hub.result.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yigong.hub.result.ResultExtract;

class IndexedResultTest {

    static final Instant INDEXED = Instant.parse("2026-10-21T03:00:00Z");

    static ResultExtract ct(String status, Instant reportedAt, String summary) {
        return new ResultExtract(1, "KHZ0012345", "TWN_KHZ", "150525196903150428", "王雪梅",
                "KHZ-RIS-000781", "A20261020-0193", "TWN_KHZ", "CNTY_GH", "CNTY_RIS",
                "CT-CHEST-PLAIN", "胸部CT平扫", "CNTY_RIS", "CT",
                Instant.parse("2026-10-20T01:10:00Z"), reportedAt, status, false, false, summary);
    }

    /** What persisting does to the id: the sequence gives it. */
    static IndexedResult withId(IndexedResult row, long id) {
        try {
            Field field = IndexedResult.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(row, id);
            return row;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aResultWithoutAnyReportTimeCountsAsReportedWhenIndexed() {
        IndexedResult row = IndexedResult.of(42, ct("F", null, "x"), INDEXED);

        assertThat(row.getReportedAt()).isEqualTo(INDEXED);
        assertThat(row.getIndexedAt()).isEqualTo(INDEXED);
        assertThat(row.getMessageId()).isEqualTo(42);
        assertThat(row.isCurrent()).isTrue();
    }

    @Test
    void aCorrectionReportedLaterReplacesTheFinalWhichStaysAsHistory() {
        IndexedResult fin = withId(IndexedResult.of(1, ct("F", Instant.parse("2026-10-20T02:12:00Z"), "双肺炎症"), INDEXED), 100);
        IndexedResult corrected = withId(IndexedResult.of(2, ct("C", Instant.parse("2026-10-20T05:00:00Z"), "双肺炎症，右肺结节"), INDEXED), 150);

        assertThat(corrected.replaces(fin)).isTrue();
        assertThat(fin.replaces(corrected)).isFalse();
        fin.supersededBy(corrected);

        assertThat(fin.isCurrent()).isFalse();
        assertThat(fin.getSupersededBy()).isEqualTo(150L);
        assertThat(corrected.isCurrent()).isTrue();
    }

    @Test
    void onTheSameReportTimeTheResultIndexedLaterWins() {
        Instant reported = Instant.parse("2026-10-20T02:12:00Z");
        IndexedResult first = IndexedResult.of(1, ct("F", reported, "a"), INDEXED);
        IndexedResult again = IndexedResult.of(2, ct("F", reported, "a"), INDEXED);

        assertThat(again.replaces(first)).isTrue();
    }

    @Test
    void onlyAPersistedResultCanSupersede() {
        IndexedResult fin = IndexedResult.of(1, ct("F", INDEXED, "a"), INDEXED);
        IndexedResult unsaved = IndexedResult.of(2, ct("C", INDEXED, "b"), INDEXED);

        assertThatThrownBy(() -> fin.supersededBy(unsaved)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOrderIsRecognisableOnlyWithFacilityServiceAndAnOrderNumber() {
        assertThat(IndexedResult.of(1, ct("F", INDEXED, "a"), INDEXED).hasOrderKey()).isTrue();
        var noOrder = new ResultExtract(1, "KHZ1", "TWN_KHZ", null, null, null, null, "TWN_KHZ", "CNTY_GH", "CNTY_LIS",
                "CBC", null, null, null, null, INDEXED, "F", false, false, null);
        assertThat(IndexedResult.of(1, noOrder, INDEXED).hasOrderKey()).isFalse();
    }

    @Test
    void valuesLongerThanTheirColumnsAreCutWithoutSplittingACharacter() {
        var longName = new ResultExtract(1, "KHZ1", "TWN_KHZ", null, "王" + "𠀀".repeat(150), null, null, null, "CNTY_GH", null,
                "X".repeat(100), null, null, null, null, INDEXED, "F", false, false, null);

        IndexedResult row = IndexedResult.of(1, longName, INDEXED);

        assertThat(row.getPatientName()).hasSize(199).isEqualTo("王" + "𠀀".repeat(99));
        assertThat(row.getServiceCode()).hasSize(80);
    }
}
