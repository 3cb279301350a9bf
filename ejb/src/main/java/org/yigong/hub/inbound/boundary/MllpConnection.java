package org.yigong.hub.inbound.boundary;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.yigong.hub.inbound.control.Arrival;
import org.yigong.hub.inbound.control.Channel;
import org.yigong.hub.inbound.control.Ingest;
import org.yigong.hub.inbound.control.Stored;

/**
 * One sender's connection: hands each frame to the ingest and writes each ACK back framed.
 *
 * <p>A sender that pipelines more than {@value #PAUSE_ABOVE} unanswered messages is not read from
 * until the hub has caught up (backpressure instead of an unbounded queue). Whatever goes wrong on
 * this connection closes this connection only, and nothing of a message's content is logged.
 */
final class MllpConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(MllpConnection.class);
    static final int PAUSE_ABOVE = 64;
    private static final int RESUME_BELOW = 16;

    private final Channel channel;
    private final Ingest ingest;
    private int pending;
    private String remote = "?";

    MllpConnection(Channel channel, Ingest ingest) {
        this.channel = channel;
        this.ingest = ingest;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
            remote = address.getAddress().getHostAddress() + ":" + address.getPort();
        }
        LOG.debugf("channel=%s connection from %s", channel.name(), remote);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MllpFrameDecoder.Frame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        pending++;
        if (pending > PAUSE_ABOVE) {
            ctx.channel().config().setAutoRead(false);
        }
        Arrival arrival = new Arrival(channel, remote, Instant.now(), frame.bytes(), frame.truncated());
        ingest.accept(arrival, ctx.channel().id(), stored -> ctx.executor().execute(() -> reply(ctx, stored, frame.truncated())));
    }

    private void reply(ChannelHandlerContext ctx, Stored stored, boolean thenClose) {
        pending--;
        if (!ctx.channel().isActive()) {
            LOG.infof("channel=%s %s closed before its ACK for message %d could be sent", channel.name(), remote, stored.messageId());
            return;
        }
        byte[] ack = stored.ackBytes();
        ByteBuf out = ctx.alloc().buffer(ack.length + 3);
        out.writeByte(MllpFrameDecoder.START_BLOCK).writeBytes(ack).writeByte(MllpFrameDecoder.END_BLOCK).writeByte('\r');
        var written = ctx.writeAndFlush(out);
        if (thenClose) {
            LOG.warnf("channel=%s %s sent a message larger than %d bytes: answered AR, connection closed",
                    channel.name(), remote, channel.maxMessageBytes());
            written.addListener(ChannelFutureListener.CLOSE);
        } else if (pending < RESUME_BELOW && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.infof("channel=%s %s idle for %s: connection closed", channel.name(), remote, channel.idleTimeout());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable problem = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (problem instanceof MllpFrameDecoder.NotMllpException) {
            LOG.warnf("channel=%s %s sent %s: connection closed", channel.name(), remote, problem.getMessage());
        } else if (problem instanceof IOException) {
            LOG.debugf("channel=%s %s: %s", channel.name(), remote, problem.getMessage());
        } else {
            LOG.warnf("channel=%s %s: %s, connection closed", channel.name(), remote, problem.getClass().getSimpleName());
        }
        ctx.close();
    }
}
