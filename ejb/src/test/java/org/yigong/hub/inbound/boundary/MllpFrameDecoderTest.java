package org.yigong.hub.inbound.boundary;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yigong.hub.inbound.boundary.MllpFrameDecoder.Frame;
import org.yigong.hub.inbound.boundary.MllpFrameDecoder.NotMllpException;
import org.yigong.hub.inbound.control.Hl7Samples;

class MllpFrameDecoderTest {

    private static final byte SB = 0x0B;
    private static final byte EB = 0x1C;
    private static final byte CR = 0x0D;

    private static final byte[] REGISTRATION = Hl7Samples.bytes(Hl7Samples.TOWNSHIP_REGISTRATION_GB18030);
    private static final byte[] STROKE_ALERT = Hl7Samples.bytes(Hl7Samples.ED_STROKE_ALERT);
    private static final byte[] UPDATE = Hl7Samples.bytes(Hl7Samples.UPDATE_LF_SEPARATED);

    private final EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(64 * 1024));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static byte[] framed(byte[] message) {
        return concat(new byte[] {SB}, message, new byte[] {EB, CR});
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private void write(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    private Frame nextFrame() {
        Object read = channel.readInbound();
        assertThat(read).as("a frame was emitted").isInstanceOf(Frame.class);
        return (Frame) read;
    }

    private void assertNoMoreFrames() {
        assertThat((Object) channel.readInbound()).as("no further frame").isNull();
    }

    @Test
    void aFramedMessageIsEmittedByteExactIncludingItsGb18030Bytes() {
        write(framed(REGISTRATION));

        Frame frame = nextFrame();
        assertThat(frame.bytes()).isEqualTo(REGISTRATION);
        assertThat(frame.truncated()).isFalse();
        assertNoMoreFrames();
    }

    @Test
    void aMessageSplitOverThreeTcpSegmentsIsOneFrame() {
        byte[] bytes = framed(REGISTRATION);
        int third = bytes.length / 3;

        write(Arrays.copyOfRange(bytes, 0, third));
        assertNoMoreFrames();
        write(Arrays.copyOfRange(bytes, third, 2 * third));
        assertNoMoreFrames();
        write(Arrays.copyOfRange(bytes, 2 * third, bytes.length));

        assertThat(nextFrame().bytes()).isEqualTo(REGISTRATION);
        assertNoMoreFrames();
    }

    @Test
    void theEndBlockArrivingAloneCompletesTheFrame() {
        write(concat(new byte[] {SB}, STROKE_ALERT));
        assertNoMoreFrames();
        write(new byte[] {EB});
        write(new byte[] {CR});

        assertThat(nextFrame().bytes()).isEqualTo(STROKE_ALERT);
    }

    @Test
    void pipelinedMessagesInOneWriteAreEmittedInOrder() {
        write(concat(framed(REGISTRATION), framed(STROKE_ALERT), framed(UPDATE)));

        assertThat(nextFrame().bytes()).isEqualTo(REGISTRATION);
        assertThat(nextFrame().bytes()).isEqualTo(STROKE_ALERT);
        assertThat(nextFrame().bytes()).isEqualTo(UPDATE);
        assertNoMoreFrames();
    }

    @Test
    void lineBreaksNulsAndAFewStrayBytesBeforeTheStartBlockAreSkipped() {
        byte[] between = "\r\n\0 \t\r\n0123456789abcdef".getBytes(US_ASCII);  // 16 stray bytes: tolerated

        write(concat(between, framed(REGISTRATION), between, framed(STROKE_ALERT)));

        assertThat(nextFrame().bytes()).isEqualTo(REGISTRATION);
        assertThat(nextFrame().bytes()).isEqualTo(STROKE_ALERT);
    }

    @Test
    void anHttpRequestOnTheMllpPortIsNotMllp() {
        byte[] http = Hl7Samples.bytes(Hl7Samples.NOT_HL7);

        assertThatThrownBy(() -> write(http))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(NotMllpException.class);
        assertNoMoreFrames();
    }

    @Test
    void theSeventeenthStrayByteIsNotMllpEvenAcrossWrites() {
        write("GET / HTTP/1.1\r\n".getBytes(US_ASCII));  // 12 stray bytes: still tolerated
        assertNoMoreFrames();

        assertThatThrownBy(() -> write("Host: hub\r\n".getBytes(US_ASCII)))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(NotMllpException.class);
    }

    @Test
    void afterDataThatIsNotMllpNothingMoreIsDecoded() {
        assertThatThrownBy(() -> write(Hl7Samples.bytes(Hl7Samples.NOT_HL7))).isInstanceOf(DecoderException.class);

        write(framed(STROKE_ALERT));

        assertNoMoreFrames();
    }

    @Test
    void aMessageOverTheLimitIsEmittedTruncatedAndNothingAfterIt() {
        EmbeddedChannel small = new EmbeddedChannel(new MllpFrameDecoder(100));
        byte[] large = Arrays.copyOf(REGISTRATION, 300);

        small.writeInbound(Unpooled.wrappedBuffer(concat(framed(large), framed(STROKE_ALERT))));

        Frame frame = small.readInbound();
        assertThat(frame.truncated()).isTrue();
        assertThat(frame.bytes()).isEqualTo(Arrays.copyOf(REGISTRATION, 100));
        assertThat((Object) small.readInbound()).isNull();
    }

    @Test
    void aMessageOverTheLimitIsAnsweredBeforeItsEndArrivesKeepingAtMost4096Bytes() {
        EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(10_000));
        byte[] huge = new byte[20_000];
        Arrays.fill(huge, (byte) 'A');
        System.arraycopy(STROKE_ALERT, 0, huge, 0, STROKE_ALERT.length);

        limited.writeInbound(Unpooled.wrappedBuffer(concat(new byte[] {SB}, Arrays.copyOf(huge, 6_000))));
        assertThat((Object) limited.readInbound()).as("still within the limit").isNull();
        limited.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(huge, 6_000, 12_000)));

        Frame frame = limited.readInbound();
        assertThat(frame.truncated()).isTrue();
        assertThat(frame.bytes()).hasSize(4096).startsWith(STROKE_ALERT);
        limited.writeInbound(Unpooled.wrappedBuffer(framed(UPDATE)));
        assertThat((Object) limited.readInbound()).as("nothing after an oversized frame").isNull();
    }

    @Test
    void anOversizedFrameReadAtOnceKeepsAtMost4096Bytes() {
        EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(10_000));
        byte[] huge = new byte[20_000];
        Arrays.fill(huge, (byte) 'A');
        System.arraycopy(STROKE_ALERT, 0, huge, 0, STROKE_ALERT.length);

        limited.writeInbound(Unpooled.wrappedBuffer(framed(huge)));

        Frame frame = limited.readInbound();
        assertThat(frame.truncated()).isTrue();
        assertThat(frame.bytes()).hasSize(4096).startsWith(STROKE_ALERT);
    }

    @Test
    void aMessageExactlyAtTheLimitIsWhole() {
        EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(STROKE_ALERT.length));

        limited.writeInbound(Unpooled.wrappedBuffer(framed(STROKE_ALERT)));

        Frame frame = limited.readInbound();
        assertThat(frame.truncated()).isFalse();
        assertThat(frame.bytes()).isEqualTo(STROKE_ALERT);
    }

    @Test
    void aStartBlockInsideAFrameDropsThePartialMessage() {
        byte[] abandoned = Arrays.copyOf(REGISTRATION, 150);

        write(concat(new byte[] {SB}, abandoned));
        write(framed(STROKE_ALERT));

        assertThat(nextFrame().bytes()).isEqualTo(STROKE_ALERT);
        assertNoMoreFrames();
    }

    @Test
    void aStartBlockInsideAFrameInTheSameWriteDropsThePartialMessage() {
        write(concat(new byte[] {SB}, "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB".getBytes(UTF_8), framed(UPDATE)));

        assertThat(nextFrame().bytes()).isEqualTo(UPDATE);
        assertNoMoreFrames();
    }
}
