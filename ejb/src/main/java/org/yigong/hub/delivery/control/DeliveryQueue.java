package org.yigong.hub.delivery.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.yigong.hub.delivery.entity.Delivery;

/**
 * The queues of the endpoints, in the database: each method is its own short transaction, so a
 * socket is never held open inside one (the dispatcher sends between them).
 */
@Stateless
public class DeliveryQueue {

    static final int LANE_PAGE = 500;
    static final int MAX_LANE_SCAN = 20_000;

    /** The MSH-10 prefix of messages the hub sends; the rest is the delivery's id. */
    public static final String CONTROL_ID_PREFIX = "YG";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** Adds a delivery at the end of its endpoint's queue and gives it its MSH-10. */
    public Delivery enqueue(Delivery delivery) {
        em.persist(delivery);
        String controlId = CONTROL_ID_PREFIX + delivery.getId();
        delivery.numbered(controlId, OutboundMessage.withControlId(delivery.getPayload(), controlId));
        return delivery;
    }

    /**
     * The deliveries of an endpoint to send next, in the order they may be sent, at most
     * {@code max}: read in one query so a busy queue does not cost a query per message. In patient
     * order these are the heads of as many patients' queues, due first first.
     */
    public List<Delivery> next(String endpoint, Endpoint.Ordering ordering, int max) {
        if (ordering == Endpoint.Ordering.ENDPOINT) {
            return em.createNamedQuery(Delivery.QUEUE_HEAD, Delivery.class).setParameter("endpoint", endpoint)
                    .setMaxResults(max).getResultList();
        }
        return laneHeads(endpoint, max);
    }

    /**
     * A patient's oldest pending delivery is the head of that patient's lane. The queue is read
     * in ID order, page by page through the index, and the first delivery of each patient met is a
     * head (any earlier one of the same patient would have been met before it). Reading stops at
     * {@code max} heads, or after {@value #MAX_LANE_SCAN} deliveries: a single patient with more
     * pending than that holds up the patients behind them until their queue shortens.
     */
    private List<Delivery> laneHeads(String endpoint, int max) {
        List<Delivery> heads = new java.util.ArrayList<>();
        java.util.Set<String> patients = new java.util.HashSet<>();
        long after = 0;
        for (int scanned = 0; heads.size() < max && scanned < MAX_LANE_SCAN; ) {
            List<Delivery> page = em.createNamedQuery(Delivery.QUEUE_AFTER, Delivery.class).setParameter("endpoint", endpoint)
                    .setParameter("after", after).setMaxResults(LANE_PAGE).getResultList();
            for (Delivery delivery : page) {
                after = delivery.getId();
                if (patients.add(delivery.getPatientKey()) && heads.size() < max) {
                    heads.add(delivery);
                }
            }
            scanned += page.size();
            if (page.size() < LANE_PAGE) {
                break;
            }
        }
        heads.sort(java.util.Comparator.comparing(Delivery::getNextAttemptAt).thenComparing(Delivery::getId));
        return heads;
    }

    /** Records the ACK in one statement: the dispatcher sends the next message only after it. */
    public void delivered(long id, String ackCode, String ack) {
        em.createNamedQuery(Delivery.DELIVERED).setParameter("id", id).setParameter("at", java.time.Instant.now())
                .setParameter("ackCode", ackCode).setParameter("ackText", ack == null || ack.length() <= 4000 ? ack : ack.substring(0, 4000))
                .executeUpdate();
    }

    /** Records a failed attempt; {@code next} null means no further attempt (FAILED). */
    public void attemptFailed(long id, String error, String ackCode, String ack, Instant next) {
        em.find(Delivery.class, id).attemptFailed(error, ackCode, ack, next);
    }

    /** Sends a failed delivery again, as a new delivery at the end of the queue. */
    public Delivery resend(long id) {
        Delivery failed = em.find(Delivery.class, id);
        if (failed == null) {
            throw new IllegalArgumentException("no delivery " + id);
        }
        Delivery again = enqueue(failed.resend());
        failed.resentAs(again.getId());
        return again;
    }

    /**
     * Sends again, in their original order, the failed deliveries of an endpoint created in
     * [from, to) that were not resent yet (an endpoint that was misconfigured for an afternoon):
     * each as a new delivery at the end of the queue, all in one transaction.
     *
     * @return the new deliveries' ids, at most {@code max}
     */
    public List<Long> resendFailed(String endpoint, Instant from, Instant to, int max) {
        List<Long> failed = em.createNamedQuery(Delivery.FAILED_NOT_RESENT, Long.class).setParameter("endpoint", endpoint)
                .setParameter("from", from).setParameter("to", to).setMaxResults(max).getResultList();
        return failed.stream().map(id -> resend(id).getId()).toList();
    }

    public List<Delivery> ofMessage(long messageId) {
        return em.createNamedQuery(Delivery.OF_MESSAGE, Delivery.class).setParameter("messageId", messageId).getResultList();
    }

    /** Rows of endpoint, status, count and oldest creation time, for deliveries not yet delivered. */
    public List<Object[]> depths() {
        return em.createNamedQuery(Delivery.DEPTHS, Object[].class).getResultList();
    }
}
