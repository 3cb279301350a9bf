package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.yigong.hub.workflow.boundary.WorkflowHandOvers;
import org.yigong.hub.workflow.control.WorkflowBridge;
import org.yigong.hub.workflow.entity.HandOverStatus;

/**
 * The workflow bridge as operators watch it: {@code GET /hub/api/workflows} says whether
 * hand-overs to processes are running, how many wait (and since when) and how many failed;
 * {@code POST /hub/api/workflows/pause} and {@code /resume} stop and restart them, for engine
 * maintenance or while a model is fixed. Paused, messages are still stored, routed and delivered;
 * their hand-overs wait in the database and are done in order on resume.
 */
@RequestScoped
@Path("workflows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"hub-operator", "hub-admin"})
public class WorkflowResource {

    /** The hand-over queue. */
    public record HandOvers(boolean paused, long pending, long failed, String oldestPendingSince) {
    }

    @EJB
    WorkflowHandOvers handOvers;

    @EJB
    WorkflowBridge bridge;

    @GET
    public HandOvers state() {
        long pending = 0;
        long failed = 0;
        Instant oldest = null;
        for (Object[] row : bridge.depths()) {
            long count = ((Number) row[1]).longValue();
            if (row[0] == HandOverStatus.PENDING) {
                pending = count;
                oldest = (Instant) row[2];
            } else {
                failed += count;
            }
        }
        return new HandOvers(handOvers.paused(), pending, failed, oldest == null ? null : oldest.toString());
    }

    @POST
    @Path("pause")
    public HandOvers pause() {
        handOvers.pause();
        return state();
    }

    @POST
    @Path("resume")
    public HandOvers resume() {
        handOvers.resume();
        return state();
    }
}
