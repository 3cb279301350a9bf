package org.yigong.hub.delivery.boundary;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.yigong.hub.delivery.control.DeliveryQueue;
import org.yigong.hub.delivery.control.Endpoint;
import org.yigong.hub.delivery.control.EndpointDefinitions;
import org.yigong.hub.mapping.control.MappingResources;

/**
 * Starts one dispatcher per endpoint of hl7-mappings when the hub starts (a wrong endpoint
 * definition fails the start with file and line) and stops them when it stops. Whatever was
 * pending before a stop or a crash is in the database and goes out first.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DeliveryDispatch {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatch.class);

    @Resource(lookup = "java:jboss/ee/concurrency/factory/hub")
    ManagedThreadFactory threads;

    @EJB
    DeliveryQueue queue;

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, EndpointDispatcher> dispatchers = new LinkedHashMap<>();

    @PostConstruct
    void start() {
        endpoints.putAll(EndpointDefinitions.load(new MappingResources(getClass().getClassLoader())));
        for (Endpoint endpoint : endpoints.values()) {
            EndpointDispatcher dispatcher = new EndpointDispatcher(endpoint, queue, threads);
            dispatchers.put(endpoint.name(), dispatcher);
            dispatcher.start();
            LOG.infof("endpoint=%s delivering to %s (charset %s, %d attempts, AE %s)", endpoint.name(), endpoint.address(),
                    endpoint.charset().name(), endpoint.maxAttempts(), endpoint.onError());
        }
    }

    /** The endpoints, for routing and for operators. */
    public Collection<Endpoint> endpoints() {
        return endpoints.values();
    }

    /** Something was queued for this endpoint: do not wait for the next poll. */
    public void wake(String endpoint) {
        EndpointDispatcher dispatcher = dispatchers.get(endpoint);
        if (dispatcher != null) {
            dispatcher.wake();
        }
    }

    @PreDestroy
    void stop() {
        dispatchers.values().forEach(EndpointDispatcher::stop);
        dispatchers.clear();
    }
}
