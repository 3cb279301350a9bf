package org.yigong.hub.routing.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where messages of a kind go: a condition on the MSH of a message, the endpoints it is delivered
 * to, the mapping it is translated with on the way, and the process it belongs to. Every route
 * that matches a message applies (a lab order may go to the LIS and to a workflow).
 *
 * @param endpoints endpoint names; {@code {sending-facility}} and {@code {receiving-facility}} are
 *                  replaced from MSH-4 and MSH-6, so results find the HIS of the ordering township
 * @param process   key of the BPMN process the route's messages are handed to (started by a new
 *                  order, correlated by its report or cancellation), or null
 */
public record Route(String name, String description, List<Pattern> facilities, List<Pattern> applications,
                    List<String> types, List<Pattern> receivingApplications, List<String> endpoints,
                    String mapping, String process, String source) {

    /** The fields of a message a route is chosen by. */
    public record Keys(String sendingApplication, String sendingFacility, String receivingApplication,
                       String receivingFacility, String type) {
    }

    public boolean matches(Keys message) {
        return any(facilities, message.sendingFacility())
                && any(applications, message.sendingApplication())
                && any(receivingApplications, message.receivingApplication())
                && (types.isEmpty() || types.stream().anyMatch(t -> typeMatches(t, message.type())));
    }

    /** The endpoints of this route for a message. */
    public List<String> endpointsFor(Keys message) {
        return endpoints.stream()
                .map(e -> e.replace("{sending-facility}", nullToEmpty(message.sendingFacility()))
                        .replace("{receiving-facility}", nullToEmpty(message.receivingFacility())))
                .toList();
    }

    private static boolean any(List<Pattern> patterns, String value) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(nullToEmpty(value)).matches());
    }

    /** {@code ORM} matches every ORM trigger; {@code ORM^O01} only that one. */
    static boolean typeMatches(String wanted, String type) {
        String actual = nullToEmpty(type);
        return wanted.contains("^") ? wanted.equals(actual) : actual.equals(wanted) || actual.startsWith(wanted + "^");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
