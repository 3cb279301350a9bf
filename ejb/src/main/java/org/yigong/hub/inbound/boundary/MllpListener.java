package org.yigong.hub.inbound.boundary;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.yigong.hub.inbound.control.Channel;
import org.yigong.hub.inbound.control.ChannelDefinitions;
import org.yigong.hub.inbound.control.Ingest;
import org.yigong.hub.inbound.control.MessageStore;
import org.yigong.hub.inbound.control.Reception;
import org.yigong.hub.inbound.control.Stored;
import org.yigong.hub.mapping.control.MappingResources;
import org.yigong.hub.routing.boundary.Routing;

/**
 * Opens every channel of hl7-mappings when the hub starts, after the schema is migrated, and closes
 * them when it stops. A wrong channel definition or a port in use fails the deployment with the
 * file and the reason.
 *
 * <p>All threads are the container's: the network event loops and the ingest workers come from
 * the hub's {@link ManagedThreadFactory}. Settings (system properties): {@code hub.mllp.io-threads}
 * (default 2), {@code hub.ingest.workers} (default 1: one batch at a time commits best on a local
 * database; more workers overlap commits to a remote one), {@code hub.ingest.batch} (default 64).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class MllpListener {

    private static final Logger LOG = Logger.getLogger(MllpListener.class);

    @Resource(lookup = "java:jboss/ee/concurrency/factory/hub")
    ManagedThreadFactory threads;

    @EJB
    MessageStore store;

    @EJB
    Routing routing;

    private final List<MllpServer> servers = new ArrayList<>();
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private Ingest ingest;

    @PostConstruct
    void open() {
        List<Channel> channels = ChannelDefinitions.load(new MappingResources(getClass().getClassLoader()));
        ingest = new Ingest(threads, Integer.getInteger("hub.ingest.workers", 1), Integer.getInteger("hub.ingest.batch", 64),
                new StoreThenRoute());
        acceptors = new NioEventLoopGroup(1, threads);
        workers = new NioEventLoopGroup(Integer.getInteger("hub.mllp.io-threads", 2), threads);
        Path configuration = Path.of(System.getProperty("jboss.server.config.dir", "."));
        try {
            for (Channel channel : channels) {
                MllpServer server = new MllpServer(channel, ingest, configuration);
                server.start(acceptors, workers);
                servers.add(server);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stores through the message store, then tells routing there is something new to route. */
    private final class StoreThenRoute implements Ingest.Storage {
        @Override
        public List<Stored> storeAll(List<Reception> receptions) {
            List<Stored> stored = store.storeAll(receptions);
            routing.wake();
            return stored;
        }

        @Override
        public List<Stored> storeNew(List<Reception> receptions) {
            List<Stored> stored = store.storeNew(receptions);
            routing.wake();
            return stored;
        }
    }

    @PreDestroy
    void close() {
        servers.forEach(MllpServer::close);
        if (ingest != null) {
            ingest.close();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            acceptors.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        LOG.infof("%d channels closed", servers.size());
        servers.clear();
    }
}
