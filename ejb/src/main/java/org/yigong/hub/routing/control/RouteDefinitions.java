package org.yigong.hub.routing.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yigong.hub.mapping.control.DefinitionException;
import org.yigong.hub.mapping.control.DefinitionFile;
import org.yigong.hub.mapping.control.MappingResources;

/**
 * Reads the routes of hl7-mappings ({@code routes/*.route}) and checks them against what exists:
 * a route naming an endpoint or a mapping that is not defined fails the start, with file and line.
 *
 * <pre>
 * name = township-imaging-orders
 * facility = TWN_*                  # MSH-4; * is a wildcard; several, comma-separated
 * application = TWN_HIS             # MSH-3 (optional)
 * type = ORM^O01                    # MSH-9; ORM alone matches every trigger
 * receiving-application = CNTY_RIS  # MSH-5 (optional)
 * to = county-ris                   # endpoints; {receiving-facility} / {sending-facility} are filled in
 * mapping = township-imaging-order-to-county-ris
 * process = remote-diagnosis        # BPMN process key: a new order starts it, its report or
 *                                   # cancellation is correlated to it (optional)
 * </pre>
 *
 * A route needs {@code to}, {@code process} or both. Whether a named process is deployed is checked
 * when the hub starts routing, since processes are deployed after the routes are read.
 */
public final class RouteDefinitions {

    static final List<String> SETTINGS = List.of("name", "description", "facility", "application", "type",
            "receiving-application", "to", "mapping", "process");

    private RouteDefinitions() {
    }

    /**
     * @param endpoints names of the defined endpoints; a templated endpoint
     *                  ({@code township-his.{receiving-facility}}) is checked when a message uses it
     * @param mappings  names of the defined mappings
     */
    public static List<Route> load(MappingResources resources, Set<String> endpoints, Set<String> mappings) {
        List<Route> routes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (String path : resources.list("routes/", ".route")) {
            Route route = parse(path, resources.read(path), endpoints, mappings);
            String other = names.putIfAbsent(route.name(), path);
            if (other != null) {
                throw new DefinitionException(path, 0, "route name '" + route.name() + "' is also used by " + other);
            }
            routes.add(route);
        }
        return routes;
    }

    static Route parse(String path, String content, Set<String> endpoints, Set<String> mappings) {
        DefinitionFile file = DefinitionFile.parse(path, content).allowOnly(SETTINGS);
        List<String> to = file.list("to");
        String process = file.text("process", null);
        if (to.isEmpty() && process == null) {
            throw new DefinitionException(path, 0, "'to' is missing: name the endpoints this route delivers to (or the process it hands messages to)");
        }
        if (process != null && !process.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw file.error(file.setting("process").orElseThrow(), "'" + process + "' is not a BPMN process key");
        }
        for (String endpoint : to) {
            if (!endpoint.contains("{") && !endpoints.contains(endpoint)) {
                throw file.error(file.setting("to").orElseThrow(), "no endpoint '" + endpoint + "' (endpoints/*.endpoint)");
            }
        }
        String mapping = file.text("mapping", null);
        if (mapping != null && !mappings.contains(mapping)) {
            throw file.error(file.setting("mapping").orElseThrow(), "no mapping '" + mapping + "' (mappings/" + mapping + "/mapping.map)");
        }
        return new Route(file.text("name"), file.text("description", ""), patterns(file.list("facility")),
                patterns(file.list("application")), file.list("type"), patterns(file.list("receiving-application")),
                to, mapping, process, path);
    }

    private static List<Pattern> patterns(List<String> values) {
        return values.stream().map(v -> Pattern.compile(Pattern.quote(v).replace("*", "\\E.*\\Q"))).toList();
    }
}
