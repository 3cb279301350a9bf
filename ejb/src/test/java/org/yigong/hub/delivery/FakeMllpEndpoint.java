package org.yigong.hub.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A county system as the hub sees it: an MLLP server on a free loopback port that records what it
 * receives and answers as told (AA by default; AE, AR, silence, a wrong MSA-2, garbage, or
 * hanging up). Register with {@code @RegisterExtension}.
 */
public final class FakeMllpEndpoint implements BeforeEachCallback, AfterEachCallback {

    /** What the endpoint does with one received message; null answer means stay silent. */
    public record Answer(byte[] bytes, boolean hangUp) {
        public static Answer ack(String code, String controlId) {
            String ack = "MSH|^~\\&|FAKE|CNTY|HUB|HUB|20261122000000||ACK^O01^ACK|F" + controlId + "|P|2.5.1\rMSA|" + code + "|" + controlId + "\r";
            return new Answer(frame(ack.getBytes(StandardCharsets.UTF_8)), false);
        }

        public static Answer silence() {
            return new Answer(null, false);
        }

        public static Answer raw(byte[] bytes) {
            return new Answer(bytes, false);
        }

        public Answer thenHangUp() {
            return new Answer(bytes, true);
        }
    }

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Function<String, Answer> behaviour = message -> Answer.ack("AA", controlId(message));
    private final int port;
    private ServerSocket server;
    private Thread acceptor;

    /** On a free port. */
    public FakeMllpEndpoint() {
        this(0);
    }


    /** On a given port, where the hub was told to find this endpoint. */
    public FakeMllpEndpoint(int port) {
        this(port, StandardCharsets.UTF_8);
    }

    /** On a given port, reading messages in the endpoint's charset. */
    public FakeMllpEndpoint(int port, java.nio.charset.Charset charset) {
        this.port = port;
        this.charset = charset;
    }

    private final java.nio.charset.Charset charset;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        stop();
    }

    /** Starts listening (the endpoint comes up). */
    public void start() throws IOException {
        // the previous test's endpoint on the same port may still be letting go of it
        for (int attempt = 1; ; attempt++) {
            server = new ServerSocket();
            server.setReuseAddress(true);
            try {
                server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                break;
            } catch (java.net.BindException inUse) {
                server.close();
                if (attempt == 50) {
                    throw inUse;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw inUse;
                }
            }
        }
        acceptor = new Thread(this::accept, "fake-mllp-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The endpoint goes down: it stops listening and drops every open connection. */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket open : open) {
            open.close();
        }
        open.clear();
    }

    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public URI address() {
        return URI.create("mllp://127.0.0.1:" + server.getLocalPort());
    }

    public void answer(Function<String, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    public List<String> received() {
        return received;
    }

    public int connections() {
        return connections.get();
    }

    /** MSH-10 of a message. */
    public static String controlId(String message) {
        return message.substring(0, message.indexOf('\r')).split("\\|", -1)[9];
    }

    static byte[] frame(byte[] payload) {
        byte[] framed = new byte[payload.length + 3];
        framed[0] = 0x0B;
        System.arraycopy(payload, 0, framed, 1, payload.length);
        framed[framed.length - 2] = 0x1C;
        framed[framed.length - 1] = 0x0D;
        return framed;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                open.add(connection);
                connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(connection), "fake-mllp-connection");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            while (true) {
                String message = readFrame(in, charset);
                if (message == null) {
                    return;
                }
                received.add(message);
                Answer answer = behaviour.apply(message);
                if (answer.bytes() != null) {
                    out.write(answer.bytes());
                    out.flush();
                }
                if (answer.hangUp()) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the hub closed the connection
        }
    }

    private static String readFrame(InputStream in, java.nio.charset.Charset charset) throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b < 0) {
                return null;
            }
        }
        var message = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                return null;
            }
            message.write(b);
        }
        in.read();
        return message.toString(charset);
    }
}
