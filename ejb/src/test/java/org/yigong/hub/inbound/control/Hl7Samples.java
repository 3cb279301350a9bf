package org.yigong.hub.inbound.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The realistic messages of {@code shared/samples/hl7}, copied byte-exact into the test resources
 * ({@code hl7/}), and the two channels of hl7-mappings as the tests need them. A missing sample
 * fails the test that wants it; nothing is skipped.
 */
public final class Hl7Samples {

    public static final Charset GB18030 = Charset.forName("GB18030");

    public static final String TOWNSHIP_REGISTRATION_GB18030 = "adt_a04_township_registration_gb18030.hl7";
    public static final String ED_STROKE_ALERT = "adt_a04_ed_stroke_alert.hl7";
    public static final String UPDATE_LF_SEPARATED = "adt_a08_lf_separated.hl7";
    public static final String MISSING_CONTROL_ID = "bad_missing_control_id.hl7";
    public static final String NOT_HL7 = "bad_not_hl7.txt";

    private Hl7Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Hl7Samples.class.getResourceAsStream("/hl7/" + name)) {
            if (in == null) {
                throw new AssertionError("sample hl7/" + name + " is missing from ejb/src/test/resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample's text: GB18030 for the one sample that declares it in MSH-18, UTF-8 for all others. */
    public static String text(String name) {
        return new String(bytes(name), name.contains("gb18030") ? GB18030 : StandardCharsets.UTF_8);
    }

    /** Township HIS channel: legacy HIS that encode in GB18030 without saying so. */
    static Channel township(String... facilities) {
        return channel("township-his", GB18030, facilities.length == 0 ? new String[] {"TWN_KHZ", "TWN_GLZ"} : facilities);
    }

    /** County systems channel: UTF-8, county general hospital only. */
    static Channel county() {
        return channel("county-systems", StandardCharsets.UTF_8, "CNTY_GH");
    }

    static Channel channel(String name, Charset charset, String... facilities) {
        return new Channel(name, name, "0.0.0.0", 2575, charset, true, new LinkedHashSet<>(List.of(facilities)),
                4 * 1024 * 1024, 500, Duration.ofMinutes(10), Channel.Tls.OFF, "channels/" + name + ".channel");
    }
}
