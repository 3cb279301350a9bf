package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7CharsetsTest {

    @ParameterizedTest(name = "MSH-18 ''{0}'' is {1}")
    @CsvSource({
            "GB 18030-2000, GB18030",
            "UNICODE UTF-8, UTF-8",
            "ISO IR192,     UTF-8",
            "8859/1,        ISO-8859-1",
            "ISO IR100,     ISO-8859-1",
            "ASCII,         US-ASCII",
            "UNICODE,       UTF-16",
            "BIG-5,         Big5"})
    void table0211NamesAreUnderstood(String msh18, String javaName) {
        assertThat(Hl7Charsets.forMsh18(msh18)).contains(Charset.forName(javaName));
    }

    @ParameterizedTest(name = "MSH-18 ''{0}'' is read as GB18030")
    @ValueSource(strings = {"GBK", "GB2312", "gbk", "GB18030"})
    void chineseJavaNamesAreReadAsGb18030SoThatRareCharactersSurvive(String msh18) {
        assertThat(Hl7Charsets.forMsh18(msh18)).contains(Hl7Samples.GB18030);
    }

    @Test
    void javaNamesThatAreNotInTable0211AreTakenAsTheyAre() {
        assertThat(Hl7Charsets.forMsh18("UTF-8")).contains(StandardCharsets.UTF_8);
        assertThat(Hl7Charsets.forMsh18("windows-1252")).contains(Charset.forName("windows-1252"));
    }

    @Test
    void surroundingBlanksAndLowerCaseDoNotMatter() {
        assertThat(Hl7Charsets.forMsh18(" unicode utf-8 ")).contains(StandardCharsets.UTF_8);
        assertThat(Hl7Charsets.forMsh18("gb 18030-2000")).contains(Hl7Samples.GB18030);
    }

    @ParameterizedTest(name = "MSH-18 ''{0}'' is unknown")
    @ValueSource(strings = {"KLINGON", "GB 18030", "UTF8X", "", "ä-charset", "8859/99"})
    void unknownNamesGiveNothing(String msh18) {
        assertThat(Hl7Charsets.forMsh18(msh18)).isEmpty();
    }

    @Test
    void aChannelDefinitionTakesJavaAndTable0211Names() {
        assertThat(Hl7Charsets.forDefinition("GB18030")).isEqualTo(Hl7Samples.GB18030);
        assertThat(Hl7Charsets.forDefinition("UNICODE UTF-8")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aChannelDefinitionWithAnUnknownCharsetIsRefusedNamingIt() {
        assertThatThrownBy(() -> Hl7Charsets.forDefinition("GB1803"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'GB1803'");
    }

    @Test
    void labelsAreTheShortJavaNames() {
        assertThat(Hl7Charsets.label(StandardCharsets.UTF_8)).isEqualTo("UTF-8");
        assertThat(Hl7Charsets.label(Hl7Samples.GB18030)).isEqualTo("GB18030");
    }
}
