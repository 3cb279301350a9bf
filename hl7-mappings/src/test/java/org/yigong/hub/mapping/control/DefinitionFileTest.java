package org.yigong.hub.mapping.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionFileTest {

    private static final String FILE = "channels/x.channel";

    private enum Mode { OFF, SERVER, MUTUAL }

    private static DefinitionFile file(String... lines) {
        return DefinitionFile.parse(FILE, String.join("\n", lines));
    }

    @Test
    void settingsAreNameEqualsValueWithCommentsAndBlankLinesIgnored() {
        DefinitionFile file = file(
                "# 乡镇卫生院 HIS",
                "",
                "  name =  township-his  ",
                "description = Township HIS (乡镇卫生院) = the HIS",
                "   # indented comment");

        assertThat(file.text("name")).isEqualTo("township-his");
        assertThat(file.text("description")).isEqualTo("Township HIS (乡镇卫生院) = the HIS");
        assertThat(file.setting("name")).map(DefinitionFile.Setting::line).contains(3);
        assertThat(file.file()).isEqualTo(FILE);
    }

    @Test
    void windowsLineEndingsAreFine() {
        DefinitionFile file = DefinitionFile.parse(FILE, "name = a\r\nport = 2575\r\n");

        assertThat(file.text("name")).isEqualTo("a");
        assertThat(file.integer("port", 1, 65535, -1)).isEqualTo(2575);
    }

    @Test
    void aLineThatIsNotASettingIsReportedWithItsLine() {
        assertThatThrownBy(() -> file("name = a", "# ok", "port 2575"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":3: expected 'name = value', found 'port 2575'");
    }

    @Test
    void aSettingWithoutNameIsReportedWithItsLine() {
        assertThatThrownBy(() -> file("name = a", "= 2575"))
                .hasMessageStartingWith(FILE + ":2: expected 'name = value'");
    }

    @Test
    void aSettingWrittenTwiceIsReportedAtTheSecondWithTheFirst() {
        assertThatThrownBy(() -> file("name = a", "port = 2575", "", "port = 2576"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessage(FILE + ":4: 'port' is already set on line 2");
    }

    @Test
    void aTypoInASettingsNameIsNotIgnored() {
        DefinitionFile file = file("name = a", "port = 2575", "facilites = TWN_KHZ");

        assertThatThrownBy(() -> file.allowOnly(List.of("name", "port", "facilities")))
                .hasMessageStartingWith(FILE + ":3: unknown setting 'facilites' (known: name, port, facilities)");
    }

    @Test
    void aMissingRequiredSettingNamesTheFileWithoutALine() {
        DefinitionFile file = file("name = a");

        assertThatThrownBy(() -> file.text("port"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.line()).isZero())
                .hasMessage(FILE + ": 'port' is missing");
        assertThat(file.text("port", "2575")).isEqualTo("2575");
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"2575, 2575", "65535, 65535", "1, 1", "4_194_304, 4194304"})
    void wholeNumbersMayHaveUnderscores(String value, int expected) {
        assertThat(file("n = " + value).integer("n", 1, 64 * 1024 * 1024, -1)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "port = ''{0}''")
    @CsvSource({"0", "65536", "-1", "twenty", "25 75", "2575.0"})
    void aNumberOutOfRangeOrNotANumberIsReportedWithItsLine(String value) {
        assertThatThrownBy(() -> file("name = a", "port = " + value).integer("port", 1, 65535, -1))
                .hasMessage(FILE + ":2: port must be a whole number from 1 to 65535");
    }

    @Test
    void anAbsentNumberIsTheDefault() {
        assertThat(file("name = a").integer("max-connections", 1, 100, 50)).isEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "10m, PT10M", "2h, PT2H", "10 m, PT10M"})
    void durationsAreWrittenWithTheirUnit(String value, Duration expected) {
        assertThat(file("idle-timeout = " + value).duration("idle-timeout", Duration.ZERO)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10", "10 minutes", "1d", "PT10M", "-5s"})
    void aDurationWithoutAKnownUnitIsReportedWithItsLine(String value) {
        assertThatThrownBy(() -> file("# idle", "idle-timeout = " + value).duration("idle-timeout", Duration.ZERO))
                .hasMessage(FILE + ":2: idle-timeout must be a duration such as 30s, 10m or 2h");
    }

    @Test
    void anAbsentDurationIsTheDefault() {
        assertThat(file("name = a").duration("idle-timeout", Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aChoiceIgnoresCaseAndAnUnknownOneListsTheChoices() {
        assertThat(file("tls = Mutual").choice("tls", Mode.class, Mode.OFF)).isEqualTo(Mode.MUTUAL);
        assertThat(file("name = a").choice("tls", Mode.class, Mode.OFF)).isEqualTo(Mode.OFF);
        assertThatThrownBy(() -> file("name = a", "tls = yes").choice("tls", Mode.class, Mode.OFF))
                .hasMessageStartingWith(FILE + ":2: tls must be one of ")
                .hasMessageContainingAll("off", "server", "mutual");
    }

    @Test
    void listsAreCommaSeparatedWithBlanksRemoved() {
        assertThat(file("facilities = TWN_KHZ, TWN_GLZ,,  TWN_SJZ ,").list("facilities"))
                .containsExactly("TWN_KHZ", "TWN_GLZ", "TWN_SJZ");
        assertThat(file("name = a").list("facilities")).isEmpty();
    }

    @Test
    void anUnsetEnvironmentVariableTakesItsDefault() {
        String unset = "YIGONG_HUB_TEST_NEVER_SET_" + Long.toHexString(System.nanoTime());
        assertThat(System.getenv(unset)).isNull();

        DefinitionFile file = file("port = ${env." + unset + ":2590}", "keystore-password = secret-${env." + unset + ":}-x");

        assertThat(file.integer("port", 1, 65535, -1)).isEqualTo(2590);
        assertThat(file.text("keystore-password")).isEqualTo("secret--x");
    }

    @Test
    void aSetEnvironmentVariableIsUsedInsteadOfItsDefault() {
        Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") && !e.getValue().isBlank() && !e.getValue().contains("$"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the test needs one environment variable, e.g. PATH"));

        DefinitionFile file = file("value = <${env." + variable.getKey() + ":fallback}>");

        assertThat(file.text("value")).isEqualTo("<" + variable.getValue() + ">");
    }

    @Test
    void systemPropertiesAreReferencedByName() {
        assertThat(file("java = ${java.specification.version}").text("java"))
                .isEqualTo(System.getProperty("java.specification.version"));
    }

    @Test
    void aReferenceToSomethingUnsetWithoutDefaultIsReportedWithItsLine() {
        DefinitionFile file = file("name = a", "tls.keystore-password = ${env.YIGONG_HUB_TEST_NEVER_SET_KEYSTORE_PASSWORD}");

        assertThatThrownBy(() -> file.text("tls.keystore-password"))
                .hasMessage(FILE + ":2: 'tls.keystore-password' refers to ${env.YIGONG_HUB_TEST_NEVER_SET_KEYSTORE_PASSWORD},"
                        + " which is not set");
    }
}
