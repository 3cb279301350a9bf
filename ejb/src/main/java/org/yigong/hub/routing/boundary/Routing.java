package org.yigong.hub.routing.boundary;

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
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.yigong.hub.delivery.boundary.DeliveryDispatch;
import org.yigong.hub.delivery.control.Endpoint;
import org.yigong.hub.mapping.TranslationFailed;
import org.yigong.hub.mapping.control.MappingResources;
import org.yigong.hub.mapping.control.TranslationCatalogue;
import org.yigong.hub.platform.RootCause;
import org.yigong.hub.routing.control.RouteDefinitions;
import org.yigong.hub.routing.control.RoutingService;
import org.yigong.hub.routing.control.RoutingTable;
import org.yigong.hub.routing.control.Translator;
import org.yigong.hub.workflow.boundary.WorkflowHandOvers;

/**
 * Loads the mappings, code tables and routes of hl7-mappings when the hub starts (anything broken
 * fails the start with file and line) and routes every accepted message, oldest first, on one
 * thread: so deliveries are queued in the order messages arrived. Messages are found in the
 * database (status RECEIVED), so nothing waits in memory and a restart picks up where it stood.
 */
@Singleton
@Startup
@DependsOn({"DeliveryDispatch", "WorkflowHandOvers"})
@TransactionManagement(TransactionManagementType.BEAN)
public class Routing {

    private static final Logger LOG = Logger.getLogger(Routing.class);
    private static final int BATCH = 100;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/hub")
    ManagedThreadFactory threads;

    @EJB
    RoutingService service;

    @EJB
    DeliveryDispatch dispatch;

    @EJB
    WorkflowHandOvers workflows;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private Thread thread;
    private RoutingTable table;
    private Set<String> endpoints;
    private Translator translator;

    @PostConstruct
    void start() {
        MappingResources resources = new MappingResources(getClass().getClassLoader());
        TranslationCatalogue catalogue = TranslationCatalogue.load(resources);
        translator = new CatalogueTranslator(catalogue);
        endpoints = dispatch.endpoints().stream().map(Endpoint::name).collect(Collectors.toUnmodifiableSet());
        table = new RoutingTable(RouteDefinitions.load(resources, endpoints, translator.mappings()));
        // the tables processes and the result index decide by: a broken one stops the start here
        org.yigong.hub.workflow.control.RecognitionWindows.standard();
        org.yigong.hub.result.control.CriticalValues.standard();
        LOG.infof("%d routes, %d mappings, %d endpoints", table.routes().size(), translator.mappings().size(), endpoints.size());
        workflows.expect(table.routes().stream().map(org.yigong.hub.routing.control.Route::process)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        thread = threads.newThread(this::work);
        thread.setName("hub-routing");
        thread.start();
    }

    /** A message was stored: route it now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    /** Routes the given messages again through the current routes and mappings (operators' reprocess). */
    public Set<String> reprocess(List<Long> messageIds) {
        Set<String> touched = service.route(messageIds, table, endpoints, translator);
        touched.forEach(dispatch::wake);
        workflows.wake();
        return touched;
    }

    private void work() {
        while (running) {
            try {
                List<Long> waiting = service.waiting(BATCH);
                if (waiting.isEmpty()) {
                    if (wake.tryAcquire(1, TimeUnit.SECONDS)) {
                        wake.drainPermits();
                    }
                    continue;
                }
                routeBatch(waiting);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "routing paused: %s", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A batch is one transaction; when it fails, its messages are routed one by one, and one that
     * fails on its own is set aside as ROUTING_FAILED with the reason, so nothing behind it waits.
     * If even that cannot be written the database is away, and the caller pauses.
     */
    private void routeBatch(List<Long> waiting) {
        try {
            service.route(waiting, table, endpoints, translator).forEach(dispatch::wake);
            workflows.wake();
            return;
        } catch (RuntimeException batch) {
            if (waiting.size() == 1) {
                setAside(waiting.get(0), batch);
                return;
            }
            LOG.debugf(batch, "routing batch of %d failed, routing one by one", waiting.size());
        }
        for (Long id : waiting) {
            try {
                service.route(List.of(id), table, endpoints, translator).forEach(dispatch::wake);
                workflows.wake();
            } catch (RuntimeException single) {
                setAside(id, single);
            }
        }
    }

    private void setAside(long id, RuntimeException cause) {
        String reason = RootCause.describe(cause);
        service.failed(id, reason);
        LOG.warnf("message %d set aside as ROUTING_FAILED: %s", id, reason);
    }

    @PreDestroy
    void stop() {
        running = false;
        wake.release();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mapping interpreter of hl7-mappings behind the router's translation interface. */
    private record CatalogueTranslator(TranslationCatalogue catalogue) implements Translator {
        @Override
        public Set<String> mappings() {
            return Set.copyOf(catalogue.names());
        }

        @Override
        public String translate(String mapping, String normalizedText) throws Failed {
            try {
                return catalogue.translation(mapping).translate(normalizedText);
            } catch (TranslationFailed e) {
                throw new Failed(e.getMessage());
            }
        }
    }
}
