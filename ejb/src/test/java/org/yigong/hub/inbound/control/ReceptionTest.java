package org.yigong.hub.inbound.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.yigong.hub.inbound.control.Hl7Samples.GB18030;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yigong.hub.inbound.entity.InboundMessage;
import org.yigong.hub.inbound.entity.MessageStatus;

class ReceptionTest {

    /** HAPI contexts are expensive: one for the class, as one per network thread in the hub. */
    private static final CanonicalParser PARSER = new CanonicalParser();

    private static final Instant RECEIVED_AT = Instant.parse("2026-10-20T00:30:16Z");

    private static final Channel TOWNSHIP = Hl7Samples.township();
    private static final Channel COUNTY = Hl7Samples.county();
    /** A township HIS channel whose HIS send UTF-8 without MSH-18 (as the v2.3 update sample does). */
    private static final Channel TOWNSHIP_UTF8 = Hl7Samples.channel("township-utf8", UTF_8, "TWN_KHZ");

    private static final String REGISTRATION_HEADER = "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020083015||ADT^A04^ADT_A01"
            + "|KHZ20261020000777|P|2.4|||AL|NE";

    private static Reception receive(Channel channel, byte[] bytes) {
        return Reception.examine(new Arrival(channel, "10.20.1.15:50123", RECEIVED_AT, bytes), PARSER);
    }

    private static Reception receive(Channel channel, String text, Charset charset) {
        return receive(channel, text.getBytes(charset));
    }

    /** An ADT^A04 of the township with the given MSH-18 (none when empty) and PID-5. */
    private static String registration(String msh18, String name) {
        return REGISTRATION_HEADER + (msh18.isEmpty() ? "" : "||" + msh18) + "\r"
                + "EVN|A04|20261020083015\r"
                + "PID|1||KHZ0012399^^^TWN_KHZ^MR~150525196903150428^^^CHN^NI||" + name + "||19690315|F\r"
                + "PV1|1|O|KHZ-OPD^^^TWN_KHZ\r";
    }

    @Test
    void gb18030RegistrationDeclaredInMsh18IsAcceptedWithThePatientReadable() {
        byte[] sample = Hl7Samples.bytes(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030);

        Reception reception = receive(TOWNSHIP, sample);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.error()).isNull();
        assertThat(reception.charset()).isEqualTo(GB18030);
        InboundMessage message = reception.message();
        assertThat(message.getRawBytes()).isEqualTo(sample);
        assertThat(message.getCharset()).isEqualTo("GB18030");
        assertThat(message.getRawText()).contains("王^雪梅", "扣河子镇扣河子村", "刘^延超");
        assertThat(message.getPatientId()).isEqualTo("KHZ0012345");
        assertThat(message.getPatientIdAuthority()).isEqualTo("TWN_KHZ");
        assertThat(message.getNationalId()).isEqualTo("150525196903150428");
        assertThat(message.getPatientName()).isEqualTo("王雪梅");
        assertThat(message.getStatus()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(message.getDedupKey()).isEqualTo(InboundMessage.dedupKey("TWN_HIS", "TWN_KHZ", "KHZ20261020000101"));
    }

    @Test
    void gb18030WithoutMsh18OnATownshipChannelDecodesExactlyAsWithMsh18() {
        String declared = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030);
        String undeclared = declared.replace("|AL|NE||GB 18030-2000\r", "|AL|NE\r");
        assertThat(undeclared).as("MSH-18 removed").isNotEqualTo(declared).doesNotContain("GB 18030");

        Reception withMsh18 = receive(TOWNSHIP, declared, GB18030);
        Reception withoutMsh18 = receive(TOWNSHIP, undeclared, GB18030);

        assertThat(withoutMsh18.ackCode()).isEqualTo(AckCode.AA);
        assertThat(withoutMsh18.charset()).isEqualTo(GB18030);
        assertThat(withoutMsh18.header().characterSet()).isEmpty();
        assertThat(afterMsh(withoutMsh18.message().getRawText())).isEqualTo(afterMsh(withMsh18.message().getRawText()));
        assertThat(identity(withoutMsh18)).isEqualTo(identity(withMsh18)).isEqualTo(
                new PatientIdentity("KHZ0012345", "TWN_KHZ", "150525196903150428", "王雪梅"));
    }

    @Test
    void msh18WinsOverTheChannelDefault() {
        Reception reception = receive(TOWNSHIP_UTF8, Hl7Samples.bytes(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030));

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.charset()).isEqualTo(GB18030);
        assertThat(reception.message().getPatientName()).isEqualTo("王雪梅");
    }

    @Test
    void gb18030WithoutMsh18OnAUtf8ChannelIsAnErrorNotAGarbledName() {
        String undeclared = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030).replace("|AL|NE||GB 18030-2000\r", "|AL|NE\r");
        byte[] bytes = undeclared.getBytes(GB18030);

        Reception reception = receive(TOWNSHIP_UTF8, bytes);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AE);
        assertThat(reception.error().code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
        assertThat(reception.error().text()).contains("UTF-8");
        assertThat(reception.message().getStatus()).isEqualTo(MessageStatus.ERROR);
        assertThat(reception.message().getRawBytes()).isEqualTo(bytes);
        assertThat(reception.message().getControlId()).isEqualTo("KHZ20261020000101");
    }

    @ParameterizedTest(name = "MSH-18 ''{0}'', bytes in {1}")
    @CsvSource({
            "GB 18030-2000, GB18030",
            "GBK,           GB18030",
            "UNICODE UTF-8, UTF-8",
            "'',            GB18030"})
    void aNameOutsideTheBasicPlaneSurvivesExactly(String msh18, String encoding) {
        String name = new String(Character.toChars(0x20BB7)) + "^祥";  // 𠮷 (U+20BB7), a surname variant of 吉

        Reception reception = receive(TOWNSHIP, registration(msh18, name), Charset.forName(encoding));

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.message().getPatientName().codePoints().toArray()).containsExactly(0x20BB7, 0x7965);
        assertThat(reception.message().getRawText()).contains(name);
    }

    @Test
    void gb18030TrailBytesThatEqualDelimitersDoNotSplitFields() {
        // 區 ends in 0x5E (^), 東 and 瑋 in 0x7C (|), 淺 in 0x5C (\), 儈 in 0x7E (~)
        String name = "區^東瑋";
        String address = "淺水儈村";
        assertThat(name.replace("^", "").getBytes(GB18030)).contains(0x5E, 0x7C);
        assertThat(address.getBytes(GB18030)).contains(0x5C, 0x7E);
        String text = REGISTRATION_HEADER + "\r"
                + "EVN|A04|20261020083015\r"
                + "PID|1||KHZ0012400^^^TWN_KHZ^MR||" + name + "||19690315|M|||" + address + "^^库伦旗^内蒙古"
                + "||||||||150525196903150428\r";

        Reception reception = receive(TOWNSHIP, text, GB18030);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(identity(reception)).isEqualTo(new PatientIdentity("KHZ0012400", "TWN_KHZ", "150525196903150428", "區東瑋"));
        assertThat(reception.message().getRawText()).isEqualTo(text);
    }

    @Test
    void aMessageWhoseSegmentsEndWithLineFeedIsAccepted() {
        byte[] sample = Hl7Samples.bytes(Hl7Samples.UPDATE_LF_SEPARATED);
        assertThat(sample).contains('\n').doesNotContain('\r');

        Reception reception = receive(TOWNSHIP_UTF8, sample);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.header().version()).isEqualTo("2.3");
        assertThat(reception.header().typeAndTrigger()).isEqualTo("ADT^A08");
        assertThat(identity(reception)).isEqualTo(new PatientIdentity("KHZ0012345", "TWN_KHZ", null, "王雪梅"));
        assertThat(reception.message().getRawBytes()).as("kept as received, line feeds included").isEqualTo(sample);
    }

    @Test
    void aUtf8MessageWithoutMsh18OnAGb18030ChannelKeepsThePatientsName() {
        byte[] sample = Hl7Samples.bytes(Hl7Samples.UPDATE_LF_SEPARATED);

        Reception reception = receive(TOWNSHIP, sample);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.message().getCharset()).isEqualTo("UTF-8");
        assertThat(identity(reception).name()).isEqualTo("王雪梅");
    }

    @Test
    void withoutUtf8DetectionTheChannelCharsetIsTaken() {
        Channel strict = new Channel("strict", "strict", "0.0.0.0", 2575, Charset.forName("GB18030"), false,
                TOWNSHIP.facilities(), 4096 * 1024, 10, java.time.Duration.ofMinutes(1), Channel.Tls.OFF, "channels/strict.channel");

        Reception reception = receive(strict, Hl7Samples.bytes(Hl7Samples.UPDATE_LF_SEPARATED));

        assertThat(reception.message().getCharset()).isEqualTo("GB18030");
        assertThat(identity(reception).name()).isNotEqualTo("王雪梅");
    }

    @Test
    void aMessageWhoseSegmentsEndWithCrLfIsAccepted() {
        String crlf = Hl7Samples.text(Hl7Samples.ED_STROKE_ALERT).replace("\r", "\r\n");

        Reception reception = receive(COUNTY, crlf, UTF_8);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.message().getPatientName()).isEqualTo("陈大山");
    }

    @Test
    void anEdRegistrationWithTheZsaStrokeAlertSegmentIsAccepted() {
        Reception reception = receive(COUNTY, Hl7Samples.bytes(Hl7Samples.ED_STROKE_ALERT));

        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.message().getRawText()).contains("\rZSA|1|20261023063000|左侧肢体无力，言语不清|120|NIHSS^12");
        assertThat(identity(reception)).isEqualTo(new PatientIdentity("CG0099881", "CNTY_GH", "150525195003120515", "陈大山"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "adt_a04_township_registration_gb18030.hl7, township-his",
            "dft_p03_charges.hl7,                       township-his",
            "oml_o21_lab_cbc_order.hl7,                 township-his",
            "orm_o01_ct_chest_order.hl7,                township-his",
            "orm_o01_ecg_order.hl7,                     township-his",
            "ref_i12_upward_referral.hl7,               township-his",
            "adt_a04_ed_stroke_alert.hl7,               county-systems",
            "oru_r01_ct_report.hl7,                     county-systems",
            "oru_r01_lab_cbc_result.hl7,                county-systems"})
    void everyWellFormedSampleIsAcceptedOnItsChannel(String sample, String channel) {
        Reception reception = receive(channel.equals("county-systems") ? COUNTY : TOWNSHIP, Hl7Samples.bytes(sample));

        assertThat(reception.error()).isNull();
        assertThat(reception.ackCode()).isEqualTo(AckCode.AA);
        assertThat(reception.message().getPatientId()).matches("(KHZ|CG)00\\d+");
        assertThat(reception.message().getPatientName()).isNotBlank();
    }

    @Test
    void aMessageWithoutControlIdIsRejectedAtMsh10() {
        Reception reception = receive(TOWNSHIP, Hl7Samples.bytes(Hl7Samples.MISSING_CONTROL_ID));

        assertThat(reception.ackCode()).isEqualTo(AckCode.AR);
        assertThat(reception.error().location()).isEqualTo("MSH^1^10");
        assertThat(reception.error().code()).isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
        assertThat(reception.message().getStatus()).isEqualTo(MessageStatus.REJECTED);
        assertThat(reception.message().getDedupKey()).isNull();
    }

    @Test
    void aFacilityThatIsNotOnTheChannelIsRejectedAtMsh4ButStillKnownForTheAck() {
        Reception reception = receive(TOWNSHIP, Hl7Samples.bytes(Hl7Samples.ED_STROKE_ALERT));

        assertThat(reception.ackCode()).isEqualTo(AckCode.AR);
        assertThat(reception.error().location()).isEqualTo("MSH^1^4");
        assertThat(reception.error().text()).contains("CNTY_GH", "township-his");
        assertThat(reception.header().sendingFacility()).isEqualTo("CNTY_GH");
        assertThat(reception.message().getControlId()).isEqualTo("CHIS20261023000077");
        assertThat(reception.message().getErrorLocation()).isEqualTo("MSH^1^4");
        assertThat(reception.message().getErrorCode()).isEqualTo(103);
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}'' is AR at {2}")
    @CsvSource({
            "|CHIS20261023000077|, ||,             MSH^1^10, REQUIRED_FIELD_MISSING",
            "|ADT^A04^ADT_A01|,    ||,             MSH^1^9,  REQUIRED_FIELD_MISSING",
            "|P|2.5|,              |P|2.6|,        MSH^1^12, UNSUPPORTED_VERSION_ID",
            "|P|2.5|,              |P|2.2|,        MSH^1^12, UNSUPPORTED_VERSION_ID",
            "|P|2.5|,              |X|2.5|,        MSH^1^11, UNSUPPORTED_PROCESSING_ID",
            "|CNTY_GH|HUB|,        |CNTY_XX|HUB|,  MSH^1^4,  TABLE_VALUE_NOT_FOUND",
            "UNICODE UTF-8,        KLINGON,        MSH^1^18, TABLE_VALUE_NOT_FOUND"})
    void headerProblemsAreRejectedWithTheirLocation(String original, String replacement, String location, Hl7ErrorCode code) {
        String sample = Hl7Samples.text(Hl7Samples.ED_STROKE_ALERT);
        String changed = sample.replace(original, replacement);
        assertThat(changed).isNotEqualTo(sample);

        Reception reception = receive(COUNTY, changed, UTF_8);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AR);
        assertThat(reception.error().location()).isEqualTo(location);
        assertThat(reception.error().code()).isEqualTo(code);
        assertThat(reception.message().getStatus()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void anUnknownMsh18IsAnsweredInTheChannelsCharset() {
        String unknown = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030).replace("GB 18030-2000", "GB-18030-2005X");

        Reception reception = receive(TOWNSHIP, unknown, GB18030);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AR);
        assertThat(reception.error().location()).isEqualTo("MSH^1^18");
        assertThat(reception.charset()).isEqualTo(GB18030);
        assertThat(reception.header().controlId()).isEqualTo("KHZ20261020000101");
    }

    @Test
    void somethingThatIsNotHl7IsRejectedAndAnsweredWithAnUnknownHeader() {
        Reception reception = receive(TOWNSHIP, Hl7Samples.bytes(Hl7Samples.NOT_HL7));

        assertThat(reception.ackCode()).isEqualTo(AckCode.AR);
        assertThat(reception.error().code()).isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
        assertThat(reception.header()).isEqualTo(MessageHeader.UNKNOWN);
        assertThat(reception.message().getRawBytes()).isEqualTo(Hl7Samples.bytes(Hl7Samples.NOT_HL7));
    }

    @Test
    void aTruncatedMessageIsRejectedButIdentified() {
        byte[] beginning = Arrays.copyOf(Hl7Samples.bytes(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030), 200);

        Reception reception = Reception.examine(new Arrival(TOWNSHIP, "10.20.1.15:50123", RECEIVED_AT, beginning, true), PARSER);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AR);
        assertThat(reception.error().text()).contains("max-message-bytes");
        assertThat(reception.header().controlId()).isEqualTo("KHZ20261020000101");
        assertThat(reception.message().getStatus()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void bytesThatAreNotValidInTheDeclaredCharsetMakeTheMessageAnError() throws Exception {
        var bytes = new ByteArrayOutputStream();
        bytes.write(registration("UNICODE UTF-8", "王^").getBytes(UTF_8));
        int nameEnd = bytes.toString(UTF_8).indexOf("王^") + "王^".getBytes(UTF_8).length;
        byte[] valid = bytes.toByteArray();
        var invalid = new ByteArrayOutputStream();
        invalid.write(valid, 0, nameEnd);
        invalid.write(new byte[] {(byte) 0xFF, (byte) 0xFF});
        invalid.write(valid, nameEnd, valid.length - nameEnd);

        Reception reception = receive(TOWNSHIP, invalid.toByteArray());

        assertThat(reception.ackCode()).isEqualTo(AckCode.AE);
        assertThat(reception.error().code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
        assertThat(reception.error().text()).contains("UTF-8");
        assertThat(reception.message().getStatus()).isEqualTo(MessageStatus.ERROR);
        assertThat(reception.message().getRawBytes()).isEqualTo(invalid.toByteArray());
        assertThat(reception.message().getDedupKey()).isNull();
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}'' is AE at {2}")
    @CsvSource({
            "EVN|A04|20261020083015, EVN|A04|2026XX,   EVN^1^2",
            "|19690315|F|,           |1969-03-15|F|,   PID^1^7"})
    void aValueHapiCannotParseMakesTheMessageAnErrorWithItsLocation(String original, String replacement, String location) {
        String sample = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030);
        String changed = sample.replace(original, replacement);
        assertThat(changed).isNotEqualTo(sample);

        Reception reception = receive(TOWNSHIP, changed, GB18030);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AE);
        assertThat(reception.error().location()).isEqualTo(location);
        assertThat(reception.message().getStatus()).isEqualTo(MessageStatus.ERROR);
        assertThat(reception.message().getDedupKey()).isNull();
        assertThat(reception.message().getPatientId()).as("still findable by patient").isEqualTo("KHZ0012345");
    }

    @Test
    void aValueHapiCannotParseIsAnsweredAsDataTypeError() {
        String changed = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030).replace("|19690315|F|", "|1969-03-15|F|");

        Reception reception = receive(TOWNSHIP, changed, GB18030);

        assertThat(reception.error().code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
    }

    @Test
    void anInvalidMessageTimeIsLocatedAtMsh7() {
        String changed = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030).replace("|CNTY_GH|20261020083015|", "|CNTY_GH|2026XX|");

        Reception reception = receive(TOWNSHIP, changed, GB18030);

        assertThat(reception.ackCode()).isEqualTo(AckCode.AE);
        assertThat(reception.error().location()).isEqualTo("MSH^1^7");
    }

    @Test
    void aParseErrorSaysWhereButDoesNotRepeatThePatientsData() {
        String changed = Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030).replace("|19690315|F|", "|1969-03-15|F|");

        Reception reception = receive(TOWNSHIP, changed, GB18030);

        assertThat(reception.error().text()).doesNotContain("1969-03-15");
    }

    @Test
    void threeEncodingCharactersAreAnsweredRatherThanThrown() {
        String text = Hl7Samples.text(Hl7Samples.ED_STROKE_ALERT).replace("MSH|^~\\&|", "MSH|^~\\|");

        assertThatCode(() -> {
            Reception reception = receive(COUNTY, text, UTF_8);
            assertThat(reception.ackCode()).isNotEqualTo(AckCode.AA);
        }).doesNotThrowAnyException();
    }

    private static PatientIdentity identity(Reception reception) {
        InboundMessage message = reception.message();
        return new PatientIdentity(message.getPatientId(), message.getPatientIdAuthority(), message.getNationalId(),
                message.getPatientName());
    }

    private static String afterMsh(String text) {
        return text.substring(text.indexOf('\r'));
    }
}
