package org.yigong.hub.result.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.inbound.control.Hl7Samples;
import org.yigong.hub.result.ResultExtract;

class OruResultsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static final String CBC_MSH = "MSH|^~\\&|CNTY_LIS|CNTY_GH|TWN_HIS|TWN_KHZ|20261021103000||ORU^R01^ORU_R01|LIS1|P|2.5.1\r";
    static final String CBC_PID = "PID|1||KHZ0020001^^^TWN_KHZ^MR||李^贵祥||19520708|M\r";

    private static List<ResultExtract> read(String text) {
        return OruResults.read(text, BEIJING);
    }

    private static ResultExtract only(String text) {
        List<ResultExtract> results = read(text);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void theCtReportIsIndexedWithItsConclusionAsSummary() {
        ResultExtract ct = only(Hl7Samples.text("oru_r01_ct_report.hl7"));

        assertThat(ct).isEqualTo(new ResultExtract(1, "KHZ0012345", "TWN_KHZ", "150525196903150428", "王雪梅",
                "KHZ-RIS-000781", "A20261020-0193", "TWN_KHZ", "CNTY_GH", "CNTY_RIS",
                "CT-CHEST-PLAIN", "胸部CT平扫", "CNTY_RIS", "CT",
                Instant.parse("2026-10-20T01:10:00Z"), Instant.parse("2026-10-20T02:12:00Z"), "F",
                false, false, "双肺炎症，建议抗感染治疗后复查。"));
    }

    @Test
    void theBloodCountIsSummarisedByItsValuesAbnormalFirst() {
        ResultExtract cbc = only(Hl7Samples.text("oru_r01_lab_cbc_result.hl7"));

        assertThat(cbc.summary()).isEqualTo("WBC 11.8 10*9/L H; HGB 128 g/L L; PLT 236 10*9/L");
        assertThat(cbc.abnormal()).isTrue();
        assertThat(cbc.critical()).isFalse();
        assertThat(cbc.nationalId()).isNull();
        assertThat(cbc.patientMrn()).isEqualTo("KHZ0020001");
        assertThat(cbc.serviceCode()).isEqualTo("CBC");
        assertThat(cbc.diagnosticService()).isEqualTo("HM");
        assertThat(cbc.placerOrder()).isEqualTo("KHZ-LIS-004410");
        assertThat(cbc.fillerOrder()).isEqualTo("L2610210077");
        assertThat(cbc.reportedAt()).isEqualTo(Instant.parse("2026-10-21T02:29:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HH", "LL", "AA"})
    void aCriticalValueMakesTheResultCritical(String flag) {
        ResultExtract lab = only(CBC_MSH + CBC_PID
                + "OBR|1|KHZ-LIS-1|L1|K^血钾^CNTY_LIS|||20261021090500|||||||||||||||20261021102900||CH|F\r"
                + "OBX|1|NM|K^血钾^CNTY_LIS||6.9|mmol/L|3.5-5.3|" + flag + "|||F\r");

        assertThat(lab.critical()).isTrue();
        assertThat(lab.abnormal()).isTrue();
        assertThat(lab.summary()).isEqualTo("K 6.9 mmol/L " + flag);
    }

    @Test
    void normalAndEmptyFlagsAreNotAbnormal() {
        ResultExtract lab = only(CBC_MSH + CBC_PID
                + "OBR|1|P1|F1|GLU^血糖^CNTY_LIS||||||||||||||||||||CH|F\r"
                + "OBX|1|NM|GLU^血糖^CNTY_LIS||5.1|mmol/L|3.9-6.1|N|||F\r"
                + "OBX|2|NM|HBA1C^糖化血红蛋白^CNTY_LIS||5.4|%|4-6||||F\r");

        assertThat(lab.abnormal()).isFalse();
        assertThat(lab.critical()).isFalse();
        assertThat(lab.summary()).isEqualTo("GLU 5.1 mmol/L; HBA1C 5.4 %");
    }

    @Test
    void aCorrectedReportIsIndexedWithStatusC() {
        String corrected = Hl7Samples.text("oru_r01_ct_report.hl7").replace("||CT|F\r", "||CT|C\r")
                .replace("||||||F\r", "||||||C\r");

        assertThat(only(corrected).status()).isEqualTo("C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P", "I", "R", "X", ""})
    void onlyFinalAndCorrectedResultsAreIndexed(String status) {
        String text = Hl7Samples.text("oru_r01_lab_cbc_result.hl7").replace("||HM|F\r", "||HM|" + status + "\r");

        assertThat(read(text)).isEmpty();
    }

    @Test
    void eachFinalObrIsOneResultAndPreliminaryOnesAreLeftOut() {
        List<ResultExtract> results = read(CBC_MSH + CBC_PID
                + "ORC|RE|P1^TWN_HIS|F1^CNTY_LIS\r"
                + "OBR|1|P1^TWN_HIS|F1^CNTY_LIS|CBC^血常规^CNTY_LIS|||20261021090500|||||||||||||||20261021102900||HM|F\r"
                + "OBX|1|NM|WBC^白细胞计数^CNTY_LIS||6.1|10*9/L|3.5-9.5|N|||F\r"
                + "ORC|RE|P2^TWN_HIS|F2^CNTY_LIS\r"
                + "OBR|2|P2^TWN_HIS|F2^CNTY_LIS|CRP^C反应蛋白^CNTY_LIS|||20261021090500|||||||||||||||20261021102900||CH|P\r"
                + "OBX|1|NM|CRP^C反应蛋白^CNTY_LIS||35|mg/L|0-10|H|||P\r"
                + "ORC|RE|P3^TWN_HIS|F3^CNTY_LIS\r"
                + "OBR|3|P3^TWN_HIS|F3^CNTY_LIS|ALT^谷丙转氨酶^CNTY_LIS|||20261021090500|||||||||||||||20261021102900||CH|F\r"
                + "OBX|1|NM|ALT^谷丙转氨酶^CNTY_LIS||88|U/L|9-50|H|||F\r");

        assertThat(results).extracting(ResultExtract::obrPosition, ResultExtract::serviceCode, ResultExtract::abnormal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "CBC", false),
                        org.assertj.core.groups.Tuple.tuple(3, "ALT", true));
    }

    @Test
    void orderNumbersMissingFromObrAreTakenFromOrc() {
        ResultExtract lab = only(CBC_MSH + CBC_PID
                + "ORC|RE|KHZ-LIS-9^TWN_HIS|L9^CNTY_LIS\r"
                + "OBR|1|||CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r"
                + "OBX|1|NM|WBC^白细胞计数^CNTY_LIS||6.1|10*9/L|3.5-9.5|N|||F\r");

        assertThat(lab.placerOrder()).isEqualTo("KHZ-LIS-9");
        assertThat(lab.fillerOrder()).isEqualTo("L9");
    }

    @Test
    void withoutObr22TheMessageTimeIsTheReportTime() {
        ResultExtract lab = only(CBC_MSH + CBC_PID
                + "OBR|1|P1|F1|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r");

        assertThat(lab.reportedAt()).isEqualTo(Instant.parse("2026-10-21T02:30:00Z"));
        assertThat(lab.observedAt()).isNull();
        assertThat(lab.summary()).isNull();
    }

    @Test
    void aVersion23ResultWithTimeStampComponentsAndLineFeedsIsRead() {
        ResultExtract ecg = only("MSH|^~\\&|CNTY_ECG|CNTY_GH|TWN_HIS|TWN_GLZ|20261021110000||ORU^R01|ECG77|P|2.3\n"
                + "PID|1||GLZ000881^^^TWN_GLZ||那^日松|||M|||||||||||150525195811020031\n"
                + "OBR|1|GLZ-ECG-12|E2026-0077|ECG12^十二导联心电图^CNTY_ECG|||202610211032^M|||||||||||||||202610211050+0800^M||EC|F\n"
                + "OBX|1|ST|ECG-FIND^心电图所见^CNTY_ECG||窦性心律，心率 78 次/分||||||F\n"
                + "OBX|2|ST|ECG-DIAG^心电图诊断^CNTY_ECG||窦性心律\\R\\ST-T改变||||||F\n");

        assertThat(ecg.patientMrn()).isEqualTo("GLZ000881");
        assertThat(ecg.mrnAuthority()).isEqualTo("TWN_GLZ");
        assertThat(ecg.nationalId()).isEqualTo("150525195811020031");
        assertThat(ecg.orderingFacility()).isEqualTo("TWN_GLZ");
        assertThat(ecg.observedAt()).isEqualTo(Instant.parse("2026-10-21T02:32:00Z"));
        assertThat(ecg.reportedAt()).isEqualTo(Instant.parse("2026-10-21T02:50:00Z"));
        assertThat(ecg.summary()).isEqualTo("窦性心律~ST-T改变");
    }

    @Test
    void aVersion24ResultWithoutTriggerStructureIsRead() {
        String v24 = Hl7Samples.text("oru_r01_lab_cbc_result.hl7").replace("ORU^R01^ORU_R01", "ORU^R01").replace("|P|2.5.1|", "|P|2.4|");

        assertThat(only(v24).summary()).startsWith("WBC 11.8 10*9/L H");
    }

    @Test
    void aNationalIdWithLowerCaseXIsKeptInUpperCase() {
        ResultExtract lab = only(CBC_MSH + "PID|1||KHZ1^^^TWN_KHZ^MR~15052519690315042x^^^CHN^NI||王^雪梅\r"
                + "OBR|1|P1|F1|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r");

        assertThat(lab.nationalId()).isEqualTo("15052519690315042X");
    }

    @Test
    void aResultWithoutPatientIdentifierIsNotIndexed() {
        assertThat(read(CBC_MSH + "PID|1||||无名氏\rOBR|1|P1|F1|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r")).isEmpty();
        assertThat(read(CBC_MSH + "OBR|1|P1|F1|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orm_o01_ct_chest_order.hl7", "oml_o21_lab_cbc_order.hl7", "adt_a04_ed_stroke_alert.hl7",
            "bad_not_hl7.txt", "bad_missing_control_id.hl7"})
    void otherMessagesGiveNoResults(String sample) {
        assertThat(read(Hl7Samples.text(sample))).isEmpty();
    }

    @Test
    void eachPatientOfAMessageKeepsTheirOwnResults() {
        List<ResultExtract> results = read(CBC_MSH + CBC_PID
                + "OBR|1|P1|F1|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r"
                + "PID|2||KHZ0012345^^^TWN_KHZ^MR~150525196903150428^^^CHN^NI||王^雪梅\r"
                + "OBR|1|P2|F2|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r");

        assertThat(results).extracting(ResultExtract::patientMrn, ResultExtract::nationalId, ResultExtract::obrPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KHZ0020001", null, 1),
                        org.assertj.core.groups.Tuple.tuple("KHZ0012345", "150525196903150428", 2));
    }

    @Test
    void specimenObservationsAreNotPartOfTheResult() {
        ResultExtract lab = only(CBC_MSH + CBC_PID
                + "OBR|1|P1|F1|CBC^血常规^CNTY_LIS||||||||||||||||||||HM|F\r"
                + "OBX|1|NM|WBC^白细胞计数^CNTY_LIS||6.1|10*9/L|3.5-9.5|N|||F\r"
                + "SPM|1|S1||BLD^全血\r"
                + "OBX|1|CE|HEMOLYSIS^溶血^CNTY_LIS||Y^是|||A|||F\r");

        assertThat(lab.summary()).isEqualTo("WBC 6.1 10*9/L");
        assertThat(lab.abnormal()).isFalse();
    }
}
