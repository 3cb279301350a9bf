package org.yigong.hub.workflow.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Comparator;
import org.jboss.logging.Logger;
import org.yigong.hub.delivery.control.DeliveryQueue;
import org.yigong.hub.delivery.control.OutboundMessage;
import org.yigong.hub.delivery.entity.Delivery;

/**
 * A process withdraws an order it was started by (the ordering doctor decided the patient's
 * recognised result makes the test unnecessary): the centre gets the order it received, as it
 * received it, with ORC-1 {@code CA}, queued behind the order itself in the process's
 * transaction, so the cancellation can neither overtake the order nor be lost.
 */
@Stateless
public class OrderWithdrawal {

    private static final Logger LOG = Logger.getLogger(OrderWithdrawal.class);

    /** The route name the cancellation's delivery carries, so operators see where it came from. */
    public static final String ROUTE = "workflow:order-withdrawal";

    @EJB
    DeliveryQueue queue;

    /**
     * @param orderMessageId the stored order message that started the process
     * @param centre         the endpoint the order was delivered to
     * @return the cancellation's delivery id
     * @throws IllegalStateException if the order was never queued for that centre
     */
    public long withdraw(long orderMessageId, String centre) {
        Delivery order = queue.ofMessage(orderMessageId).stream()
                .filter(d -> d.getEndpoint().equals(centre))
                .min(Comparator.comparing(Delivery::getId))
                .orElseThrow(() -> new IllegalStateException("message " + orderMessageId + " was never queued for " + centre));
        Delivery cancellation = queue.enqueue(new Delivery(orderMessageId, centre, ROUTE, order.getMapping(),
                OutboundMessage.withOrderControl(order.getPayload(), "CA"), order.getPatientKey()));
        LOG.infof("order of message %d withdrawn: cancellation queued for %s as delivery %d", orderMessageId, centre, cancellation.getId());
        return cancellation.getId();
    }
}
