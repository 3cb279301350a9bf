package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yigong.hub.inbound.control.MessageQuery;
import org.yigong.hub.inbound.control.MessageSearch;

/**
 * {@code /hub/api/messages}: the stored inbound messages, for hospital IT tracing what a township
 * sent, when, and what the hub answered.
 *
 * <ul>
 * <li>{@code GET /hub/api/messages?controlId=&facility=&patientId=&type=&status=&from=&to=&offset=&limit=}
 *     lists {@link MessageSummary summaries}, newest first, {@code limit} (default 50, at most 500)
 *     from {@code offset}; the header {@code X-Total-Count} says how many match in all. The
 *     parameters are read by {@link MessageQuery#fromParameters}; one it cannot use is answered
 *     400 with {@code {"error": "..."}} naming it.
 * <li>{@code GET /hub/api/messages/{id}} answers the {@link MessageDetail} of one message, raw
 *     text included, or 404 with {@code {"error": "no message <id>"}}.
 * </ul>
 *
 * Every search and every message opened is recorded in the audit trail (MESSAGES_SEARCHED,
 * MESSAGE_VIEWED) under the caller's name, in the transaction of the read.
 */
@RequestScoped
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"hub-operator", "hub-admin"})
public class MessageResource {

    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    MessageSearch messages;

    @jakarta.ejb.EJB
    org.yigong.hub.delivery.control.DeliveryQueue deliveries;

    @jakarta.ejb.EJB
    org.yigong.hub.routing.boundary.Routing routing;

    @jakarta.ejb.EJB
    org.yigong.hub.workflow.control.WorkflowBridge workflows;

    /**
     * {@code POST /hub/api/messages/{id}/reprocess}: routes the message again through the current
     * routes and mappings; new deliveries are queued, earlier ones stay as history.
     */
    @jakarta.ws.rs.POST
    @Path("{id}/reprocess")
    public Response reprocess(@PathParam("id") String id) {
        Optional<Long> messageId = messageId(id);
        if (messageId.isEmpty() || messages.find(messageId.get()).isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no message " + shortened(id));
        }
        routing.reprocess(List.of(messageId.get()));
        return view(id);
    }

    /**
     * {@code POST /hub/api/messages/reprocess?status=UNROUTED&...}: the same for every message the
     * filter finds (the filters of the search, at most {@code limit}, default 50, 500 at most).
     */
    @jakarta.ws.rs.POST
    @Path("reprocess")
    public Response reprocessAll(@Context UriInfo uri) {
        MessageQuery query = MessageQuery.fromParameters(firstValues(uri.getQueryParameters()), ZoneId.systemDefault());
        List<Long> ids = messages.search(query).stream().map(m -> m.getId()).toList();
        var endpoints = routing.reprocess(ids);
        return Response.ok(Map.of("reprocessed", ids.size(), "endpoints", endpoints)).build();
    }

    @GET
    public Response search(@Context UriInfo uri) {
        // dates without an offset are the hub's local time, as operators read them on the console
        MessageQuery query = MessageQuery.fromParameters(firstValues(uri.getQueryParameters()), ZoneId.systemDefault());
        MessageSearch.Page page = messages.searchAudited(query);
        List<MessageSummary> summaries = page.messages().stream().map(MessageSummary::of).toList();
        return Response.ok(summaries).header(TOTAL_COUNT, page.total()).build();
    }

    @GET
    @Path("{id}")
    public Response view(@PathParam("id") String id) {
        // the id is read here rather than by JAX-RS, so that "/messages/abc" is a JSON 404 like any missing message
        return messageId(id)
                .flatMap(messages::viewAudited)
                .map(message -> Response.ok(MessageDetail.of(message, deliveries.ofMessage(message.getId()), workflows.ofMessage(message.getId()))).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no message " + shortened(id)));
    }

    private static Optional<Long> messageId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> parameters) {
        Map<String, String> first = new HashMap<>();
        parameters.forEach((name, values) -> first.put(name, values.isEmpty() ? null : values.get(0)));
        return first;
    }

    private static String shortened(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }
}
