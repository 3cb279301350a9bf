package org.yigong.hub.routing.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.yigong.hub.delivery.control.DeliveryQueue;
import org.yigong.hub.delivery.entity.Delivery;
import org.yigong.hub.inbound.control.Reception;
import org.yigong.hub.inbound.entity.InboundMessage;
import org.yigong.hub.inbound.entity.MessageStatus;
import org.yigong.hub.workflow.entity.HandOver;

/**
 * Routes stored messages: for each, the routes that match, the translation per route, and the
 * deliveries and hand-overs to processes, written in the same transaction as the message's new
 * status, so that a routing decision and its outbox rows are never apart. A message whose translation fails gets no
 * delivery at all (ROUTING_FAILED, with why); one that no route matches is UNROUTED. Either can
 * be reprocessed once the routes or mappings are fixed; earlier deliveries stay as history.
 */
@Stateless
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    /** Messages waiting to be routed, oldest first. */
    public static final String WAITING = "select m.id from InboundMessage m where m.status = org.yigong.hub.inbound.entity.MessageStatus.RECEIVED order by m.id";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @jakarta.ejb.EJB
    DeliveryQueue queue;


    @jakarta.ejb.EJB
    org.yigong.hub.result.control.ResultIndex results;

    public List<Long> waiting(int max) {
        return em.createQuery(WAITING, Long.class).setMaxResults(max).getResultList();
    }

    /**
     * Routes messages in id order and returns the endpoints that got deliveries.
     *
     * @param endpoints the defined endpoint names (a templated route may name one that is not)
     */
    public Set<String> route(List<Long> messageIds, RoutingTable table, Set<String> endpoints, Translator translator) {
        Set<String> touched = new LinkedHashSet<>();
        for (Long id : messageIds) {
            InboundMessage message = em.find(InboundMessage.class, id);
            if (message == null || message.getRawText() == null
                    || message.getStatus() == MessageStatus.REJECTED || message.getStatus() == MessageStatus.ERROR) {
                // only accepted messages are routed; an operator's reprocess of another one does nothing
                continue;
            }
            String text = Reception.normalize(message.getRawText());
            if (message.getMessageType() != null && message.getMessageType().startsWith("ORU^")) {
                // every result that passes through is recognised, wherever it is routed (结果互认)
                results.index(id, text);
            }
            List<Delivery> deliveries = new ArrayList<>();
            List<HandOver> handOvers = new ArrayList<>();
            String problem = plan(message, text, table, endpoints, translator, deliveries, handOvers);
            if (problem != null) {
                routed(id, MessageStatus.ROUTING_FAILED, problem);
                LOG.warnf("message %d controlId=%s not routed: %s", id, message.getControlId(), problem);
            } else if (deliveries.isEmpty() && handOvers.isEmpty()) {
                routed(id, MessageStatus.UNROUTED, null);
                LOG.infof("message %d controlId=%s type=%s from=%s: no route", id, message.getControlId(),
                        message.getMessageType(), message.getSendingFacility());
            } else {
                deliveries.forEach(queue::enqueue);
                handOvers.forEach(em::persist);
                routed(id, MessageStatus.ROUTED, null);
                deliveries.forEach(d -> touched.add(d.getEndpoint()));
            }
        }
        return touched;
    }

    /**
     * Marks one message ROUTING_FAILED in a transaction of its own, after routing it threw: so a
     * message that breaks its process (or anything else unforeseen) is set aside, visible with
     * why, instead of holding up every message behind it.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void failed(long messageId, String reason) {
        routed(messageId, MessageStatus.ROUTING_FAILED, reason == null ? "routing failed" : reason);
    }

    /** The patient a message is about, for endpoints ordered per patient. */
    private static String patientKey(InboundMessage message) {
        if (message.getPatientId() != null) {
            return message.getPatientId() + "@" + (message.getPatientIdAuthority() == null ? "" : message.getPatientIdAuthority());
        }
        return message.getNationalId();
    }


    private void routed(long id, MessageStatus outcome, String error) {
        if (error == null) {
            em.createNamedQuery(InboundMessage.ROUTED).setParameter("id", id).setParameter("status", outcome).executeUpdate();
        } else {
            em.createNamedQuery(InboundMessage.NOT_ROUTED).setParameter("id", id).setParameter("status", outcome)
                    .setParameter("error", error.length() <= 1000 ? error : error.substring(0, 1000)).executeUpdate();
        }
    }

    /**
     * Fills {@code deliveries} and returns null, or returns what prevents routing.
     *
     * @param text the message, segments separated by carriage returns
     */
    private static String plan(InboundMessage message, String text, RoutingTable table, Set<String> endpoints,
                               Translator translator, List<Delivery> deliveries, List<HandOver> handOvers) {
        Route.Keys keys = new Route.Keys(message.getSendingApplication(), message.getSendingFacility(),
                message.getReceivingApplication(), message.getReceivingFacility(), message.getMessageType());
        for (Route route : table.matching(keys)) {
            String payload;
            try {
                payload = route.mapping() == null ? text : translator.translate(route.mapping(), text);
            } catch (Translator.Failed e) {
                return "route " + route.name() + ": " + e.getMessage();
            }
            for (String endpoint : route.endpointsFor(keys)) {
                if (!endpoints.contains(endpoint)) {
                    return "route " + route.name() + ": no endpoint '" + endpoint + "' is defined (endpoints/" + endpoint + ".endpoint)";
                }
                deliveries.add(new Delivery(message.getId(), endpoint, route.name(), route.mapping(), payload, patientKey(message)));
            }
            if (route.process() != null) {
                List<String> to = route.endpointsFor(keys);
                handOvers.add(new HandOver(message.getId(), route.process(), route.name(), to.isEmpty() ? null : to.get(0), payload));
            }
        }
        return null;
    }
}
