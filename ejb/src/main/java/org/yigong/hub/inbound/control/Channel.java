package org.yigong.hub.inbound.control;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Set;

/**
 * An inbound MLLP listener as hospital IT defines it in {@code hl7-mappings/channels/*.channel}.
 *
 * @param facilities sending facilities (MSH-4) accepted; {@code *} accepts any
 * @param charset    used when a message has no MSH-18 (township HIS: GB18030)
 * @param detectUtf8 a message without MSH-18 whose bytes are valid UTF-8 with multi-byte
 *                   sequences is read as UTF-8: HIS upgrades mix encodings, and GB18030 Chinese
 *                   text is practically never valid UTF-8, so a name is not garbled either way
 * @param port       the port actually listened on (definition + server port offset, or overridden)
 */
public record Channel(String name, String description, String bindAddress, int port, Charset charset, boolean detectUtf8,
                      Set<String> facilities, int maxMessageBytes, int maxConnections, Duration idleTimeout,
                      Tls tls, String source) {

    /** Transport security of a channel: none, server certificate, or mutual (client certificates). */
    public enum TlsMode { OFF, SERVER, MUTUAL }

    /** Key and trust stores of a TLS channel; paths relative to the server's configuration directory. */
    public record Tls(TlsMode mode, String keystore, String keystorePassword, String truststore, String truststorePassword) {
        public static final Tls OFF = new Tls(TlsMode.OFF, null, null, null, null);
    }

    public boolean accepts(String facility) {
        return facilities.contains("*") || facilities.contains(facility);
    }
}
