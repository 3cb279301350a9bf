package org.yigong.hub.workflow.boundary;

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
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.yigong.hub.platform.RootCause;
import org.yigong.hub.workflow.control.WorkflowBridge;

/**
 * Works the workflow bridge's outbox on one thread, oldest first, so processes see the messages
 * of an order in the order they arrived. A hand-over the engine refuses is marked FAILED with the
 * reason and the next one goes on. Before the first, it waits (a minute at most) for the processes
 * the routes name, which the process application deploys after this bean starts.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class WorkflowHandOvers {

    private static final Logger LOG = Logger.getLogger(WorkflowHandOvers.class);
    private static final int BATCH = 100;
    private static final int CONCURRENT_ATTEMPTS = 5;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/hub")
    ManagedThreadFactory threads;

    @EJB
    WorkflowBridge bridge;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private volatile Set<String> processes;
    /** Operators pause hand-overs (engine maintenance, a model being fixed); messages keep flowing. */
    private volatile boolean paused = Boolean.getBoolean("hub.workflow.paused");
    private Thread thread;

    @PostConstruct
    void start() {
        thread = threads.newThread(this::work);
        thread.setName("hub-workflow-handover");
        thread.start();
    }

    /** The processes the routes name, to wait for before the first hand-over. */
    public void expect(Set<String> processKeys) {
        processes = Set.copyOf(processKeys);
        wake.release();
    }

    /** Something was routed to a process. */
    public void wake() {
        wake.release();
    }

    /** Hand-overs wait (PENDING) until {@link #resume()}; routing and deliveries go on. */
    public void pause() {
        paused = true;
        LOG.info("workflow hand-overs paused");
    }

    public void resume() {
        paused = false;
        wake.release();
        LOG.info("workflow hand-overs resumed");
    }

    public boolean paused() {
        return paused;
    }

    private void work() {
        try {
            awaitProcesses();
            while (running) {
                if (paused) {
                    if (wake.tryAcquire(1, TimeUnit.SECONDS)) {
                        wake.drainPermits();
                    }
                    continue;
                }
                List<Long> pending;
                try {
                    pending = bridge.pending(BATCH);
                } catch (RuntimeException e) {
                    LOG.warnf("workflow hand-overs not available (%s); retrying", e.getClass().getSimpleName());
                    Thread.sleep(2000);
                    continue;
                }
                if (pending.isEmpty()) {
                    if (wake.tryAcquire(1, TimeUnit.SECONDS)) {
                        wake.drainPermits();
                    }
                    continue;
                }
                for (Long id : pending) {
                    if (paused || !running) {
                        break;
                    }
                    handOver(id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver(long id) throws InterruptedException {
        MDC.put("handOver", id);
        try {
            String outcome = null;
            for (int attempt = 1; ; attempt++) {
                try {
                    outcome = bridge.handOver(id);
                    break;
                } catch (RuntimeException e) {
                    // the engine's job executor changed the same instance (a timer firing as the report
                    // arrives): the engine's answer to that is to do it again, on the new state
                    if (attempt >= CONCURRENT_ATTEMPTS || !concurrentUpdate(e)) {
                        throw e;
                    }
                    Thread.sleep(50L * attempt);
                }
            }
            if (outcome != null) {
                LOG.infof("hand-over %d: %s", id, outcome);
            }
        } catch (RuntimeException e) {
            String reason = RootCause.describe(e);
            try {
                bridge.failed(id, reason);
                LOG.warnf("hand-over %d FAILED: %s", id, reason);
            } catch (RuntimeException notRecorded) {
                // the database is away: the row stays pending and is tried again
                LOG.warnf("hand-over %d failed and could not be recorded (%s); retrying", id, RootCause.describe(notRecorded));
            }
        } finally {
            MDC.remove("handOver");
        }
    }

    private void awaitProcesses() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Set<String> missing = Set.of();
        while (running && System.nanoTime() < deadline) {
            Set<String> expected = processes;
            if (expected != null) {
                try {
                    missing = expected.isEmpty() ? Set.of() : bridge.undeployed(expected);
                } catch (RuntimeException e) {
                    missing = expected;
                }
                if (missing.isEmpty()) {
                    return;
                }
            }
            if (wake.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        }
        if (!missing.isEmpty()) {
            LOG.warnf("routes name processes that are not deployed: %s", missing);
        }
    }

    private static boolean concurrentUpdate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                return true;
            }
        }
        return false;
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
}
