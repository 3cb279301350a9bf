package org.yigong.hub.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The hub's REST API at {@code /hub/api}. Authentication is HTTP Basic against the HubRealm (web.xml). */
@ApplicationPath("api")
public class HubApi extends Application {
}
