package org.yigong.hub.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;

/**
 * A sender as legacy HIS are on the wire: a plain socket, frames written as bytes, ACKs read back.
 * Lets the tests split, join and corrupt frames exactly as they want.
 */
final class MllpPeer implements AutoCloseable {

    static final byte SB = 0x0B;
    static final byte EB = 0x1C;
    static final byte CR = 0x0D;

    static final int TOWNSHIP_PORT = 2575 + HubHttp.PORT_OFFSET;
    static final int COUNTY_PORT = 2576 + HubHttp.PORT_OFFSET;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    MllpPeer(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frame(byte[] message) {
        byte[] framed = new byte[message.length + 3];
        framed[0] = SB;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = EB;
        framed[framed.length - 1] = CR;
        return framed;
    }

    MllpPeer write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one framed message and reads its ACK. */
    String send(byte[] message, Charset ackCharset) {
        write(frame(message));
        return readAck(ackCharset);
    }

    /** The next ACK's text, without its MLLP frame. */
    String readAck(Charset charset) {
        try {
            int b;
            while ((b = in.read()) != SB) {
                if (b < 0) {
                    throw new IllegalStateException("connection closed before an ACK arrived");
                }
            }
            var ack = new ByteArrayOutputStream();
            while ((b = in.read()) != EB) {
                if (b < 0) {
                    throw new IllegalStateException("connection closed inside an ACK");
                }
                ack.write(b);
            }
            if (in.read() != CR) {
                throw new IllegalStateException("ACK frame does not end with EB CR");
            }
            return ack.toString(charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the hub closed the connection (read returns end of stream) within the timeout. */
    boolean closedByHub() {
        try {
            socket.setSoTimeout(15_000);
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** MSA-1 and MSA-2 of an ACK, e.g. {@code AA|KHZ001}. */
    static String msa(String ack) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA")) {
                String[] fields = segment.split("\\" + segment.charAt(3), -1);
                return fields[1] + "|" + (fields.length > 2 ? fields[2] : "");
            }
        }
        throw new IllegalStateException("no MSA in ACK: " + ack);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
