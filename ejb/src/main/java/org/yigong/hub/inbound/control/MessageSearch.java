package org.yigong.hub.inbound.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.yigong.hub.audit.control.AuditTrail;
import org.yigong.hub.audit.entity.AuditAction;
import org.yigong.hub.inbound.entity.InboundMessage;

/**
 * Finds stored inbound messages for hospital IT: by control id, facility, patient, type, status and
 * time received, newest first, one page at a time.
 *
 * <p>Messages carry patient data, so what a person reads through the hub goes through
 * {@link #searchAudited} and {@link #viewAudited}: each records its audit event in the same
 * transaction as the read, so that there is never a read without its event nor an event for a read
 * that failed. {@link #search}, {@link #count} and {@link #find} are for the hub's own work, which
 * is not a person looking at patients.
 */
@Stateless
public class MessageSearch {

    /** What the audit trail calls a stored message. */
    public static final String AUDIT_SUBJECT = "message";

    /** One page of a search and how many messages match in all. */
    public record Page(List<InboundMessage> messages, long total) {
    }

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @EJB
    AuditTrail audit;

    /** The page of messages {@code query} asks for, newest first; records the search in the audit trail. */
    public Page searchAudited(MessageQuery query) {
        var page = new Page(search(query), count(query));
        audit.record(AuditAction.MESSAGES_SEARCHED, AUDIT_SUBJECT, null, query.describe());
        return page;
    }

    /** One message with everything stored about it; records the view when there is a message to see. */
    public Optional<InboundMessage> viewAudited(long id) {
        Optional<InboundMessage> message = find(id);
        message.ifPresent(m -> audit.record(AuditAction.MESSAGE_VIEWED, AUDIT_SUBJECT, String.valueOf(id), null));
        return message;
    }

    /** The page of messages matching {@code query}, newest first (id breaks ties of the same instant). */
    public List<InboundMessage> search(MessageQuery query) {
        var conditions = MessageConditions.of(query);
        TypedQuery<InboundMessage> select = em.createQuery(
                "select m from InboundMessage m" + conditions.where() + " order by m.receivedAt desc, m.id desc",
                InboundMessage.class);
        conditions.parameters().forEach(select::setParameter);
        return select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    /** How many messages match the filters of {@code query}, whatever its page. */
    public long count(MessageQuery query) {
        var conditions = MessageConditions.of(query);
        TypedQuery<Long> count = em.createQuery("select count(m) from InboundMessage m" + conditions.where(), Long.class);
        conditions.parameters().forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** The stored message with this id, if there is one. */
    public Optional<InboundMessage> find(long id) {
        return Optional.ofNullable(em.find(InboundMessage.class, id));
    }
}
