package org.yigong.hub.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.inbound.control.InvalidQueryParameter;

class PatientKeyTest {

    @Test
    void eighteenCharactersAreANationalId() {
        assertThat(PatientKey.parse("150525196903150428")).isEqualTo(new PatientKey("150525196903150428", null, null));
    }

    @Test
    void aFinalLowerCaseXIsReadAsX() {
        PatientKey key = PatientKey.parse(" 15052519690315042x ");

        assertThat(key.nationalId()).isEqualTo("15052519690315042X");
        assertThat(key.byNationalId()).isTrue();
    }

    @Test
    void aFirstGenerationCardOfFifteenDigitsIsANationalIdToo() {
        assertThat(PatientKey.parse("150525690315042").nationalId()).isEqualTo("150525690315042");
    }

    @Test
    void mrnAtAuthorityIsAFacilitysMedicalRecordNumber() {
        PatientKey key = PatientKey.parse("KHZ0012345@TWN_KHZ");

        assertThat(key).isEqualTo(new PatientKey(null, "KHZ0012345", "TWN_KHZ"));
        assertThat(key.byNationalId()).isFalse();
    }

    @Test
    void theLastAtSeparatesTheAuthority() {
        assertThat(PatientKey.parse("A@B@TWN_KHZ")).isEqualTo(new PatientKey(null, "A@B", "TWN_KHZ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"150525196903150428", "15052519690315042X", "KHZ0012345@TWN_KHZ"})
    void aKeyWritesItselfAsItIsRead(String id) {
        assertThat(PatientKey.parse(id)).hasToString(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "15052519690315042", "1505251969031504281", "15052519690315042Y", "X50525196903150428",
            "GLZ0099", "@TWN_GLZ", "GLZ0099@", "GLZ0099@ "})
    void anythingElseIsAnInvalidIdThatIsNotRepeatedBack(String id) {
        assertThatThrownBy(() -> PatientKey.parse(id))
                .isInstanceOf(InvalidQueryParameter.class)
                .hasMessageStartingWith("id must be a national ID card number")
                .satisfies(e -> assertThat(((InvalidQueryParameter) e).parameter()).isEqualTo("id"));
        if (!id.isBlank()) {
            assertThatThrownBy(() -> PatientKey.parse(id)).message().doesNotContain(id.trim());
        }
    }

    @Test
    void aTooLongMrnIsInvalid() {
        assertThatThrownBy(() -> PatientKey.parse("K".repeat(65) + "@TWN_KHZ")).isInstanceOf(InvalidQueryParameter.class);
    }

    @Test
    void aKeyIsOneFormOrTheOther() {
        assertThatThrownBy(() -> new PatientKey("150525196903150428", "KHZ0012345", "TWN_KHZ"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatientKey(null, "KHZ0012345", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatientKey(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
