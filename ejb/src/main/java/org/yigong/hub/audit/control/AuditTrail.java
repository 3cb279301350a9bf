package org.yigong.hub.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.yigong.hub.audit.entity.AuditAction;
import org.yigong.hub.audit.entity.AuditEvent;

/**
 * Records accesses to patient data in the caller's transaction, so that a read that fails leaves
 * no event and a read that succeeds always leaves one. The actor is the authenticated caller.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Resource
    SessionContext session;

    public AuditEvent record(AuditAction action, String subjectType, String subjectId, String detail) {
        return recordAs(session.getCallerPrincipal().getName(), action, subjectType, subjectId, detail);
    }

    /**
     * For what a system did rather than a signed-in person: a township HIS asking for a patient's
     * results over HL7 is recorded as {@code hl7:<application>@<facility>}.
     */
    public AuditEvent recordAs(String actor, AuditAction action, String subjectType, String subjectId, String detail) {
        var event = new AuditEvent(actor, action, subjectType, subjectId, detail);
        em.persist(event);
        return event;
    }

    /** The newest events first. */
    public List<AuditEvent> eventsFor(String subjectType, String subjectId, int max) {
        return em.createNamedQuery(AuditEvent.FOR_SUBJECT, AuditEvent.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .setMaxResults(max)
                .getResultList();
    }
}
