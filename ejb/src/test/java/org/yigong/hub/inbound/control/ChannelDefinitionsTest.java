package org.yigong.hub.inbound.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.mapping.control.DefinitionException;
import org.yigong.hub.mapping.control.MappingResources;

class ChannelDefinitionsTest {

    /** The channel files as hospital IT edits them, in the hl7-mappings module beside this one. */
    private static final Path CHANNELS = Path.of(System.getProperty("user.dir")).resolve("../hl7-mappings/src/main/resources/channels");

    private static final String FILE = "channels/x.channel";

    private static Channel parse(String... lines) {
        return ChannelDefinitions.parse(FILE, String.join("\n", lines));
    }

    @Test
    void theTownshipChannelOfHl7MappingsListensOn2575InGb18030() throws IOException {
        Channel township = ChannelDefinitions.parse("channels/township-his.channel",
                Files.readString(CHANNELS.resolve("township-his.channel"), UTF_8));

        assertThat(township.name()).isEqualTo("township-his");
        assertThat(township.port()).isEqualTo(2575);
        assertThat(township.charset()).isEqualTo(Hl7Samples.GB18030);
        assertThat(township.facilities()).contains("TWN_KHZ", "TWN_GLZ").doesNotContain("CNTY_GH");
        assertThat(township.accepts("TWN_KHZ")).isTrue();
        assertThat(township.accepts("CNTY_GH")).isFalse();
        assertThat(township.maxMessageBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(township.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(township.tls()).isEqualTo(Channel.Tls.OFF);
        assertThat(township.source()).isEqualTo("channels/township-his.channel");
    }

    @Test
    void theCountyChannelOfHl7MappingsListensOn2576InUtf8() throws IOException {
        Channel county = ChannelDefinitions.parse("channels/county-systems.channel",
                Files.readString(CHANNELS.resolve("county-systems.channel"), UTF_8));

        assertThat(county.name()).isEqualTo("county-systems");
        assertThat(county.port()).isEqualTo(2576);
        assertThat(county.charset()).isEqualTo(UTF_8);
        assertThat(county.facilities()).containsExactly("CNTY_GH");
        assertThat(county.maxMessageBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(county.maxConnections()).isEqualTo(200);
        assertThat(county.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theHubFindsBothChannelsThroughTheIndexOfHl7Mappings() {
        List<Channel> channels = ChannelDefinitions.load(new MappingResources(getClass().getClassLoader()));

        assertThat(channels).extracting(Channel::name, Channel::port)
                .contains(tuple("county-systems", 2576), tuple("township-his", 2575));
    }

    @Test
    void aMinimalDefinitionGetsTheTownshipDefaults() {
        Channel channel = parse("name = new-town", "port = 2590", "facilities = TWN_NEW");

        assertThat(channel.charset()).isEqualTo(Hl7Samples.GB18030);
        assertThat(channel.description()).isEqualTo("new-town");
        assertThat(channel.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(channel.maxMessageBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(channel.maxConnections()).isEqualTo(500);
        assertThat(channel.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(channel.tls().mode()).isEqualTo(Channel.TlsMode.OFF);
        assertThat(channel.source()).isEqualTo(FILE);
    }

    @Test
    void anyFacilityIsAcceptedWithAStar() {
        Channel channel = parse("name = test", "port = 2590", "facilities = *");

        assertThat(channel.accepts("TWN_KHZ")).isTrue();
        assertThat(channel.accepts("")).isTrue();
    }

    @ParameterizedTest(name = "idle-timeout = {0}")
    @ValueSource(strings = {"30s", "10m"})
    void theIdleTimeoutIsADuration(String value) {
        Channel channel = parse("name = test", "port = 2590", "facilities = *", "idle-timeout = " + value);

        assertThat(channel.idleTimeout()).isEqualTo(value.equals("30s") ? Duration.ofSeconds(30) : Duration.ofMinutes(10));
    }

    @Test
    void aPortFromTheEnvironmentFallsBackToItsDefault() {
        Channel channel = parse("name = test", "port = ${env.YIGONG_HUB_TEST_NEVER_SET_PORT:2590}", "facilities = *");

        assertThat(channel.port()).isEqualTo(2590);
    }

    @ParameterizedTest(name = "port = {0}")
    @ValueSource(strings = {"0", "70000", "25 75", "auto"})
    void aBadPortNamesFileAndLine(String port) {
        assertThatThrownBy(() -> parse("# test", "name = test", "", "port = " + port, "facilities = *"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":4: port must be a whole number from 1 to 65535");
    }

    @Test
    void aMisspelledSettingNamesFileAndLine() {
        assertThatThrownBy(() -> parse("name = test", "port = 2590", "facilites = TWN_KHZ"))
                .hasMessageStartingWith(FILE + ":3: unknown setting 'facilites' (known: ");
    }

    @Test
    void aMissingFacilitiesListNamesTheFile() {
        assertThatThrownBy(() -> parse("name = test", "port = 2590", "charset = GB18030"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.file()).isEqualTo(FILE))
                .hasMessageStartingWith(FILE + ": 'facilities' is missing");
    }

    @Test
    void anEmptyFacilitiesListIsMissingToo() {
        assertThatThrownBy(() -> parse("name = test", "port = 2590", "facilities = , "))
                .hasMessageStartingWith(FILE + ": 'facilities' is missing");
    }

    @Test
    void aMissingPortNamesTheFile() {
        assertThatThrownBy(() -> parse("name = test", "facilities = *"))
                .hasMessage(FILE + ": 'port' is missing");
    }

    @Test
    void aSettingWrittenTwiceNamesFileAndLine() {
        assertThatThrownBy(() -> parse("name = test", "port = 2590", "facilities = *", "port = 2591"))
                .hasMessage(FILE + ":4: 'port' is already set on line 2");
    }

    @Test
    void anUnknownCharsetNamesFileAndLineAndSuggestsNames() {
        assertThatThrownBy(() -> parse("name = test", "port = 2590", "charset = GB1803", "facilities = *"))
                .hasMessageStartingWith(FILE + ":3: unknown character set 'GB1803'")
                .hasMessageContaining("GB18030");
    }

    @Test
    void aTable0211CharsetNameIsFine() {
        assertThat(parse("name = test", "port = 2590", "charset = UNICODE UTF-8", "facilities = *").charset()).isEqualTo(UTF_8);
    }

    @ParameterizedTest(name = "name = {0}")
    @ValueSource(strings = {"Township-HIS", "township his", "-township", "township_his", "a234567890123456789012345678901234567890x"})
    void aNameThatCannotBeAPropertyOrLogKeyNamesFileAndLine(String name) {
        assertThatThrownBy(() -> parse("port = 2590", "name = " + name, "facilities = *"))
                .hasMessageStartingWith(FILE + ":2: name must be lower case letters");
    }

    @Test
    void mutualTlsNeedsATruststore() {
        assertThatThrownBy(() -> parse("name = test", "port = 2590", "facilities = *", "tls = mutual", "tls.keystore = hub.p12"))
                .hasMessage(FILE + ": 'tls.truststore' is missing");
    }

    @Test
    void serverTlsTakesItsKeystoreAndPasswordFromTheEnvironment() {
        Channel channel = parse("name = test", "port = 2590", "facilities = *", "tls = server", "tls.keystore = mllp.p12",
                "tls.keystore-password = ${env.YIGONG_HUB_TEST_NEVER_SET_PASSWORD:changeit}");

        assertThat(channel.tls()).isEqualTo(new Channel.Tls(Channel.TlsMode.SERVER, "mllp.p12", "changeit", null, null));
    }

    @Test
    void aPortOffsetMovesTheChannel() {
        String previous = System.setProperty("jboss.socket.binding.port-offset", "100");
        try {
            assertThat(parse("name = test", "port = 2575", "facilities = *").port()).isEqualTo(2675);
        } finally {
            restore("jboss.socket.binding.port-offset", previous);
        }
    }

    @Test
    void aSystemPropertyOverridesOneChannelsPort() {
        String previous = System.setProperty("hub.channel.override-test.port", " 12575 ");
        try {
            assertThat(parse("name = override-test", "port = 2575", "facilities = *").port()).isEqualTo(12575);
            assertThat(parse("name = other-test", "port = 2576", "facilities = *").port()).isEqualTo(2576);
        } finally {
            restore("hub.channel.override-test.port", previous);
        }
    }

    @Test
    void twoChannelsOnOnePortStopTheHubNamingBothFiles() {
        var resources = resources(Map.of(
                "channels/a.channel", "name = a\nport = 2590\nfacilities = *\n",
                "channels/b.channel", "name = b\nport = 2590\nfacilities = *\n"));

        assertThatThrownBy(() -> ChannelDefinitions.load(resources))
                .hasMessage("channels/b.channel: port 2590 is also used by channels/a.channel");
    }

    @Test
    void twoChannelsWithOneNameStopTheHubNamingBothFiles() {
        var resources = resources(Map.of(
                "channels/a.channel", "name = same\nport = 2590\nfacilities = *\n",
                "channels/b.channel", "name = same\nport = 2591\nfacilities = *\n"));

        assertThatThrownBy(() -> ChannelDefinitions.load(resources))
                .hasMessage("channels/b.channel: channel name 'same' is also used by channels/a.channel");
    }

    @Test
    void onlyChannelFilesAreChannels() {
        var resources = resources(Map.of(
                "channels/a.channel", "name = a\nport = 2590\nfacilities = *\n",
                "channels/README.md", "not a channel",
                "routes/a.channel", "not a channel either"));

        assertThat(ChannelDefinitions.load(resources)).extracting(Channel::name).containsExactly("a");
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    /** hl7-mappings as the build packs it: the files and the index that lists them. */
    private static MappingResources resources(Map<String, String> files) {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put("META-INF/hl7-mappings.index", String.join("\n", files.keySet()) + "\n");
        return new MappingResources(new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String content = all.get(name);
                return content == null ? null : new ByteArrayInputStream(content.getBytes(UTF_8));
            }
        });
    }
}
