package org.yigong.hub.inbound.control;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Character sets named in MSH-18. HL7 table 0211 names first; Chinese HIS also send Java/IANA
 * names such as {@code GBK}, {@code GB2312} or {@code UTF-8}, which are taken as they are.
 * GBK and GB2312 are decoded as GB18030, their superset, so that a name outside GBK (生僻字) sent
 * by a HIS that mislabels its encoding still survives.
 */
public final class Hl7Charsets {

    private static final Map<String, String> TABLE_0211 = Map.ofEntries(
            Map.entry("ASCII", "US-ASCII"),
            Map.entry("ISO IR6", "US-ASCII"),
            Map.entry("8859/1", "ISO-8859-1"),
            Map.entry("ISO IR100", "ISO-8859-1"),
            Map.entry("8859/2", "ISO-8859-2"),
            Map.entry("8859/3", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"),
            Map.entry("8859/5", "ISO-8859-5"),
            Map.entry("8859/6", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"),
            Map.entry("8859/8", "ISO-8859-8"),
            Map.entry("8859/9", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"),
            Map.entry("UNICODE", "UTF-16"),
            Map.entry("UNICODE UTF-8", "UTF-8"),
            Map.entry("ISO IR192", "UTF-8"),
            Map.entry("UNICODE UTF-16", "UTF-16"),
            Map.entry("UNICODE UTF-32", "UTF-32"),
            Map.entry("GB 18030-2000", "GB18030"),
            Map.entry("GBK", "GB18030"),
            Map.entry("GB2312", "GB18030"),
            Map.entry("BIG-5", "Big5"),
            Map.entry("CNS 11643-1992", "x-EUC-TW"),
            Map.entry("KS X 1001", "EUC-KR"),
            Map.entry("ISO IR87", "ISO-2022-JP"));

    private Hl7Charsets() {
    }

    /** The charset an MSH-18 value names, or empty when the hub does not know it. */
    public static Optional<Charset> forMsh18(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        String javaName = TABLE_0211.getOrDefault(name, name);
        try {
            return Optional.of(Charset.forName(javaName));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The charset of a channel definition ({@code charset = GB18030}); table 0211 names work too. */
    public static Charset forDefinition(String value) {
        return forMsh18(value).orElseThrow(() -> new IllegalArgumentException("unknown character set '" + value + "'"));
    }

    /** Shorter than Charset.name() for the common cases, for logs and the message browser. */
    public static String label(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
    }
}
