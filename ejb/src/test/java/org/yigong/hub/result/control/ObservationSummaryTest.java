package org.yigong.hub.result.control;

import org.yigong.hub.inbound.control.Hl7Delimiters;
import org.yigong.hub.inbound.control.Hl7Segment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationSummaryTest {

    private static ObservationSummary of(String... obx) {
        List<Hl7Segment> segments = new ArrayList<>();
        for (String segment : obx) {
            segments.add(Hl7Segment.of(segment, Hl7Delimiters.STANDARD));
        }
        return ObservationSummary.of(segments);
    }

    @Test
    void anUltrasoundConclusionIsFoundByItsName() {
        var summary = of("OBX|1|TX|US-FIND^超声所见^CNTY_US||肝脏大小形态正常。||||||F",
                "OBX|2|TX|US-CONC^超声提示^CNTY_US||肝胆未见明显异常。||||||F");

        assertThat(summary.summary()).isEqualTo("肝胆未见明显异常。");
    }

    @Test
    void aReportWithoutConclusionIsSummarisedByItsFirstTextAllLines() {
        var summary = of("OBX|1|TX|FIND^所见^CNTY_RIS||第一行||||||F",
                "OBX|2|TX|FIND^所见^CNTY_RIS||第二行\\.br\\第三行||||||F",
                "OBX|3|TX|NOTE^备注^CNTY_RIS||另一段||||||F");

        assertThat(summary.summary()).isEqualTo("第一行 第二行 第三行");
    }

    @Test
    void escapedDelimitersInTextAreReadAsTheCharactersTheyStandFor() {
        var summary = of("OBX|1|TX|CONC^诊断意见^CNTY_RIS||A\\F\\B\\S\\C\\T\\D\\E\\E \\H\\重点\\N\\||||||F");

        assertThat(summary.summary()).isEqualTo("A|B^C&D\\E 重点");
    }

    @Test
    void structuredAndCodedValuesReadAsWritten() {
        var summary = of("OBX|1|SN|HBSAG^乙肝表面抗原^CNTY_LIS||<^0.05|IU/mL|<0.05|N|||F",
                "OBX|2|SN|ASO^抗O滴度^CNTY_LIS||^1^:^128||<1:200||||F",
                "OBX|3|CWE|HIV^HIV抗体^CNTY_LIS||NEG^阴性^L||||||F");

        assertThat(summary.summary()).isEqualTo("HBSAG <0.05 IU/mL; ASO 1:128; HIV 阴性");
    }

    @Test
    void withdrawnObservationsCountForNothing() {
        var summary = of("OBX|1|NM|K^血钾^CNTY_LIS||7.2|mmol/L|3.5-5.3|HH|||D",
                "OBX|2|NM|K^血钾^CNTY_LIS||4.2|mmol/L|3.5-5.3|N|||F");

        assertThat(summary.critical()).isFalse();
        assertThat(summary.abnormal()).isFalse();
        assertThat(summary.summary()).isEqualTo("K 4.2 mmol/L");
    }

    @Test
    void everyRepeatedFlagIsConsidered() {
        var summary = of("OBX|1|NM|K^血钾^CNTY_LIS||7.2|mmol/L|3.5-5.3|H~HH|||F");

        assertThat(summary.critical()).isTrue();
        assertThat(summary.summary()).isEqualTo("K 7.2 mmol/L H,HH");
    }

    @Test
    void aLongListIsCutBetweenValuesAndSaysSo() {
        List<String> obx = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            obx.add("OBX|" + (i + 1) + "|NM|ITEM" + i + "^项目^CNTY_LIS||" + (100 + i) + "|g/L|1-2|H|||F");
        }
        var summary = of(obx.toArray(String[]::new));

        assertThat(summary.summary()).hasSizeLessThanOrEqualTo(ObservationSummary.MAX_LENGTH).endsWith("H…")
                .startsWith("ITEM0 100 g/L H; ITEM1 101 g/L H");
    }

    @Test
    void aLongTextIsCutAtFiveHundredCharactersWithoutSplittingACharacter() {
        String text = "𠀀".repeat(400);
        var summary = of("OBX|1|TX|CONC^结论^CNTY_RIS||" + text + "||||||F");

        assertThat(summary.summary()).hasSizeLessThanOrEqualTo(ObservationSummary.MAX_LENGTH).endsWith("𠀀…");
    }
}
