package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yigong.hub.delivery.boundary.DeliveryDispatch;
import org.yigong.hub.delivery.control.DeliveryQueue;
import org.yigong.hub.delivery.control.Endpoint;
import org.yigong.hub.delivery.entity.DeliveryStatus;

/**
 * The endpoints the hub delivers to and their queues: {@code GET /hub/api/endpoints} lists each
 * with its address and how many deliveries are pending or failed (and since when);
 * {@code POST /hub/api/endpoints/deliveries/{id}/resend} sends a failed delivery again, as a new
 * delivery at the end of its endpoint's queue; {@code POST /hub/api/endpoints/{name}/resend-failed
 * ?from=&to=&limit=} does so for every failed delivery of the endpoint created in that time (all
 * when no time is given) that was not resent yet, oldest first, at most {@code limit} (default
 * and maximum {@value #MAX_BULK_RESEND}), and answers how many and their new ids.
 */
@Path("endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"hub-operator", "hub-admin"})
@RequestScoped
public class EndpointResource {

    /** One endpoint as operators watch it. */
    public record Queue(String name, String description, String address, String charset,
                        long pending, long failed, String oldestPendingSince) {
    }

    @EJB
    DeliveryDispatch dispatch;

    @EJB
    DeliveryQueue queue;

    @GET
    public List<Queue> endpoints() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        for (Object[] row : queue.depths()) {
            String endpoint = (String) row[0];
            long[] pendingAndFailed = counts.computeIfAbsent(endpoint, e -> new long[2]);
            pendingAndFailed[row[1] == DeliveryStatus.PENDING ? 0 : 1] += ((Number) row[2]).longValue();
            if (row[1] == DeliveryStatus.PENDING) {
                oldest.put(endpoint, (Instant) row[3]);
            }
        }
        return dispatch.endpoints().stream().map(e -> queue(e, counts.getOrDefault(e.name(), new long[2]), oldest.get(e.name()))).toList();
    }

    private static Queue queue(Endpoint e, long[] counts, Instant oldest) {
        return new Queue(e.name(), e.description(), e.address().toString(), e.charset().name(), counts[0], counts[1],
                oldest == null ? null : oldest.toString());
    }

    static final int MAX_BULK_RESEND = 10_000;

    @POST
    @Path("{name}/resend-failed")
    public Response resendFailed(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("limit") Integer limit) {
        if (dispatch.endpoints().stream().noneMatch(e -> e.name().equals(name))) {
            return ApiError.response(Response.Status.NOT_FOUND, "no endpoint '" + name + "'");
        }
        if (limit != null && (limit < 1 || limit > MAX_BULK_RESEND)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "limit must be between 1 and " + MAX_BULK_RESEND);
        }
        Period period = Period.of(from, to);
        List<Long> resent = queue.resendFailed(name, period.from() == null ? Instant.EPOCH : period.from(),
                period.to() == null ? Instant.now().plusSeconds(60) : period.to(), limit == null ? MAX_BULK_RESEND : limit);
        if (!resent.isEmpty()) {
            dispatch.wake(name);
        }
        return Response.ok(Map.of("endpoint", name, "resent", resent.size(), "deliveries", resent)).build();
    }

    @POST
    @Path("deliveries/{id}/resend")
    public Response resend(@PathParam("id") long id) {
        try {
            var again = queue.resend(id);
            dispatch.wake(again.getEndpoint());
            return Response.ok(Map.of("delivery", again.getId(), "endpoint", again.getEndpoint(), "status", again.getStatus().name())).build();
        } catch (jakarta.ejb.EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ApiError.response(Response.Status.CONFLICT, String.valueOf(cause.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return ApiError.response(Response.Status.CONFLICT, e.getMessage());
        }
    }
}
