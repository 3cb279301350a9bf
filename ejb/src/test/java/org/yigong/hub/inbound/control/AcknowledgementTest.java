package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AcknowledgementTest {

    private static final CanonicalParser PARSER = new CanonicalParser();

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 10, 20, 8, 30, 16, 0, ZoneId.of("Asia/Shanghai"));

    private static final Hl7Error BIRTH_DATE_INVALID = new Hl7Error(Hl7ErrorCode.DATA_TYPE_ERROR, "PID^1^7",
            "PID-7 (date of birth) is not a date");

    private static MessageHeader header(String sample) throws MessageRejected {
        return MessageHeader.read(Hl7Samples.text(sample));
    }

    /** The header of the stroke alert sample (v2.5) in another version. */
    private static MessageHeader strokeAlertIn(String version) throws MessageRejected {
        return MessageHeader.read(Hl7Samples.text(Hl7Samples.ED_STROKE_ALERT).replace("|P|2.5|", "|P|" + version + "|"));
    }

    @Test
    void anAaForTheTownshipRegistrationIsAddressedBackToItsSenderInItsVersionAndCharset() throws MessageRejected {
        String ack = Acknowledgement.build(header(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030), AckCode.AA, "ACK42", NOW, null);

        assertThat(ack).isEqualTo("MSH|^~\\&|HUB|CNTY_GH|TWN_HIS|TWN_KHZ|20261020083016+0800||ACK^A04^ACK|ACK42|P|2.4||||||GB 18030-2000\r"
                + "MSA|AA|KHZ20261020000101\r");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adt_a04_township_registration_gb18030.hl7", "adt_a04_ed_stroke_alert.hl7", "adt_a08_lf_separated.hl7",
            "oml_o21_lab_cbc_order.hl7", "oru_r01_ct_report.hl7", "ref_i12_upward_referral.hl7"})
    void theAckAnswersTheMessageItAcknowledges(String sample) throws MessageRejected {
        MessageHeader in = header(sample);

        Ack ack = new Ack(Acknowledgement.build(in, AckCode.AE, "ACK7", NOW, BIRTH_DATE_INVALID));

        assertThat(ack.msh(3)).isEqualTo(in.receivingApplication());
        assertThat(ack.msh(4)).isEqualTo(in.receivingFacility());
        assertThat(ack.msh(5)).isEqualTo(in.sendingApplication());
        assertThat(ack.msh(6)).isEqualTo(in.sendingFacility());
        assertThat(ack.msh(10)).isEqualTo("ACK7");
        assertThat(ack.msh(12)).isEqualTo(in.version());
        assertThat(ack.field("MSA", 1)).isEqualTo("AE");
        assertThat(ack.field("MSA", 2)).isEqualTo(in.controlId());
        assertThat(ack.field("MSA", 3)).isEqualTo("PID-7 (date of birth) is not a date");
    }

    @Test
    void msh18IsCopiedWhenTheMessageHasOne() throws MessageRejected {
        Ack declared = new Ack(Acknowledgement.build(header(Hl7Samples.ED_STROKE_ALERT), AckCode.AA, "A1", NOW, null));
        Ack undeclared = new Ack(Acknowledgement.build(header(Hl7Samples.UPDATE_LF_SEPARATED), AckCode.AA, "A2", NOW, null));

        assertThat(declared.msh(18)).isEqualTo("UNICODE UTF-8");
        assertThat(declared.segment("MSH")).hasSize(18);
        assertThat(undeclared.segment("MSH")).as("MSH-1 to MSH-12, nothing after").hasSize(12);
    }

    @ParameterizedTest(name = "v{0}: MSH-9 {1}")
    @CsvSource({"2.3, ACK^A04", "2.3.1, ACK^A04^ACK", "2.4, ACK^A04^ACK", "2.5, ACK^A04^ACK", "2.5.1, ACK^A04^ACK"})
    void theAckTypeHasTheTriggerAndFrom231OnTheStructure(String version, String msh9) throws MessageRejected {
        Ack ack = new Ack(Acknowledgement.build(strokeAlertIn(version), AckCode.AA, "A1", NOW, null));

        assertThat(ack.msh(9)).isEqualTo(msh9);
        assertThat(ack.msh(12)).isEqualTo(version);
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(strings = {"2.3", "2.3.1", "2.4"})
    void before25TheErrorIsLocationAndCodeInErr1(String version) throws MessageRejected {
        Ack ack = new Ack(Acknowledgement.build(strokeAlertIn(version), AckCode.AE, "A1", NOW, BIRTH_DATE_INVALID));

        assertThat(ack.line("ERR")).isEqualTo("ERR|PID^1^7^102&Data type error&HL70357");
        assertThat(ack.field("MSA", 3)).isEqualTo("PID-7 (date of birth) is not a date");
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(strings = {"2.5", "2.5.1"})
    void from25TheErrorHasLocationCodeSeverityAndExplanationInTheirOwnFields(String version) throws MessageRejected {
        Ack ack = new Ack(Acknowledgement.build(strokeAlertIn(version), AckCode.AE, "A1", NOW, BIRTH_DATE_INVALID));

        assertThat(ack.field("ERR", 1)).isEmpty();
        assertThat(ack.field("ERR", 2)).isEqualTo("PID^1^7");
        assertThat(ack.field("ERR", 3)).isEqualTo("102^Data type error^HL70357");
        assertThat(ack.field("ERR", 4)).isEqualTo("E");
        assertThat(ack.field("ERR", 8)).isEqualTo("PID-7 (date of birth) is not a date");
    }

    @Test
    void aRejectionOfTheWholeMessageHasNoLocation() throws MessageRejected {
        Hl7Error tooLarge = new Hl7Error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, "", "the message is too large");

        Ack ack = new Ack(Acknowledgement.build(header("oml_o21_lab_cbc_order.hl7"), AckCode.AR, "A1", NOW, tooLarge));

        assertThat(ack.line("ERR")).isEqualTo("ERR|||207^Application internal error^HL70357|E||||the message is too large");
        assertThat(ack.line("MSA")).isEqualTo("MSA|AR|KHZ20261021000311|the message is too large");
    }

    @Test
    void anAcceptedMessageWithAWarningHasSeverityW() throws MessageRejected {
        Hl7Error warning = new Hl7Error(Hl7ErrorCode.TABLE_VALUE_NOT_FOUND, "PV1^1^2", "patient class unknown");

        Ack ack = new Ack(Acknowledgement.build(header(Hl7Samples.ED_STROKE_ALERT), AckCode.AA, "A1", NOW, warning));

        assertThat(ack.field("ERR", 4)).isEqualTo("W");
    }

    @Test
    void delimitersInTheExplanationAreEscapedSoTheSenderCanParseTheAck() throws MessageRejected {
        Hl7Error error = new Hl7Error(Hl7ErrorCode.DATA_TYPE_ERROR, "PID^1^5", "name a|b^c~d\\e&f\r\ng");

        Ack ack = new Ack(Acknowledgement.build(header(Hl7Samples.ED_STROKE_ALERT), AckCode.AE, "A1", NOW, error));

        String escaped = "name a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f  g";
        assertThat(ack.field("MSA", 3)).isEqualTo(escaped);
        assertThat(ack.field("ERR", 8)).isEqualTo(escaped);
        assertThat(ack.text).as("three segments, no stray line break").containsOnlyOnce("\rMSA|").containsOnlyOnce("\rERR|")
                .doesNotContain("\n").endsWith("\r");
    }

    @Test
    void aControlIdWithADelimiterIsEchoedEscaped() throws MessageRejected {
        MessageHeader in = MessageHeader.read("MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020||ADT^A04^ADT_A01|KHZ^0001|P|2.4\r");

        Ack ack = new Ack(Acknowledgement.build(in, AckCode.AA, "A1", NOW, null));

        assertThat(ack.field("MSA", 2)).isEqualTo("KHZ\\S\\0001");
    }

    @Test
    void aSenderWithItsOwnDelimitersGetsAnAckInThem() throws MessageRejected {
        MessageHeader in = MessageHeader.read("MSH#$*/!#TWN_HIS#TWN_KHZ#HUB#CNTY_GH#20261020##ADT$A04$ADT_A01#K9#P#2.4\r");
        Hl7Error error = new Hl7Error(Hl7ErrorCode.DATA_TYPE_ERROR, "PID^1^7", "x#y$z/w*v!u|^");

        String ack = Acknowledgement.build(in, AckCode.AE, "A1", NOW, error);

        assertThat(ack).isEqualTo("MSH#$*/!#HUB#CNTY_GH#TWN_HIS#TWN_KHZ#20261020083016+0800##ACK$A04$ACK#A1#P#2.4\r"
                + "MSA#AE#K9#x/F/y/S/z/E/w/R/v/T/u|^\r"
                + "ERR#PID$1$7$102!Data type error!HL70357\r");
    }

    @Test
    void somethingThatWasNotHl7StillGetsAWellFormedAck() {
        Hl7Error error = new Hl7Error(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "", "not an HL7 v2 message");

        Ack ack = new Ack(Acknowledgement.build(MessageHeader.UNKNOWN, AckCode.AR, "A1", NOW, error));

        assertThat(ack.msh(3)).isEqualTo("YIGONG_HUB");
        assertThat(ack.msh(12)).isEqualTo("2.5.1");
        assertThat(ack.line("MSA")).isEqualTo("MSA|AR||not an HL7 v2 message");
        assertThat(ack.field("ERR", 3)).isEqualTo("100^Segment sequence error^HL70357");
    }

    @ParameterizedTest(name = "v{0} {1}")
    @CsvSource({"2.3, AE", "2.4, AR", "2.5, AE", "2.5.1, AA"})
    void theAckIsAnHl7MessageThatHapiParses(String version, AckCode code) throws Exception {
        String ack = Acknowledgement.build(strokeAlertIn(version), code, "A1", NOW, code == AckCode.AA ? null : BIRTH_DATE_INVALID);

        Message parsed = PARSER.parse(ack);

        assertThat(parsed.getName()).isEqualTo("ACK");
    }

    /** An ACK split into segments and fields, numbered as HL7 numbers them. */
    private static final class Ack {
        final String text;
        final List<String> lines;

        Ack(String text) {
            this.text = text;
            this.lines = Arrays.asList(text.split("\r"));
        }

        String line(String segment) {
            return lines.stream().filter(l -> l.startsWith(segment + "|")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + segment + " in " + text.replace('\r', '\n')));
        }

        String[] segment(String segment) {
            return line(segment).split("\\|", -1);
        }

        /** MSH-1 is the separator itself, so MSH-n is the (n-1)th piece. */
        String msh(int field) {
            String[] fields = segment("MSH");
            return field - 1 < fields.length ? fields[field - 1] : "";
        }

        String field(String segment, int field) {
            String[] fields = segment(segment);
            return field < fields.length ? fields[field] : "";
        }
    }
}
