package org.yigong.hub.inbound.boundary;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * MLLP framing: {@code <SB=0x0B> message <EB=0x1C><CR=0x0D>}. Emits each message's bytes as a
 * {@link Frame}, however the bytes were split or joined by TCP.
 *
 * <p>Between frames, line breaks, spaces and NULs are skipped (some senders put them there), and so
 * are a few stray bytes before a start block; anything more is not MLLP and raises
 * {@link NotMllpException}, which closes the connection. A start block inside a frame means the
 * sender gave up on the previous one: it is dropped (never acknowledged, so the sender resends).
 * A frame longer than the channel allows is emitted truncated, to be answered AR.
 */
final class MllpFrameDecoder extends ByteToMessageDecoder {

    static final byte START_BLOCK = 0x0B;
    static final byte END_BLOCK = 0x1C;

    /** Stray bytes tolerated before a start block; an HTTP request or a telnet session is more. */
    static final int MAX_STRAY_BYTES = 16;

    /** How much of an oversized frame is kept to identify it. */
    static final int OVERSIZED_PREFIX = 4096;

    /** A message's bytes; {@code truncated} when it exceeded the limit. */
    record Frame(byte[] bytes, boolean truncated) {
    }

    /** Data that is not MLLP arrived between frames. */
    static final class NotMllpException extends RuntimeException {
        NotMllpException(int bytes) {
            super(bytes + " bytes of data that is not MLLP", null, false, false);
        }
    }

    private final int maxMessageBytes;
    private boolean inFrame;
    private int scanned;
    private int stray;
    private boolean failed;

    MllpFrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed && in.isReadable()) {
            if (!inFrame && !findStart(in)) {
                return;
            }
            if (!readFrame(in, out)) {
                break;
            }
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }

    private boolean findStart(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.readByte();
            if (b == START_BLOCK) {
                inFrame = true;
                scanned = 0;
                stray = 0;
                return true;
            }
            if (!(b == '\r' || b == '\n' || b == ' ' || b == '\t' || b == 0 || b == END_BLOCK) && ++stray > MAX_STRAY_BYTES) {
                failed = true;
                throw new NotMllpException(stray);
            }
        }
        return false;
    }

    /** Reads one frame if it is complete; false when more bytes are needed. */
    private boolean readFrame(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        for (int i = start + scanned; i < end; i++) {
            byte b = in.getByte(i);
            if (b == START_BLOCK) {
                // the sender restarted: what came before was never a whole message
                in.readerIndex(i + 1);
                scanned = 0;
                return true;
            }
            if (b == END_BLOCK) {
                byte[] message = new byte[i - start];
                in.readBytes(message);
                in.skipBytes(1);
                inFrame = false;
                scanned = 0;
                out.add(new Frame(message, false));
                return true;
            }
            if (i - start >= maxMessageBytes) {
                byte[] prefix = new byte[Math.min(OVERSIZED_PREFIX, i - start)];
                in.getBytes(start, prefix);
                failed = true;
                out.add(new Frame(prefix, true));
                return false;
            }
        }
        scanned = end - start;
        return false;
    }
}
