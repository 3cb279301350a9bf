package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.yigong.hub.platform.PlatformStatus;

/**
 * {@code GET /hub/api/status}: what the hub runs on (database, schema version, process engine and
 * its deployed processes), for operators checking a node and for monitoring.
 */
@RequestScoped
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"hub-admin", "hub-operator", "auditor"})
public class StatusResource {

    @Inject
    PlatformStatus platform;

    @GET
    public PlatformStatus.Status status() {
        return platform.current();
    }
}
