package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            # sample                                  ; sender   ; facility ; receiver    ; rcv facility ; type    ; structure ; control id         ; version ; MSH-18
            adt_a04_township_registration_gb18030.hl7 ; TWN_HIS  ; TWN_KHZ  ; HUB         ; CNTY_GH      ; ADT^A04 ; ADT_A01   ; KHZ20261020000101  ; 2.4     ; GB 18030-2000
            adt_a04_ed_stroke_alert.hl7               ; CNTY_HIS ; CNTY_GH  ; HUB         ; CNTY_GH      ; ADT^A04 ; ADT_A01   ; CHIS20261023000077 ; 2.5     ; UNICODE UTF-8
            adt_a08_lf_separated.hl7                  ; TWN_HIS  ; TWN_KHZ  ; HUB         ; CNTY_GH      ; ADT^A08 ; ADT_A01   ; KHZ20261025000001  ; 2.3     ; ''
            bad_missing_control_id.hl7                ; TWN_HIS  ; TWN_KHZ  ; HUB         ; CNTY_GH      ; ADT^A04 ; ADT_A01   ; ''                 ; 2.4     ; ''
            dft_p03_charges.hl7                       ; TWN_HIS  ; TWN_KHZ  ; YB_PLATFORM ; YB_COUNTY    ; DFT^P03 ; DFT_P03   ; KHZ20261020000150  ; 2.4     ; UNICODE UTF-8
            oml_o21_lab_cbc_order.hl7                 ; TWN_HIS  ; TWN_KHZ  ; CNTY_LIS    ; CNTY_GH      ; OML^O21 ; OML_O21   ; KHZ20261021000311  ; 2.5.1   ; UNICODE UTF-8
            orm_o01_ct_chest_order.hl7                ; TWN_HIS  ; TWN_KHZ  ; CNTY_RIS    ; CNTY_GH      ; ORM^O01 ; ORM_O01   ; KHZ20261020000102  ; 2.4     ; UNICODE UTF-8
            orm_o01_ecg_order.hl7                     ; TWN_HIS  ; TWN_KHZ  ; CNTY_ECG    ; CNTY_GH      ; ORM^O01 ; ORM_O01   ; KHZ20261024000021  ; 2.4     ; UNICODE UTF-8
            oru_r01_ct_report.hl7                     ; CNTY_RIS ; CNTY_GH  ; TWN_HIS     ; TWN_KHZ      ; ORU^R01 ; ORU_R01   ; RIS20261020004411  ; 2.4     ; UNICODE UTF-8
            oru_r01_lab_cbc_result.hl7                ; CNTY_LIS ; CNTY_GH  ; TWN_HIS     ; TWN_KHZ      ; ORU^R01 ; ORU_R01   ; LIS20261021009001  ; 2.5.1   ; UNICODE UTF-8
            ref_i12_upward_referral.hl7               ; TWN_HIS  ; TWN_KHZ  ; CNTY_HIS    ; CNTY_GH      ; REF^I12 ; REF_I12   ; KHZ20261022000901  ; 2.5     ; UNICODE UTF-8
            """)
    void readsWhoSentWhatInWhichVersionFromEverySample(String sample, String sendingApplication, String sendingFacility,
                                                       String receivingApplication, String receivingFacility, String typeAndTrigger,
                                                       String structure, String controlId, String version, String characterSet)
            throws MessageRejected {
        MessageHeader header = MessageHeader.read(Hl7Samples.text(sample));

        assertThat(header.fieldSeparator()).isEqualTo('|');
        assertThat(header.encodingCharacters()).isEqualTo("^~\\&");
        assertThat(header.sendingApplication()).isEqualTo(sendingApplication);
        assertThat(header.sendingFacility()).isEqualTo(sendingFacility);
        assertThat(header.receivingApplication()).isEqualTo(receivingApplication);
        assertThat(header.receivingFacility()).isEqualTo(receivingFacility);
        assertThat(header.typeAndTrigger()).isEqualTo(typeAndTrigger);
        assertThat(header.messageStructure()).isEqualTo(structure);
        assertThat(header.controlId()).isEqualTo(controlId);
        assertThat(header.processingId()).isEqualTo("P");
        assertThat(header.version()).isEqualTo(version);
        assertThat(header.characterSet()).isEqualTo(characterSet);
    }

    @Test
    void typeTriggerAndStructureAreTheComponentsOfMsh9() throws MessageRejected {
        MessageHeader header = MessageHeader.read(Hl7Samples.text(Hl7Samples.ED_STROKE_ALERT));

        assertThat(header.messageType()).isEqualTo("ADT");
        assertThat(header.triggerEvent()).isEqualTo("A04");
        assertThat(header.messageStructure()).isEqualTo("ADT_A01");
    }

    @Test
    void aMessageTypeWithoutTriggerIsShownAsTheTypeAlone() throws MessageRejected {
        MessageHeader header = MessageHeader.read("MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261025101010||ACK|K1|P|2.3\rMSA|AA|X\r");

        assertThat(header.typeAndTrigger()).isEqualTo("ACK");
        assertThat(header.triggerEvent()).isEmpty();
    }

    @Test
    void aHeaderEndedByLineFeedIsReadUpToTheLineFeed() throws MessageRejected {
        MessageHeader header = MessageHeader.read(
                "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261025101010||ADT^A08^ADT_A01|KHZ20261025000001|P|2.3\n"
                        + "EVN|A08|20261025101010\nPID|1||KHZ0012345^^^TWN_KHZ^MR\n");

        assertThat(header.version()).isEqualTo("2.3");
        assertThat(header.characterSet()).isEmpty();
        assertThat(header.controlId()).isEqualTo("KHZ20261025000001");
    }

    @Test
    void applicationsFacilitiesAndVersionAreTheirFirstComponentAndCharacterSetItsFirstRepetition() throws MessageRejected {
        MessageHeader header = MessageHeader.read("MSH|^~\\&|TWN_HIS^1.2.156.1^ISO|TWN_KHZ^1.2.156.2^ISO|HUB|CNTY_GH|20261020"
                + "||ADT^A04^ADT_A01| KHZ1 |P^T|2.5^CHN^HL70399|||AL|NE||UNICODE UTF-8~GB 18030-2000\r");

        assertThat(header.sendingApplication()).isEqualTo("TWN_HIS");
        assertThat(header.sendingFacility()).isEqualTo("TWN_KHZ");
        assertThat(header.controlId()).isEqualTo("KHZ1");
        assertThat(header.processingId()).isEqualTo("P");
        assertThat(header.version()).isEqualTo("2.5");
        assertThat(header.characterSet()).isEqualTo("UNICODE UTF-8");
    }

    @Test
    void aHeaderWithOtherDelimitersIsReadWithThem() throws MessageRejected {
        MessageHeader header = MessageHeader.read("MSH#$*/!#TWN_HIS#TWN_KHZ$x#HUB#CNTY_GH#20261020##ADT$A04$ADT_A01#K9#P#2.4\r");

        assertThat(header.fieldSeparator()).isEqualTo('#');
        assertThat(header.encodingCharacters()).isEqualTo("$*/!");
        assertThat(header.sendingFacility()).isEqualTo("TWN_KHZ");
        assertThat(header.typeAndTrigger()).isEqualTo("ADT^A04");
        assertThat(header.messageStructure()).isEqualTo("ADT_A01");
        assertThat(header.controlId()).isEqualTo("K9");
    }

    @Test
    void aShortHeaderHasEmptyFieldsRatherThanFailing() throws MessageRejected {
        MessageHeader header = MessageHeader.read("MSH|^~\\&|TWN_HIS|TWN_KHZ");

        assertThat(header.sendingFacility()).isEqualTo("TWN_KHZ");
        assertThat(header.controlId()).isEmpty();
        assertThat(header.version()).isEmpty();
        assertThat(header.characterSet()).isEmpty();
    }

    @Test
    void anHttpRequestOnTheMllpPortIsNotHl7() {
        MessageRejected rejected = catchThrowableOfType(MessageRejected.class,
                () -> MessageHeader.read(Hl7Samples.text(Hl7Samples.NOT_HL7)));

        assertThat(rejected.error().code()).isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
        assertThat(rejected.error().location()).isEmpty();
        assertThat(rejected.error().text()).contains("MSH");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "EVN|A04|20261020083015\rMSH|^~\\&|TWN_HIS|TWN_KHZ",
            "msh|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH",
            " MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH",
            "MSH|^~",
            ""})
    void aMessageThatDoesNotBeginWithMshIsRejectedAsSegmentSequenceError(String text) {
        assertThatThrownBy(() -> MessageHeader.read(text))
                .isInstanceOfSatisfying(MessageRejected.class,
                        rejected -> assertThat(rejected.error().code()).isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "MSH||TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020||ADT^A04|K1|P|2.4",
            "MSH|^~|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020||ADT^A04|K1|P|2.4",
            "MSH|^|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020||ADT^A04|K1|P|2.4"})
    void missingEncodingCharactersAreRejectedAtMsh2(String text) {
        MessageRejected rejected = catchThrowableOfType(MessageRejected.class, () -> MessageHeader.read(text));

        assertThat(rejected.error().location()).isEqualTo("MSH^1^2");
        assertThat(rejected.error().code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
    }
}
