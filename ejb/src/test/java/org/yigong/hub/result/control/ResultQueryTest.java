package org.yigong.hub.result.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.inbound.control.Hl7ErrorCode;
import org.yigong.hub.inbound.control.Hl7Samples;
import org.yigong.hub.result.PatientKey;
import org.yigong.hub.result.ResultExtract;
import org.yigong.hub.result.entity.IndexedResult;

class ResultQueryTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-10-22T01:00:01Z");
    private static final String MSH = "MSH|^~\\&|TWN_HIS|TWN_KHZ|YIGONG_HUB|CNTY_GH|20261022090000||QBP^Q11^QBP_Q11|KHZQ0001|P|2.5.1\r";
    private static final String QPD = "QPD|YG_RESULTS^结果互认查询^YIGONG|Q0001|150525196903150428^^^CHN^NI|CT-CHEST-PLAIN|20260901";

    private final ResultQuery query = new ResultQuery(BEIJING);

    private static List<String> segments(String message) {
        return List.of(message.split("\r"));
    }

    private static IndexedResult indexed(String sample, long id) {
        ResultExtract extract = OruResults.read(Hl7Samples.text(sample), BEIJING).get(0);
        IndexedResult row = IndexedResult.of(7, extract, NOW);
        try {
            Field field = IndexedResult.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(row, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return row;
    }

    @Test
    void aQueryByNationalIdForOneServiceSinceADateIsRead() {
        ResultQuery.Request request = query.parse(MSH + QPD + "\rRCP|I|10^RD\r");

        assertThat(request.valid()).isTrue();
        assertThat(request.queryTag()).isEqualTo("Q0001");
        assertThat(request.patient()).isEqualTo(PatientKey.parse("150525196903150428"));
        assertThat(request.serviceCode()).isEqualTo("CT-CHEST-PLAIN");
        assertThat(request.from()).isEqualTo(Instant.parse("2026-08-31T16:00:00Z"));
        assertThat(request.limit()).isEqualTo(10);
    }

    @Test
    void aQueryByMrnNeedsNoServiceDateOrQuantity() {
        ResultQuery.Request request = query.parse(MSH.replace("|2.5.1\r", "|2.4\r")
                + "QPD|YG_RESULTS^结果互认查询^YIGONG|Q0002|KHZ0012345^^^TWN_KHZ^MR\rRCP|I\r");

        assertThat(request.valid()).isTrue();
        assertThat(request.patient()).isEqualTo(PatientKey.parse("KHZ0012345@TWN_KHZ"));
        assertThat(request.serviceCode()).isNull();
        assertThat(request.from()).isNull();
        assertThat(request.limit()).isEqualTo(ResultIndex.DEFAULT_LIMIT);
        assertThat(segments(query.answer(request, List.of(), "YGQ41", NOW)).get(0)).endsWith("|RSP^K11^RSP_K11|YGQ41|P|2.5.1");
    }

    @Test
    void anMrnWithoutAuthorityIsTheQueryingFacilitysOwn() {
        ResultQuery.Request request = query.parse(MSH + "QPD|YG_RESULTS|Q3|KHZ0012345^^^^MR\r");

        assertThat(request.patient()).isEqualTo(PatientKey.parse("KHZ0012345@TWN_KHZ"));
    }

    @Test
    void whenQpd3NamesBothTheNationalIdIsAsked() {
        ResultQuery.Request request = query.parse(MSH + "QPD|YG_RESULTS|Q4|KHZ0012345^^^TWN_KHZ^MR~150525196903150428^^^CHN^NI\r");

        assertThat(request.patient()).isEqualTo(PatientKey.parse("150525196903150428"));
    }

    @Test
    void aQuantityAboveTheMaximumIsCapped() {
        assertThat(query.parse(MSH + QPD + "\rRCP|I|100000^RD\r").limit()).isEqualTo(ResultIndex.MAX_LIMIT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            no QPD                ; RCP|I|10^RD                                                   ; QPD^1   ; 100
            unknown profile       ; QPD|YG_PATIENTS^患者查询^YIGONG|Q1|KHZ0012345^^^TWN_KHZ^MR   ; QPD^1^1 ; 103
            no tag                ; QPD|YG_RESULTS||KHZ0012345^^^TWN_KHZ^MR                      ; QPD^1^2 ; 101
            no patient            ; QPD|YG_RESULTS|Q1                                             ; QPD^1^3 ; 101
            national ID malformed ; QPD|YG_RESULTS|Q1|1505251969^^^CHN^NI                         ; QPD^1^3 ; 102
            date malformed        ; QPD|YG_RESULTS|Q1|KHZ0012345^^^TWN_KHZ^MR||2026-09-01         ; QPD^1^5 ; 102
            quantity malformed    ; QPD|YG_RESULTS|Q1|KHZ0012345^^^TWN_KHZ^MR\rRCP|I|ten^RD      ; RCP^1^2 ; 102
            quantity in lines     ; QPD|YG_RESULTS|Q1|KHZ0012345^^^TWN_KHZ^MR\rRCP|I|10^LI       ; RCP^1^2 ; 102
            """)
    void aQueryTheHubCannotRunSaysWhereAndWhy(String problem, String segments, String location, int code) {
        ResultQuery.Request request = query.parse(MSH + segments.replace("\\r", "\r") + "\r");

        assertThat(request.valid()).isFalse();
        assertThat(request.error().location()).isEqualTo(location);
        assertThat(request.error().code().code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"QRY^Q01, 200, MSH^1^9", "QBP^Q21^QBP_Q21, 201, MSH^1^9", "QBP^Q11^QBP_Q11|KHZQ0001|P|2.3, 203, MSH^1^12"})
    void onlyQbpQ11InVersions24To251IsAnswered(String type, int code, String location) {
        String msh = MSH.replace("QBP^Q11^QBP_Q11|KHZQ0001|P|2.5.1", type.contains("|") ? type : type + "|KHZQ0001|P|2.5.1");

        ResultQuery.Request request = query.parse(msh + QPD + "\r");

        assertThat(request.error().code().code()).isEqualTo(code);
        assertThat(request.error().location()).isEqualTo(location);
    }

    @Test
    void theAnswerCarriesOneResultAsPidOrcObrAndASummaryObx() {
        ResultQuery.Request request = query.parse(MSH + QPD + "\rRCP|I|10^RD\r");

        String answer = query.answer(request, List.of(indexed("oru_r01_ct_report.hl7", 101)), "YGQ42", NOW);

        assertThat(segments(answer)).containsExactly(
                "MSH|^~\\&|YIGONG_HUB|CNTY_GH|TWN_HIS|TWN_KHZ|20261022090001+0800||RSP^K11^RSP_K11|YGQ42|P|2.5.1",
                "MSA|AA|KHZQ0001",
                "QAK|Q0001|OK|YG_RESULTS^结果互认查询^YIGONG|1",
                QPD,
                "PID|1||KHZ0012345^^^TWN_KHZ^MR~150525196903150428^^^CHN^NI||王雪梅",
                "ORC|RE|KHZ-RIS-000781|A20261020-0193^CNTY_RIS||||||||||||||||||TWN_KHZ",
                "OBR|1|KHZ-RIS-000781|A20261020-0193^CNTY_RIS|CT-CHEST-PLAIN^胸部CT平扫^CNTY_RIS|||20261020091000+0800"
                        + "|||||||||||||||20261020101200+0800||CT|F",
                "OBX|1|TX|SUMMARY^结果摘要^YIGONG||双肺炎症，建议抗感染治疗后复查。|||N|||F||||||||||||CNTY_GH");
        assertThat(answer).endsWith("\r");
    }

    @Test
    void abnormalAndCriticalResultsAreFlaggedInTheSummaryObx() {
        ResultQuery.Request request = query.parse(MSH + "QPD|YG_RESULTS^结果互认查询^YIGONG|Q9|KHZ0020001^^^TWN_KHZ^MR\r");
        IndexedResult cbc = indexed("oru_r01_lab_cbc_result.hl7", 102);

        List<String> answer = segments(query.answer(request, List.of(cbc), "YGQ43", NOW));

        assertThat(answer.get(2)).isEqualTo("QAK|Q9|OK|YG_RESULTS^结果互认查询^YIGONG|1");
        assertThat(answer.get(4)).isEqualTo("PID|1||KHZ0020001^^^TWN_KHZ^MR||李贵祥");
        assertThat(answer.get(7)).isEqualTo("OBX|1|TX|SUMMARY^结果摘要^YIGONG||WBC 11.8 10*9/L H; HGB 128 g/L L; PLT 236 10*9/L"
                + "|||A|||F||||||||||||CNTY_GH");
    }

    @Test
    void delimitersInResultTextAreEscaped() {
        String oru = MSH.replace("TWN_HIS|TWN_KHZ|YIGONG_HUB|CNTY_GH|", "CNTY_RIS|CNTY_GH|TWN_HIS|TWN_KHZ|")
                .replace("QBP^Q11^QBP_Q11|KHZQ0001", "ORU^R01^ORU_R01|R1")
                + "PID|1||KHZ1^^^TWN_KHZ^MR||王^雪梅\r"
                + "OBR|1|P1|F1|CT^CT平扫^CNTY_RIS||||||||||||||||||||CT|F\r"
                + "OBX|1|TX|CONC^诊断意见^CNTY_RIS||A\\F\\B\\S\\C\\R\\D\\T\\E\\E\\F||||||F\r";
        IndexedResult row = IndexedResult.of(1, OruResults.read(oru, BEIJING).get(0), NOW);
        assertThat(row.getSummary()).isEqualTo("A|B^C~D&E\\F");

        String answer = query.answer(query.parse(MSH + QPD + "\r"), List.of(row), "YGQ44", NOW);

        assertThat(answer).contains("||A\\F\\B\\S\\C\\R\\D\\T\\E\\E\\F|||N|");
    }

    @Test
    void nothingFoundIsNf() {
        String answer = query.answer(query.parse(MSH + QPD + "\r"), List.of(), "YGQ45", NOW);

        assertThat(segments(answer)).containsExactly(
                "MSH|^~\\&|YIGONG_HUB|CNTY_GH|TWN_HIS|TWN_KHZ|20261022090001+0800||RSP^K11^RSP_K11|YGQ45|P|2.5.1",
                "MSA|AA|KHZQ0001",
                "QAK|Q0001|NF|YG_RESULTS^结果互认查询^YIGONG|0",
                QPD);
    }

    private static final String WHY = "QPD-3 must name the patient: an MRN with its authority (type MR) or the national ID"
            + " (type NI, authority CHN)";

    @Test
    void aQueryTheHubCannotRunIsAnsweredAeWithAnErrSegmentAndNoResults() {
        ResultQuery.Request request = query.parse(MSH + "QPD|YG_RESULTS^结果互认查询^YIGONG|Q7\r");

        String answer = query.answer(request, List.of(indexed("oru_r01_ct_report.hl7", 101)), "YGQ46", NOW);

        assertThat(segments(answer)).containsExactly(
                "MSH|^~\\&|YIGONG_HUB|CNTY_GH|TWN_HIS|TWN_KHZ|20261022090001+0800||RSP^K11^RSP_K11|YGQ46|P|2.5.1",
                "MSA|AE|KHZQ0001|" + WHY,
                "ERR||QPD^1^3|101^Required field missing^HL70357|E||||" + WHY,
                "QAK|Q7|AE|YG_RESULTS^结果互认查询^YIGONG",
                "QPD|YG_RESULTS^结果互认查询^YIGONG|Q7");
    }

    @Test
    void anUnknownProfileIsAe() {
        String answer = query.answer(query.parse(MSH + "QPD|IHE PDQ Query|Q8|@PID.3.1^KHZ1\r"), List.of(), "YGQ47", NOW);

        assertThat(segments(answer)).contains("QAK|Q8|AE|IHE PDQ Query").anyMatch(s -> s.startsWith("ERR||QPD^1^1|103^"));
    }

    @Test
    void theAnswerKeepsTheQuerysCharacterSetAndDelimiters() {
        String msh = "MSH#*!$%#TWN_HIS#TWN_KHZ#YIGONG_HUB#CNTY_GH#20261022090000##QBP*Q11*QBP_Q11#Q1#P#2.5.1######GB18030\r";

        String answer = query.answer(query.parse(msh + "QPD#YG_RESULTS#T1#KHZ1*!*!*!TWN_KHZ*!MR\r"), List.of(), "YGQ48", NOW);

        assertThat(segments(answer).get(0))
                .isEqualTo("MSH#*!$%#YIGONG_HUB#CNTY_GH#TWN_HIS#TWN_KHZ#20261022090001+0800##RSP*K11*RSP_K11#YGQ48#P#2.5.1######GB18030");
        assertThat(segments(answer).get(2)).isEqualTo("QAK#T1#NF#YG_RESULTS#0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not HL7 at all"})
    void somethingThatIsNoMessageIsStillAnswered(String text) {
        ResultQuery.Request request = query.parse(text);

        assertThat(request.valid()).isFalse();
        assertThat(request.error().code()).isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
        assertThat(query.answer(request, List.of(), "YGQ49", NOW)).contains("MSA|AE||").contains("QAK||AE\r");
    }
}
