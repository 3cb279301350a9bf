package org.yigong.hub.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error the API answers: {@code {"error": "..."}}, one sentence that says what
 * was wrong with the request. Never a stack trace, never message content.
 */
public record ApiError(String error) {

    static Response response(Response.StatusType status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error)).build();
    }
}
