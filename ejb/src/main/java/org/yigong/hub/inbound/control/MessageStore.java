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
 * not stored again: it gets the original ACK, and the original's duplicate count goes up. Looking
 * for earlier copies costs a query per batch, so the ingest stores batches that hold no recently
 * seen key with {@link #storeNew} and lets the unique key catch the rare copy: that transaction
 * fails, and its messages are stored again one by one with {@link #storeAll}, which looks.
 */
@Stateless
public class MessageStore {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** Stores messages, answering copies of accepted ones with their original ACK. */
    public List<Stored> storeAll(List<Reception> receptions) {
        return store(receptions, acceptedEarlier(receptions));
    }

    /**
     * Stores messages expected to be new, without looking for earlier copies first; a copy of an
     * accepted message makes the transaction fail on the unique key (and nothing of it is stored).
     */
    public List<Stored> storeNew(List<Reception> receptions) {
        return store(receptions, new HashMap<>());
    }

    private List<Stored> store(List<Reception> receptions, Map<String, Stored> accepted) {
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
}
