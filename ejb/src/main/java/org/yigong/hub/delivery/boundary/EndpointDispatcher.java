package org.yigong.hub.delivery.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.yigong.hub.delivery.control.DeliveryQueue;
import org.yigong.hub.delivery.control.Endpoint;
import org.yigong.hub.delivery.entity.Delivery;

/**
 * Works one endpoint's queue: always its oldest pending delivery, never the next one before it is
 * delivered or failed (first in, first out; per patient where the endpoint says {@code order =
 * patient}), on its own thread, so that an endpoint that is down
 * holds up only its own queue. What is pending is read from the database every time, so after a
 * restart the queue simply goes on where it stood.
 */
final class EndpointDispatcher {

    private static final Logger LOG = Logger.getLogger(EndpointDispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);
    /** Deliveries read per query; each is still sent and recorded one at a time. */
    private static final int PREFETCH = 50;

    private final Endpoint endpoint;
    private final DeliveryQueue queue;
    private final MllpSender sender;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    EndpointDispatcher(Endpoint endpoint, DeliveryQueue queue, ThreadFactory threads) {
        this.endpoint = endpoint;
        this.queue = queue;
        this.sender = new MllpSender(endpoint.name(), endpoint.address(), endpoint.connectTimeout(), endpoint.responseTimeout());
        this.thread = threads.newThread(this::work);
        this.thread.setName("hub-delivery-" + endpoint.name());
    }

    void start() {
        thread.start();
    }

    /** Something was queued for this endpoint. */
    void wake() {
        wake.release();
    }

    void stop() {
        running = false;
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
    }

    private void work() {
        while (running) {
            try {
                List<Delivery> next = queue.next(endpoint.name(), endpoint.ordering(), PREFETCH);
                if (next.isEmpty()) {
                    await(IDLE_POLL);
                    continue;
                }
                for (Delivery delivery : next) {
                    Duration wait = Duration.between(Instant.now(), delivery.getNextAttemptAt());
                    if (!wait.isNegative() && !wait.isZero()) {
                        await(wait.compareTo(IDLE_POLL) < 0 ? wait : IDLE_POLL);
                        break;
                    }
                    // after a failed attempt the queue is read again: the failed one may now wait
                    if (!running || !attempt(delivery)) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away or the deployment is stopping: the rows wait, try again shortly
                LOG.warnf("endpoint=%s queue not available (%s); retrying", endpoint.name(), e.getClass().getSimpleName());
                sleepQuietly(IDLE_POLL);
            }
        }
    }

    /** @return whether it was delivered */
    private boolean attempt(Delivery delivery) {
        MDC.put("controlId", delivery.getControlId());
        try {
            String ack = sender.send(delivery.getPayload(), delivery.getControlId(), endpoint.charset());
            queue.delivered(delivery.getId(), ack.contains("MSA" + ack.charAt(3) + "CA") ? "CA" : "AA", ack);
            LOG.infof("endpoint=%s delivery %d of message %d delivered (attempt %d)", endpoint.name(), delivery.getId(),
                    delivery.getMessageId(), delivery.getAttempts() + 1);
            return true;
        } catch (DeliveryFailure failure) {
            int attempt = delivery.getAttempts() + 1;
            Instant next = nextAttempt(failure, attempt);
            queue.attemptFailed(delivery.getId(), failure.getMessage(), ackCode(failure), failure.ack(), next);
            if (next == null) {
                LOG.warnf("endpoint=%s delivery %d of message %d FAILED after %d attempts: %s", endpoint.name(),
                        delivery.getId(), delivery.getMessageId(), attempt, failure.getMessage());
            } else {
                LOG.infof("endpoint=%s delivery %d attempt %d failed (%s); next attempt at %s", endpoint.name(),
                        delivery.getId(), attempt, failure.getClass().getSimpleName(), next);
            }
            return false;
        } finally {
            MDC.remove("controlId");
        }
    }

    /** When to try again after this failure, or null for never. */
    private Instant nextAttempt(DeliveryFailure failure, int attempt) {
        boolean giveUp = failure instanceof DeliveryFailure.Rejected
                || failure instanceof DeliveryFailure.ErrorAnswer && endpoint.onError() == Endpoint.ErrorPolicy.FAIL
                || attempt >= endpoint.maxAttempts();
        return giveUp ? null : Instant.now().plus(endpoint.delayAfter(attempt));
    }

    private static String ackCode(DeliveryFailure failure) {
        if (failure instanceof DeliveryFailure.Rejected) {
            return "AR";
        }
        return failure instanceof DeliveryFailure.ErrorAnswer ? "AE" : null;
    }

    private void await(Duration timeout) throws InterruptedException {
        if (wake.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
