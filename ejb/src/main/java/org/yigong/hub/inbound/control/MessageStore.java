package org.yigong.hub.inbound.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yigong.hub.audit.control.AuditTrail;
import org.yigong.hub.audit.entity.AuditAction;
import org.yigong.hub.inbound.entity.InboundMessage;
import org.yigong.hub.result.control.ResultIndex;
import org.yigong.hub.result.control.ResultQuery;
import org.yigong.hub.result.entity.IndexedResult;

/**
 * Stores judged messages, one transaction per call, and returns the ACK for each: the ACK may be
 * sent only when this method has returned, that is, when the transaction has committed.
 *
 * <p>A message whose (sending application, sending facility, control id) was already accepted is
 * not stored again: it gets the original ACK, and the original's duplicate count goes up. Looking
 * for earlier copies costs a query per batch, so the ingest stores batches that hold no recently
 * seen key with {@link #storeNew} and lets the unique key catch the rare copy: that transaction
 * fails, and its messages are stored again one by one with {@link #storeAll}, which looks.
 *
 * <p>A query for a patient's results ({@code QBP^Q11}) is answered with its {@code RSP^K11} in
 * place of the ACK.
 */
@Stateless
public class MessageStore {

    /** MSH-9 of the query for a patient's results (profile {@value ResultQuery#PROFILE}). */
    static final String RESULT_QUERY = "QBP^Q11";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @EJB
    ResultIndex results;

    @EJB
    AuditTrail audit;

    private final ResultQuery queries = new ResultQuery(ZoneId.systemDefault());

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
            AckCode code = reception.ackCode();
            String ack;
            if (reception.accepted() && RESULT_QUERY.equals(message.getMessageType())) {
                ResultQuery.Request request = queries.parse(Reception.normalize(message.getRawText()));
                ack = answer(request, message, now);
                code = request.valid() ? AckCode.AA : AckCode.AE;
            } else {
                ack = Acknowledgement.build(reception.header(), code, "ACK" + message.getId(), now, reception.error());
            }
            message.acknowledged(code.name(), ack);
            Stored stored = new Stored(message.getId(), code, ack, reception.charset(), false);
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

    /**
     * A result query is answered from the result index in the transaction that stores it, so the
     * answer is what the index held when the query was accepted, and it is kept as the query's
     * acknowledgement: the same query sent again gets the same answer. Who asked is audited.
     */
    private String answer(ResultQuery.Request request, InboundMessage message, ZonedDateTime now) {
        List<IndexedResult> found = request.valid()
                ? results.forPatient(request.patient(), request.serviceCode(), request.from(), request.limit())
                : List.of();
        if (request.valid()) {
            audit.recordAs("hl7:" + message.getSendingApplication() + "@" + message.getSendingFacility(),
                    AuditAction.PATIENT_RESULTS_VIEWED, ResultIndex.AUDIT_SUBJECT, request.patient().toString(),
                    "QBP^Q11 " + message.getControlId() + " found=" + found.size());
        }
        return queries.answer(request, found, "YGQ" + message.getId(), now.toInstant());
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
