package org.yigong.hub.mapping.control;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A definition in the simplest form a hospital IT engineer edits without tools: one
 * {@code key = value} per line, {@code #} starts a comment line. Values may refer to the
 * environment ({@code ${env.NAME}}, {@code ${env.NAME:default}}) or to system properties
 * ({@code ${name}}), so that secrets stay out of the repository. Every error names file and line.
 */
public final class DefinitionFile {

    /** One setting with the line it was written on. */
    public record Setting(String key, String value, int line) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final String file;
    private final Map<String, Setting> settings;

    private DefinitionFile(String file, Map<String, Setting> settings) {
        this.file = file;
        this.settings = settings;
    }

    public static DefinitionFile parse(String file, String content) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new DefinitionException(file, number, "expected 'name = value', found '" + line + "'");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            Setting previous = settings.put(key, new Setting(key, value, number));
            if (previous != null) {
                throw new DefinitionException(file, number, "'" + key + "' is already set on line " + previous.line());
            }
        }
        return new DefinitionFile(file, settings);
    }

    public String file() {
        return file;
    }

    /** Fails on the first setting whose name is not one of these (a typo must not be ignored). */
    public DefinitionFile allowOnly(Collection<String> keys) {
        for (Setting setting : settings.values()) {
            if (!keys.contains(setting.key())) {
                throw new DefinitionException(file, setting.line(),
                        "unknown setting '" + setting.key() + "' (known: " + String.join(", ", keys) + ")");
            }
        }
        return this;
    }

    public Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key)).map(s -> new Setting(s.key(), resolve(s), s.line()));
    }

    public String text(String key) {
        return setting(key).map(Setting::value)
                .orElseThrow(() -> new DefinitionException(file, 0, "'" + key + "' is missing"));
    }

    public String text(String key, String fallback) {
        return setting(key).map(Setting::value).orElse(fallback);
    }

    public int integer(String key, int min, int max, int fallback) {
        Optional<Setting> setting = setting(key);
        if (setting.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(setting.get().value().replace("_", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(setting.get(), key + " must be a whole number from " + min + " to " + max);
    }

    /** {@code 30s}, {@code 10m}, {@code 2h}, {@code 500ms}. */
    public Duration duration(String key, Duration fallback) {
        Optional<Setting> setting = setting(key);
        if (setting.isEmpty()) {
            return fallback;
        }
        Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(setting.get().value());
        if (!m.matches()) {
            throw error(setting.get(), key + " must be a duration such as 30s, 10m or 2h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Optional<Setting> setting = setting(key);
        if (setting.isEmpty()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(setting.get().value())) {
                return constant;
            }
        }
        throw error(setting.get(), key + " must be one of " + Set.of(type.getEnumConstants()).toString().toLowerCase());
    }

    /** Comma-separated values, blanks removed. */
    public List<String> list(String key) {
        return setting(key).map(s -> java.util.Arrays.stream(s.value().split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).toList()).orElse(List.of());
    }

    public DefinitionException error(Setting setting, String problem) {
        return new DefinitionException(file, setting.line(), problem);
    }

    private String resolve(Setting setting) {
        Matcher m = REFERENCE.matcher(setting.value());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.startsWith("env.") ? System.getenv(name.substring(4)) : System.getProperty(name);
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new DefinitionException(file, setting.line(), "'" + setting.key() + "' refers to " + m.group()
                        + ", which is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
