package org.yigong.hub.delivery.control;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yigong.hub.mapping.control.DefinitionException;
import org.yigong.hub.mapping.control.DefinitionFile;
import org.yigong.hub.mapping.control.MappingResources;

/**
 * Reads the endpoints of hl7-mappings ({@code endpoints/*.endpoint}). The address of each can be
 * changed without a rebuild: system property {@code hub.endpoint.<name>} or environment variable
 * {@code HUB_ENDPOINT_<NAME>} (upper case, {@code -} and {@code .} become {@code _}), e.g.
 * {@code HUB_ENDPOINT_TOWNSHIP_HIS_TWN_KHZ=mllp://10.1.2.3:2575}.
 */
public final class EndpointDefinitions {

    static final List<String> SETTINGS = List.of("name", "description", "address", "charset", "connect-timeout",
            "response-timeout", "max-attempts", "retry-delay", "retry-backoff", "max-retry-delay", "on-error", "order");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[A-Za-z0-9_-]+)?");

    private EndpointDefinitions() {
    }

    public static Map<String, Endpoint> load(MappingResources resources) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (String path : resources.list("endpoints/", ".endpoint")) {
            Endpoint endpoint = parse(path, resources.read(path));
            Endpoint other = endpoints.putIfAbsent(endpoint.name(), endpoint);
            if (other != null) {
                throw new DefinitionException(path, 0, "endpoint name '" + endpoint.name() + "' is also used by " + other.source());
            }
        }
        return endpoints;
    }

    static Endpoint parse(String path, String content) {
        DefinitionFile file = DefinitionFile.parse(path, withOverrides(content)).allowOnly(SETTINGS);
        String name = file.text("name");
        if (!NAME.matcher(name).matches()) {
            throw file.error(file.setting("name").orElseThrow(),
                    "name must look like county-ris or township-his.TWN_KHZ (lower case, digits, '-', then optionally '.' and a facility)");
        }
        String address = override(name).orElse(file.text("address"));
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(path, file.setting("address").map(DefinitionFile.Setting::line).orElse(0),
                    "address '" + address + "' is not a URI such as mllp://host:port");
        }
        if (!"mllp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new DefinitionException(path, file.setting("address").map(DefinitionFile.Setting::line).orElse(0),
                    "address must look like mllp://host:port, not '" + address + "'");
        }
        Charset charset = file.setting("charset").map(s -> {
            try {
                return Charset.forName(s.value());
            } catch (IllegalArgumentException e) {
                throw file.error(s, "unknown charset '" + s.value() + "'");
            }
        }).orElse(Charset.forName("UTF-8"));
        double backoff;
        try {
            backoff = Double.parseDouble(file.text("retry-backoff", "2"));
        } catch (NumberFormatException e) {
            throw file.error(file.setting("retry-backoff").orElseThrow(), "retry-backoff must be a number such as 2 or 1.5");
        }
        return new Endpoint(name, file.text("description", name), uri, charset,
                file.duration("connect-timeout", Duration.ofSeconds(5)),
                file.duration("response-timeout", Duration.ofSeconds(30)),
                file.integer("max-attempts", 1, 10_000, 20),
                file.duration("retry-delay", Duration.ofSeconds(10)), backoff,
                file.duration("max-retry-delay", Duration.ofMinutes(10)),
                file.choice("on-error", Endpoint.ErrorPolicy.class, Endpoint.ErrorPolicy.RETRY),
                file.choice("order", Endpoint.Ordering.class, Endpoint.Ordering.ENDPOINT), path);
    }

    /**
     * Any setting but the name may also be given as system property
     * {@code hub.endpoint.<name>.<setting>} (e.g. {@code hub.endpoint.county-ris.response-timeout=60s}),
     * which wins over the file: operators tune an endpoint without a rebuild.
     */
    private static String withOverrides(String content) {
        String name = DefinitionFile.parse("", content).text("name", "");
        StringBuilder overridden = new StringBuilder();
        for (String line : content.lines().toList()) {
            int equals = line.indexOf('=');
            String key = equals > 0 && !line.strip().startsWith("#") ? line.substring(0, equals).strip() : null;
            String value = key == null || key.equals("name") ? null : System.getProperty("hub.endpoint." + name + "." + key);
            overridden.append(value == null ? line : key + " = " + value).append('\n');
        }
        for (String key : SETTINGS) {
            String value = System.getProperty("hub.endpoint." + name + "." + key);
            if (value != null && !key.equals("name") && !content.lines().anyMatch(l -> l.strip().startsWith(key + " ") || l.strip().startsWith(key + "="))) {
                overridden.append(key).append(" = ").append(value).append('\n');
            }
        }
        return overridden.toString();
    }

    private static java.util.Optional<String> override(String name) {
        String property = System.getProperty("hub.endpoint." + name);
        if (property == null) {
            property = System.getenv("HUB_ENDPOINT_" + name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
        }
        return java.util.Optional.ofNullable(property).map(String::trim).filter(s -> !s.isEmpty());
    }
}
