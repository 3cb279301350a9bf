package org.yigong.hub.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * HTTP errors raised as exceptions without a body, by a resource
 * ({@code BadRequestException("limit must be ...")}) or by the JAX-RS runtime (unknown path, method
 * not allowed), get the API's JSON error body instead of an empty one. Status and headers (such as
 * {@code Allow}) stay as they were; an exception that already has a body keeps it.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getStatus() < 400 || original.hasEntity()) {
            return original;
        }
        return Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(sentence(e, original.getStatusInfo())))
                .build();
    }

    /** The exception's message, which JAX-RS fills with "HTTP 404 Not Found" when none was given. */
    private static String sentence(WebApplicationException e, Response.StatusType status) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return status.getReasonPhrase() == null ? "HTTP " + status.getStatusCode() : status.getReasonPhrase();
    }
}
