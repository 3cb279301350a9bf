package org.yigong.hub.mapping.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yigong.hub.mapping.control.TestMapping.hl7;

import org.junit.jupiter.api.Test;
import org.yigong.hub.mapping.TranslationFailed;

/** What each statement of a mapping file does to a message, one statement at a time. */
class StatementsTest {

    private static final String MSH = "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020084500||ORM^O01^ORM_O01|KHZ1|P|2.4";
    private static final String PID = "PID|1||KHZ0012345^^^TWN_KHZ^MR~150525196903150428^^^CHN^NI||王^雪梅||19690315|F";
    private static final String ORC = "ORC|NW|KHZ-RIS-1^TWN_HIS";
    private static final String CHEST_CT = "OBR|1|KHZ-RIS-1^TWN_HIS||CT0012^胸部CT平扫^TWN_LOCAL|||20261020084500";
    private static final String CHEST_DR = "OBR|2|KHZ-RIS-2^TWN_HIS||DR0101^胸片^TWN_LOCAL|||20261020084500";
    private static final String ORDER = hl7(MSH, PID, ORC, CHEST_CT);
    private static final String TWO_ORDERS = hl7(MSH, PID, ORC, CHEST_CT, "ORC|NW|KHZ-RIS-2^TWN_HIS", CHEST_DR);

    private static String translate(String hl7, String... mapping) throws TranslationFailed {
        return TestMapping.of(mapping).translate(hl7);
    }

    private static String segment(String hl7, String name, int occurrence) {
        return hl7.lines()
                .filter(segment -> segment.startsWith(name + "|")).skip(occurrence - 1).findFirst().orElse("");
    }

    @Test
    void setWritesAComponentOrAWholeFieldInHl7Text() throws TranslationFailed {
        String out = translate(ORDER, "set MSH-5 = CNTY_RIS", "set ORC-12 = D0101^刘^延超", "set OBR-13 = 持续咳嗽 两周");

        assertThat(segment(out, "MSH", 1)).startsWith("MSH|^~\\&|TWN_HIS|TWN_KHZ|CNTY_RIS|CNTY_GH|");
        assertThat(segment(out, "ORC", 1)).isEqualTo("ORC|NW|KHZ-RIS-1^TWN_HIS||||||||||D0101^刘^延超");
        assertThat(segment(out, "OBR", 1)).endsWith("||||||持续咳嗽 两周");
    }

    @Test
    void setOnAComponentEscapesDelimitersAndAnEmptyConstantEmpties() throws TranslationFailed {
        String out = translate(ORDER, "set OBR-4-2 = CT^平扫", "set OBR-4-3 =");

        assertThat(segment(out, "OBR", 1)).contains("|CT0012^CT\\S\\平扫|");
    }

    @Test
    void setAddsASegmentTheMessageLacks() throws TranslationFailed {
        String out = translate(ORDER, "set PV1-2 = O");

        assertThat(segment(out, "PV1", 1)).isEqualTo("PV1||O");
    }

    @Test
    void copyWithinASegmentCopiesInEveryOccurrenceFromItself() throws TranslationFailed {
        String out = translate(TWO_ORDERS, "copy OBR-4-1 to OBR-4-4", "copy OBR-4-3 to OBR-4-6");

        assertThat(segment(out, "OBR", 1)).contains("|CT0012^胸部CT平扫^TWN_LOCAL^CT0012^^TWN_LOCAL|");
        assertThat(segment(out, "OBR", 2)).contains("|DR0101^胸片^TWN_LOCAL^DR0101^^TWN_LOCAL|");
    }

    @Test
    void copyBetweenSegmentsTakesTheWholeFieldFromTheFirstOccurrence() throws TranslationFailed {
        String out = translate(TWO_ORDERS, "copy PID-3 to OBR-3", "copy PID-3(1)-1 to OBR-20");

        assertThat(segment(out, "OBR", 1)).startsWith("OBR|1|KHZ-RIS-1^TWN_HIS|KHZ0012345^^^TWN_KHZ^MR|CT0012");
        assertThat(segment(out, "OBR", 2)).startsWith("OBR|2|KHZ-RIS-2^TWN_HIS|KHZ0012345^^^TWN_KHZ^MR|DR0101");
        assertThat(segment(out, "OBR", 2)).endsWith("|150525196903150428");
    }

    @Test
    void clearEmptiesAllRepetitionsOneRepetitionOrOneComponent() throws TranslationFailed {
        assertThat(segment(translate(ORDER, "clear PID-3"), "PID", 1)).isEqualTo("PID|1||||王^雪梅||19690315|F");
        assertThat(segment(translate(ORDER, "clear PID-3(1)"), "PID", 1)).isEqualTo("PID|1||KHZ0012345^^^TWN_KHZ^MR||王^雪梅||19690315|F");
        assertThat(segment(translate(ORDER, "clear PID-5-2"), "PID", 1)).contains("||王||");
    }

    @Test
    void lookupOfAFieldReplacesCodeTextAndSystemInEveryOccurrence() throws TranslationFailed {
        String out = translate(TWO_ORDERS, "lookup OBR-4 in exam-codes");

        assertThat(segment(out, "OBR", 1)).contains("|CT-CHEST-PLAIN^胸部CT平扫^CNTY_RIS|");
        assertThat(segment(out, "OBR", 2)).contains("|DR-CHEST-PA^胸部正位片^CNTY_RIS|");
    }

    @Test
    void lookupOfAComponentReplacesOnlyTheCode() throws TranslationFailed {
        String out = translate(ORDER, "lookup OBR-4-1 in exam-codes");

        assertThat(segment(out, "OBR", 1)).contains("|CT-CHEST-PLAIN^胸部CT平扫^TWN_LOCAL|");
    }

    @Test
    void aBlankTextInTheTableKeepsTheMessagesText() throws TranslationFailed {
        String out = translate(hl7(MSH, PID, ORC, "OBR|1|||US0001^腹部B超^TWN_LOCAL"), "lookup OBR-4 in exam-codes");

        assertThat(segment(out, "OBR", 1)).isEqualTo("OBR|1|||US-ABD^腹部B超^TWN_LOCAL");
    }

    @Test
    void anUnknownCodeFailsByDefaultNamingFileLineTableAndPositionButNoPatientData() {
        String unknown = hl7(MSH, PID, ORC, CHEST_CT, "ORC|NW|KHZ-RIS-2^TWN_HIS", "OBR|2|||CT9999^新项目^TWN_LOCAL");

        assertThatThrownBy(() -> translate(unknown, "# exam codes", "lookup OBR-4 in exam-codes"))
                .isInstanceOf(TranslationFailed.class)
                .hasMessage(TestMapping.FILE + ":2: code 'CT9999' at OBR-4-1 (OBR #2) is not in code table exam-codes: "
                        + "add it to tables/exam-codes.csv, or correct the code in the sending system")
                .satisfies(e -> {
                    TranslationFailed failed = (TranslationFailed) e;
                    assertThat(failed.mapping()).isEqualTo("test");
                    assertThat(failed.file()).isEqualTo(TestMapping.FILE);
                    assertThat(failed.line()).isEqualTo(2);
                    assertThat(failed.getMessage()).doesNotContain("王", "KHZ0012345", "150525196903150428");
                });
    }

    @Test
    void elseKeepLeavesAnUnknownCodeAndElseValueReplacesIt() throws TranslationFailed {
        String unknown = hl7(MSH, PID, ORC, "OBR|1|||CT9999^新项目^TWN_LOCAL");

        assertThat(segment(translate(unknown, "lookup OBR-4 in exam-codes else keep"), "OBR", 1))
                .isEqualTo("OBR|1|||CT9999^新项目^TWN_LOCAL");
        assertThat(segment(translate(unknown, "lookup OBR-4 in exam-codes else \"UNMAPPED\""), "OBR", 1))
                .isEqualTo("OBR|1|||UNMAPPED^新项目^TWN_LOCAL");
        assertThatThrownBy(() -> translate(unknown, "lookup OBR-4 in exam-codes else error")).isInstanceOf(TranslationFailed.class);
    }

    @Test
    void anEmptyCodeIsLeftAlone() throws TranslationFailed {
        String out = translate(hl7(MSH, PID, "PV1|1|O"), "lookup PV1-10-1 in charge-codes else error");

        assertThat(segment(out, "PV1", 1)).isEqualTo("PV1|1|O");
    }

    @Test
    void whenComparesAValueAndGuardsOnlyTheNextStatement() throws TranslationFailed {
        String out = translate(ORDER,
                "when MSH-4 = TWN_KHZ",
                "set MSH-5 = CNTY_RIS",
                "set MSH-6 = COUNTY",
                "when MSH-4 = TWN_GLZ",
                "set MSH-6 = NOT_THIS");

        assertThat(segment(out, "MSH", 1)).contains("|TWN_KHZ|CNTY_RIS|COUNTY|");
    }

    @Test
    void whenInIsEmptyAndIsNotEmpty() throws TranslationFailed {
        String out = translate(ORDER,
                "when MSH-4 in TWN_GLZ, TWN_KHZ",
                "set MSH-11 = T",
                "when PV1-2 is empty",
                "set MSH-13 = absent PV1 reads as empty",
                "when PID-3(1)-1 is not empty",
                "set MSH-15 = AL",
                "when MSH-8 is not empty",
                "set MSH-16 = NOT_THIS");

        assertThat(segment(out, "MSH", 1)).endsWith("|KHZ1|T|2.4|absent PV1 reads as empty||AL");
        assertThat(segment(out, "MSH", 1)).doesNotContain("NOT_THIS");
    }

    @Test
    void aConditionOnTheStatementsOwnSegmentIsCheckedForEachOccurrence() throws TranslationFailed {
        String out = translate(TWO_ORDERS, "when OBR-4-1 = DR0101", "set OBR-5 = S");

        assertThat(segment(out, "OBR", 1)).doesNotContain("|S");
        assertThat(segment(out, "OBR", 2)).isEqualTo("OBR|2|KHZ-RIS-2^TWN_HIS||DR0101^胸片^TWN_LOCAL|S||20261020084500");
    }

    @Test
    void dropSegmentRemovesEveryOccurrenceAndZSegmentsAreOtherwiseKept() throws TranslationFailed {
        String withZ = hl7(MSH, PID, "ZFD|1|KHZ-FDT-03^第三家庭医生团队", ORC, CHEST_CT, "ZSA|1|x", "ZSA|2|y");

        assertThat(translate(withZ, "set MSH-5 = CNTY_RIS")).contains("ZFD|1|KHZ-FDT-03^第三家庭医生团队\r", "ZSA|1|x\rZSA|2|y\r");
        String dropped = translate(withZ, "drop segment ZSA", "drop segment PID");
        assertThat(dropped).doesNotContain("ZSA", "PID|").contains("ZFD|1|", "OBR|1|");
    }

    @Test
    void dropSegmentWithAConditionOnItDropsOnlyThoseOccurrences() throws TranslationFailed {
        String withZ = hl7(MSH, PID, ORC, CHEST_CT, "ZSA|1|x", "ZSA|2|y");

        assertThat(translate(withZ, "when ZSA-2 = x", "drop segment ZSA")).doesNotContain("ZSA|1|x").contains("ZSA|2|y");
    }

    @Test
    void versionChangesMsh12AndNothingElse() throws TranslationFailed {
        String out = translate(ORDER, "version 2.5.1");

        assertThat(out).isEqualTo(ORDER.replace("|P|2.4", "|P|2.5.1"));
    }

    @Test
    void escapeAppliesTheNamedTransformation() throws TranslationFailed {
        String out = translate(ORDER, "set MSH-5 = CNTY_RIS", "escape " + MarkAsTraining.class.getName());

        assertThat(segment(out, "MSH", 1)).contains("|KHZ1|T|2.4");
    }

    @Test
    void aFailingEscapeNamesItsLineAndWhy() {
        assertThatThrownBy(() -> translate(ORDER, "set MSH-5 = CNTY_RIS", "escape " + RefuseEverything.class.getName()))
                .isInstanceOf(TranslationFailed.class)
                .hasMessage(TestMapping.FILE + ":2: 'escape " + RefuseEverything.class.getName()
                        + "' cannot be carried out for this message: the receiving system's rules are not known yet");
    }

    @Test
    void whatHapiCannotWriteFailsWithTheLineAndTheStatement() {
        assertThatThrownBy(() -> translate(ORDER, "set PID-3(5)-1 = X"))
                .isInstanceOf(TranslationFailed.class)
                .hasMessageStartingWith(TestMapping.FILE + ":1: 'set PID-3(5)-1 = X' cannot be carried out for this message: ");
    }

    @Test
    void statementsRunInFileOrder() throws TranslationFailed {
        String out = translate(ORDER, "copy OBR-4-1 to OBR-4-4", "lookup OBR-4 in exam-codes", "copy OBR-4-1 to OBR-20");

        assertThat(segment(out, "OBR", 1)).contains("|CT-CHEST-PLAIN^胸部CT平扫^CNTY_RIS^CT0012|").endsWith("|CT-CHEST-PLAIN");
    }
}
