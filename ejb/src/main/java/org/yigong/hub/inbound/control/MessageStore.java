package org.yigong.hub.inbound.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.Charset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yigong.hub.inbound.entity.InboundMessage;

/**
 * Stores judged messages, one transaction per call, and returns the ACK for each: the ACK may be
 * sent only when this method has returned, that is, when the transaction has committed.
 *
 * <p>A message whose (sending application, sending facility, control id) was already accepted is
 * not stored again: it gets the original ACK, and the original's duplicate count goes up. Two
 * copies arriving at once on two connections meet at the unique key; the loser's transaction fails
 * and its caller retries message by message, finding the winner.
 */
@Stateless
public class MessageStore {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    public List<Stored> storeAll(List<Reception> receptions) {
        Map<String, Stored> accepted = acceptedEarlier(receptions);
        List<Stored> results = new ArrayList<>(receptions.size());
        List<Long> duplicated = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now();
        for (Reception reception : receptions) {
            InboundMessage message = reception.message();
            Stored original = reception.accepted() ? accepted.get(message.getDedupKey()) : null;
            if (original != null) {
                results.add(original.asDuplicate());
                duplicated.add(original.messageId());
                continue;
            }
            em.persist(message);
            String ack = Acknowledgement.build(reception.header(), reception.ackCode(), "ACK" + message.getId(), now, reception.error());
            message.acknowledged(reception.ackCode().name(), ack);
            Stored stored = new Stored(message.getId(), reception.ackCode(), ack, reception.charset(), false);
            if (reception.accepted()) {
                accepted.put(message.getDedupKey(), stored);
            }
            results.add(stored);
        }
        for (Long id : duplicated) {
            em.createNamedQuery(InboundMessage.COUNT_DUPLICATE).setParameter("id", id).executeUpdate();
        }
        return results;
    }

    private Map<String, Stored> acceptedEarlier(List<Reception> receptions) {
        List<String> keys = receptions.stream().filter(Reception::accepted)
                .map(r -> r.message().getDedupKey()).distinct().toList();
        Map<String, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createNamedQuery(InboundMessage.ACCEPTED_BY_DEDUP_KEY, Object[].class)
                .setParameter("keys", keys).getResultList();
        for (Object[] row : rows) {
            found.put((String) row[0], new Stored((Long) row[1], AckCode.AA, (String) row[2], Charset.forName((String) row[3]), true));
        }
        return found;
    }

    public InboundMessage find(long id) {
        return em.find(InboundMessage.class, id);
    }
}
