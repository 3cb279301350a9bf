package org.yigong.hub.delivery.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The hub's MLLP client for one endpoint: one connection, reused from message to message and
 * opened again when it broke, used by one sender at a time (deliveries to an endpoint go in order,
 * one after the other).
 *
 * <p>An ACK counts only if its MSA-2 equals the MSH-10 that was sent. An ACK for an earlier message
 * (one that arrived after its timeout) is read past and ignored, never matched to the next message.
 * After a timeout the connection is closed, so that a late ACK cannot even arrive on it.
 */
public final class MllpSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MllpSender.class);
    private static final int SB = 0x0B;
    private static final int EB = 0x1C;
    private static final int CR = 0x0D;
    private static final int MAX_ACK_BYTES = 1024 * 1024;

    private final String endpoint;
    private final InetSocketAddress address;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private Socket socket;
    private InputStream in;

    /** @param address {@code mllp://host:port} */
    public MllpSender(String endpoint, URI address, Duration connectTimeout, Duration responseTimeout) {
        if (!"mllp".equals(address.getScheme()) || address.getHost() == null || address.getPort() < 0) {
            throw new IllegalArgumentException("endpoint " + endpoint + ": address must look like mllp://host:port, not " + address);
        }
        this.endpoint = endpoint;
        this.address = new InetSocketAddress(address.getHost(), address.getPort());
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Sends one message and waits for its ACK.
     *
     * @param message   the HL7 text, segments separated by carriage returns
     * @param controlId the message's MSH-10, which the ACK's MSA-2 must repeat
     * @return the ACK text of an AA or CA
     */
    public String send(String message, String controlId, Charset charset) throws DeliveryFailure {
        boolean reused = socket != null;
        try {
            return attempt(message, controlId, charset);
        } catch (DeliveryFailure.Unreachable stale) {
            if (!reused) {
                throw stale;
            }
            // endpoints close idle connections; a reused one that broke gets one fresh try
            LOG.debugf("endpoint=%s reconnecting: %s", endpoint, stale.getMessage());
            return attempt(message, controlId, charset);
        }
    }

    private String attempt(String message, String controlId, Charset charset) throws DeliveryFailure {
        try {
            connect();
            write(message.getBytes(charset));
            return awaitAck(controlId, charset, System.nanoTime() + responseTimeout.toNanos());
        } catch (DeliveryFailure failure) {
            if (!(failure instanceof DeliveryFailure.ErrorAnswer) && !(failure instanceof DeliveryFailure.Rejected)) {
                close();
            }
            throw failure;
        }
    }

    private void connect() throws DeliveryFailure.Unreachable {
        if (socket != null && socket.isConnected() && !socket.isClosed()) {
            return;
        }
        Socket fresh = new Socket();
        try {
            fresh.setTcpNoDelay(true);
            fresh.setKeepAlive(true);
            fresh.connect(address, (int) connectTimeout.toMillis());
            socket = fresh;
            in = new java.io.BufferedInputStream(fresh.getInputStream());
        } catch (IOException e) {
            closeQuietly(fresh);
            throw new DeliveryFailure.Unreachable("cannot connect to " + address + ": " + e.getMessage());
        }
    }

    private void write(byte[] payload) throws DeliveryFailure.Unreachable {
        try {
            OutputStream out = socket.getOutputStream();
            byte[] frame = new byte[payload.length + 3];
            frame[0] = SB;
            System.arraycopy(payload, 0, frame, 1, payload.length);
            frame[frame.length - 2] = EB;
            frame[frame.length - 1] = CR;
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new DeliveryFailure.Unreachable("connection to " + address + " broke while sending: " + e.getMessage());
        }
    }

    private String awaitAck(String controlId, Charset charset, long deadline) throws DeliveryFailure {
        while (true) {
            String ack = readFrame(charset, deadline);
            String[] msa = msa(ack);
            if (msa == null) {
                throw new DeliveryFailure.Corrupt("the answer of " + endpoint + " has no MSA segment");
            }
            String code = msa[0];
            String acknowledged = msa.length > 1 ? msa[1] : "";
            if (!controlId.equals(acknowledged)) {
                LOG.infof("endpoint=%s ignored an ACK for %s while waiting for the ACK of %s", endpoint, acknowledged, controlId);
                continue;
            }
            switch (code) {
                case "AA", "CA" -> {
                    return ack;
                }
                case "AE", "CE" -> throw new DeliveryFailure.ErrorAnswer(endpoint + " answered " + code + text(msa), ack);
                case "AR", "CR" -> throw new DeliveryFailure.Rejected(endpoint + " answered " + code + text(msa), ack);
                default -> throw new DeliveryFailure.Corrupt(endpoint + " answered with the unknown MSA-1 '" + code + "'");
            }
        }
    }

    private static String text(String[] msa) {
        return msa.length > 2 && !msa[2].isBlank() ? ": " + msa[2] : "";
    }

    /** MSA-1, MSA-2 and MSA-3 of an ACK, or null when it has no MSA. */
    static String[] msa(String ack) {
        for (String segment : ack.split("[\r\n]+")) {
            if (segment.startsWith("MSA") && segment.length() > 3) {
                String[] fields = segment.split(java.util.regex.Pattern.quote(String.valueOf(segment.charAt(3))), -1);
                return java.util.Arrays.copyOfRange(fields, 1, fields.length);
            }
        }
        return null;
    }

    private String readFrame(Charset charset, long deadline) throws DeliveryFailure {
        try {
            int b = read(in, deadline);
            while (b != SB) {
                if (b != CR && b != '\n') {
                    throw new DeliveryFailure.Corrupt("the answer of " + endpoint + " does not start with an MLLP start block");
                }
                b = read(in, deadline);
            }
            var frame = new ByteArrayOutputStream(256);
            while ((b = read(in, deadline)) != EB) {
                if (frame.size() >= MAX_ACK_BYTES) {
                    throw new DeliveryFailure.Corrupt("the answer of " + endpoint + " is larger than " + MAX_ACK_BYTES + " bytes");
                }
                frame.write(b);
            }
            return frame.toString(charset);
        } catch (SocketTimeoutException e) {
            throw new DeliveryFailure.NoAnswer(endpoint + " did not answer within " + responseTimeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new DeliveryFailure.Unreachable("connection to " + address + " broke while waiting for the ACK: " + e.getMessage());
        }
    }

    private int read(InputStream in, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        socket.setSoTimeout((int) Math.max(1, left));
        int b = in.read();
        if (b < 0) {
            throw new IOException("closed by the endpoint");
        }
        return b;
    }

    @Override
    public void close() {
        closeQuietly(socket);
        socket = null;
        in = null;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do for a socket being given up
            }
        }
    }
}
