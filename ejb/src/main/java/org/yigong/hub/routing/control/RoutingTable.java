package org.yigong.hub.routing.control;

import java.util.List;

/** The routes in force, in the order of their files. */
public record RoutingTable(List<Route> routes) {

    public List<Route> matching(Route.Keys message) {
        return routes.stream().filter(route -> route.matches(message)).toList();
    }
}
