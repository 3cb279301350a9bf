package org.yigong.hub.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.yigong.hub.inbound.control.InvalidQueryParameter;

/** A search parameter the hub cannot use is the caller's mistake: 400, naming the parameter. */
@Provider
public class InvalidQueryParameterMapper implements ExceptionMapper<InvalidQueryParameter> {

    @Override
    public Response toResponse(InvalidQueryParameter e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
