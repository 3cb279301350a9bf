package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientIdentityTest {

    private static final String MSH_24 = "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020083015||ADT^A04^ADT_A01|KHZ1|P|2.4\r";
    private static final String MSH_23 = "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261020083015||ADT^A04|KHZ1|P|2.3\r";

    private static PatientIdentity of(String text) throws MessageRejected {
        return PatientIdentity.of(text, MessageHeader.read(text));
    }

    private static PatientIdentity withPid(String pid) throws MessageRejected {
        return of(MSH_24 + "EVN|A04|20261020083015\r" + pid + "\rPV1|1|O\r");
    }

    @Test
    void theTownshipRegistrationNamesItsPatientByMedicalRecordNumberAndIdCard() throws MessageRejected {
        PatientIdentity patient = of(Hl7Samples.text(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030));

        assertThat(patient).isEqualTo(new PatientIdentity("KHZ0012345", "TWN_KHZ", "150525196903150428", "王雪梅"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            adt_a04_ed_stroke_alert.hl7   ; CG0099881  ; CNTY_GH ; 150525195003120515 ; 陈大山
            dft_p03_charges.hl7           ; KHZ0012345 ; TWN_KHZ ; 150525196903150428 ; 王雪梅
            oml_o21_lab_cbc_order.hl7     ; KHZ0020001 ; TWN_KHZ ;                    ; 李贵祥
            orm_o01_ecg_order.hl7         ; KHZ0041007 ; TWN_KHZ ;                    ; 程振家
            oru_r01_ct_report.hl7         ; KHZ0012345 ; TWN_KHZ ; 150525196903150428 ; 王雪梅
            ref_i12_upward_referral.hl7   ; KHZ0033100 ; TWN_KHZ ; 150525195811020031 ; 那日松
            """)
    void everySampleNamesItsPatient(String sample, String mrn, String authority, String nationalId, String name)
            throws MessageRejected {
        assertThat(of(Hl7Samples.text(sample))).isEqualTo(new PatientIdentity(mrn, authority, nationalId, name));
    }

    @Test
    void theNationalIdMayComeBeforeTheMedicalRecordNumber() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||150525196903150428^^^CHN^NI~KHZ0012345^^^TWN_KHZ^MR||王^雪梅");

        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ0012345");
        assertThat(patient.nationalId()).isEqualTo("150525196903150428");
    }

    @Test
    void anIdAssignedByChnIsTheNationalIdEvenWithoutTypeNi() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||KHZ0012345^^^TWN_KHZ~150525196903150428^^^CHN||王^雪梅");

        assertThat(patient.nationalId()).isEqualTo("150525196903150428");
        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ0012345");
    }

    @Test
    void theMedicalRecordNumberIsPreferredOverOtherIdentifiers() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||V20261020-0042^^^TWN_KHZ^VN~KHZ0012345^^^TWN_KHZ^MR||王^雪梅");

        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ0012345");
    }

    @Test
    void anIdentifierWithoutAuthorityIsTheSendingFacilitys() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||KHZ0012345||王^雪梅");

        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ0012345");
        assertThat(patient.assigningAuthority()).isEqualTo("TWN_KHZ");
    }

    @Test
    void theAuthorityIsTheNamespaceOfAnHdWithOid() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||KHZ0012345^^^TWN_KHZ&1.2.156.112604.1.2&ISO^MR||王^雪梅");

        assertThat(patient.assigningAuthority()).isEqualTo("TWN_KHZ");
    }

    @ParameterizedTest(name = "PID-19 {0}")
    @ValueSource(strings = {"150525196903150428", "15052519690315042X", "15052519690315042x", "150525690315042"})
    void olderHisPutTheIdCardNumberInPid19(String idCard) throws MessageRejected {
        PatientIdentity patient = of(MSH_23 + "PID|1||KHZ0012345^^^TWN_KHZ||王^雪梅||19690315|F|||||||||||" + idCard + "\r");

        assertThat(patient.nationalId()).isEqualTo(idCard);
        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ0012345");
    }

    @ParameterizedTest(name = "PID-19 {0}")
    @ValueSource(strings = {"123-45-6789", "1505251969031504", "15052519690315042Y", "YB20261020"})
    void aPid19ThatIsNoIdCardNumberIsNotTakenForOne(String ssn) throws MessageRejected {
        PatientIdentity patient = of(MSH_23 + "PID|1||KHZ0012345^^^TWN_KHZ||王^雪梅||19690315|F|||||||||||" + ssn + "\r");

        assertThat(patient.nationalId()).isNull();
    }

    @Test
    void anIdCardNumberInPid3WinsOverPid19() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||KHZ0012345^^^TWN_KHZ^MR~150525196903150428^^^CHN^NI||王^雪梅||19690315|F"
                + "|||||||||||150525195003120515");

        assertThat(patient.nationalId()).isEqualTo("150525196903150428");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "王^雪梅,           王雪梅",
            "ZHANG^SAN,        ZHANG SAN",
            "ZHANG^SAN^^^MR,   ZHANG SAN",
            "欧阳^娜娜~OUYANG^NANA, 欧阳娜娜",
            "王,               王",
            "^雪梅,            雪梅"})
    void namesAreWrittenAsTheirScriptWritesThem(String xpn, String name) throws MessageRejected {
        assertThat(withPid("PID|1||KHZ0012345^^^TWN_KHZ^MR||" + xpn).name()).isEqualTo(name);
    }

    @Test
    void aFamilyNameWithSubcomponentsIsItsSurname() throws MessageRejected {
        assertThat(withPid("PID|1||KHZ0012345^^^TWN_KHZ^MR||VAN DER BERG&VAN DER&BERG^ANNA").name()).isEqualTo("VAN DER BERG ANNA");
    }

    @Test
    void escapedDelimitersInNamesAndIdentifiersAreUnescaped() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1||KHZ\\T\\0012345^^^TWN_KHZ^MR||O\\T\\NEIL\\F\\SMITH^MARY\\S\\ANN\\E\\");

        assertThat(patient.name()).isEqualTo("O&NEIL|SMITH MARY^ANN\\");
        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ&0012345");
    }

    @Test
    void aMessageWithoutPidNamesNoPatient() throws MessageRejected {
        assertThat(of(MSH_24 + "MSA|AA|KHZ1\r")).isEqualTo(PatientIdentity.NONE);
    }

    @Test
    void aPidWithoutIdentifiersOrNameGivesNulls() throws MessageRejected {
        PatientIdentity patient = withPid("PID|1");

        assertThat(patient).isEqualTo(new PatientIdentity(null, null, null, null));
    }

    @Test
    void onlyTheSegmentNamedPidIsRead() throws MessageRejected {
        PatientIdentity patient = of(MSH_24 + "ZPID|1||FAKE^^^X^MR||假^名\rPID|1||KHZ0012345^^^TWN_KHZ^MR||王^雪梅\r");

        assertThat(patient.medicalRecordNumber()).isEqualTo("KHZ0012345");
        assertThat(patient.name()).isEqualTo("王雪梅");
    }
}
