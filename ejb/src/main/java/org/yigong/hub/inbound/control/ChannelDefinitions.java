package org.yigong.hub.inbound.control;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yigong.hub.mapping.control.DefinitionException;
import org.yigong.hub.mapping.control.DefinitionFile;
import org.yigong.hub.mapping.control.MappingResources;

/**
 * Reads the channel definitions of hl7-mappings ({@code channels/*.channel}). A definition that is
 * wrong stops the hub at start with the file and line, never later with a half-open port.
 *
 * <p>The port listened on is the defined port plus WildFly's port offset
 * ({@code jboss.socket.binding.port-offset}), unless {@code hub.channel.<name>.port} (system
 * property) or {@code HUB_CHANNEL_<NAME>_PORT} (environment) sets it.
 */
public final class ChannelDefinitions {

    static final List<String> SETTINGS = List.of("name", "description", "bind", "port", "charset", "detect-utf8", "facilities",
            "max-message-bytes", "max-connections", "idle-timeout",
            "tls", "tls.keystore", "tls.keystore-password", "tls.truststore", "tls.truststore-password");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

    private enum Switch { ON, OFF }

    private ChannelDefinitions() {
    }

    public static List<Channel> load(MappingResources resources) {
        List<Channel> channels = new ArrayList<>();
        Map<Integer, String> ports = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String path : resources.list("channels/", ".channel")) {
            Channel channel = parse(path, resources.read(path));
            String other = names.putIfAbsent(channel.name(), path);
            if (other != null) {
                throw new DefinitionException(path, 0, "channel name '" + channel.name() + "' is also used by " + other);
            }
            other = ports.putIfAbsent(channel.port(), path);
            if (other != null) {
                throw new DefinitionException(path, 0, "port " + channel.port() + " is also used by " + other);
            }
            channels.add(channel);
        }
        return channels;
    }

    static Channel parse(String path, String content) {
        DefinitionFile file = DefinitionFile.parse(path, content).allowOnly(SETTINGS);
        String name = file.text("name");
        if (!NAME.matcher(name).matches()) {
            throw file.error(file.setting("name").orElseThrow(),
                    "name must be lower case letters, digits, '.' and '-' (at most 40), e.g. township-his");
        }
        int definedPort = file.integer("port", 1, 65535, -1);
        if (definedPort < 0) {
            throw new DefinitionException(path, 0, "'port' is missing");
        }
        Charset charset = file.setting("charset").map(s -> {
            try {
                return Hl7Charsets.forDefinition(s.value());
            } catch (IllegalArgumentException e) {
                throw file.error(s, e.getMessage() + " (use e.g. GB18030, UTF-8 or an HL7 table 0211 name)");
            }
        }).orElse(Charset.forName("GB18030"));
        var facilities = new LinkedHashSet<>(file.list("facilities"));
        if (facilities.isEmpty()) {
            throw new DefinitionException(path, 0, "'facilities' is missing: list the accepted MSH-4 values, or * for any");
        }
        return new Channel(name, file.text("description", name), file.text("bind", "0.0.0.0"),
                effectivePort(name, definedPort), charset, file.choice("detect-utf8", Switch.class, Switch.ON) == Switch.ON,
                facilities,
                file.integer("max-message-bytes", 1024, 64 * 1024 * 1024, 4 * 1024 * 1024),
                file.integer("max-connections", 1, 100_000, 500),
                file.duration("idle-timeout", Duration.ofMinutes(10)),
                tls(file), path);
    }

    private static Channel.Tls tls(DefinitionFile file) {
        Channel.TlsMode mode = file.choice("tls", Channel.TlsMode.class, Channel.TlsMode.OFF);
        if (mode == Channel.TlsMode.OFF) {
            return Channel.Tls.OFF;
        }
        String truststore = mode == Channel.TlsMode.MUTUAL ? file.text("tls.truststore") : null;
        String truststorePassword = mode == Channel.TlsMode.MUTUAL ? file.text("tls.truststore-password", "") : null;
        return new Channel.Tls(mode, file.text("tls.keystore"), file.text("tls.keystore-password", ""),
                truststore, truststorePassword);
    }

    private static int effectivePort(String name, int definedPort) {
        String property = System.getProperty("hub.channel." + name + ".port");
        if (property == null) {
            property = System.getenv("HUB_CHANNEL_" + name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + "_PORT");
        }
        if (property != null) {
            return Integer.parseInt(property.trim());
        }
        return definedPort + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }
}
