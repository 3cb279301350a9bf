package org.yigong.hub.inbound.boundary;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.logging.Logger;
import org.yigong.hub.inbound.control.Channel;
import org.yigong.hub.inbound.control.Ingest;

/**
 * The listening socket of one channel. Connections beyond the channel's maximum are closed at
 * once; idle connections are closed after the channel's idle timeout (which also clears half-open
 * connections whose peer vanished); TLS, when configured, is terminated here.
 */
public final class MllpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MllpServer.class);

    private final Channel channel;
    private final Ingest ingest;
    private final SslContext tls;
    private final AtomicInteger connections = new AtomicInteger();
    private io.netty.channel.Channel listening;

    public MllpServer(Channel channel, Ingest ingest, Path configurationDirectory) {
        this.channel = channel;
        this.ingest = ingest;
        this.tls = tls(channel, configurationDirectory);
    }

    /** Binds the channel's port; fails with the channel's name and port when it cannot. */
    public void start(EventLoopGroup acceptors, EventLoopGroup workers) {
        int idleSeconds = (int) Math.max(1, channel.idleTimeout().toSeconds());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 512)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel connection) {
                        if (connections.incrementAndGet() > channel.maxConnections()) {
                            connections.decrementAndGet();
                            LOG.warnf("channel=%s refused a connection from %s: %d connections is the maximum",
                                    channel.name(), connection.remoteAddress(), channel.maxConnections());
                            connection.close();
                            return;
                        }
                        connection.closeFuture().addListener(closed -> connections.decrementAndGet());
                        if (tls != null) {
                            connection.pipeline().addLast("tls", tls.newHandler(connection.alloc()));
                        }
                        connection.pipeline()
                                .addLast("idle", new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS))
                                .addLast("mllp", new MllpFrameDecoder(channel.maxMessageBytes()))
                                .addLast("hub", new MllpConnection(channel, ingest));
                    }
                });
        try {
            listening = bootstrap.bind(new InetSocketAddress(channel.bindAddress(), channel.port())).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            throw new IllegalStateException("channel " + channel.name() + " (" + channel.source() + ") cannot listen on "
                    + channel.bindAddress() + ":" + channel.port() + ": " + e.getMessage(), e);
        }
        LOG.infof("channel=%s listening on %s:%d (charset %s, facilities %s, tls %s)", channel.name(), channel.bindAddress(),
                channel.port(), channel.charset().name(), String.join(",", channel.facilities()), channel.tls().mode());
    }

    public Channel channel() {
        return channel;
    }

    /** Stops accepting; open connections are closed with the event loops. */
    @Override
    public void close() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
    }

    private static SslContext tls(Channel channel, Path configurationDirectory) {
        Channel.Tls settings = channel.tls();
        if (settings.mode() == Channel.TlsMode.OFF) {
            return null;
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(configurationDirectory.resolve(settings.keystore()), settings.keystorePassword()),
                    settings.keystorePassword().toCharArray());
            SslContextBuilder builder = SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK);
            if (settings.mode() == Channel.TlsMode.MUTUAL) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(configurationDirectory.resolve(settings.truststore()), settings.truststorePassword()));
                builder.trustManager(trust).clientAuth(ClientAuth.REQUIRE);
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("channel " + channel.name() + " (" + channel.source()
                    + "): cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
