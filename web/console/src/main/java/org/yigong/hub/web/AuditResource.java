package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.yigong.hub.audit.control.AuditTrail;
import org.yigong.hub.audit.entity.AuditEvent;

/**
 * {@code GET /hub/api/audit?subjectType=message&subjectId=42}: who looked at a message (or, as the
 * hub grows, a patient's results), newest first. For auditors and quality staff.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"auditor", "hub-admin"})
@RequestScoped
public class AuditResource {

    /** One access as auditors read it. */
    public record Event(long id, String occurredAt, String actor, String action, String subjectType, String subjectId,
                        String detail) {
        static Event of(AuditEvent e) {
            return new Event(e.getId(), e.getOccurredAt().toString(), e.getActor(), e.getAction().name(),
                    e.getSubjectType(), e.getSubjectId(), e.getDetail());
        }
    }

    @EJB
    AuditTrail audit;

    @GET
    public List<Event> events(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                              @QueryParam("limit") @DefaultValue("100") int limit) {
        if (subjectType == null || subjectType.isBlank() || subjectId == null || subjectId.isBlank()) {
            throw new BadRequestException("subjectType and subjectId are required, e.g. subjectType=message&subjectId=42");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be from 1 to 1000");
        }
        return audit.eventsFor(subjectType, subjectId, limit).stream().map(Event::of).toList();
    }
}
