package org.yigong.hub.routing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yigong.hub.mapping.control.DefinitionException;

class RouteDefinitionsTest {

    static final Set<String> ENDPOINTS = Set.of("county-ris", "county-his");
    static final Set<String> MAPPINGS = Set.of("township-imaging-order-to-county-ris");

    @Test
    void aRouteCanDeliverAndHandItsMessagesToAProcess() {
        Route route = RouteDefinitions.parse("routes/imaging.route", """
                name = township-imaging-orders
                facility = TWN_*
                type = ORM^O01
                to = county-ris
                mapping = township-imaging-order-to-county-ris
                process = remote-diagnosis
                """, ENDPOINTS, MAPPINGS);
        assertThat(route.process()).isEqualTo("remote-diagnosis");
        assertThat(route.endpoints()).containsExactly("county-ris");
        assertThat(route.matches(new Route.Keys("TWN_HIS", "TWN_KHZ", "CNTY_RIS", "CNTY_GH", "ORM^O01"))).isTrue();
        assertThat(route.matches(new Route.Keys("TWN_HIS", "CNTY_GH", "CNTY_RIS", "CNTY_GH", "ORM^O01"))).isFalse();
    }

    @Test
    void aRouteToAProcessAloneNeedsNoEndpoint() {
        Route route = RouteDefinitions.parse("routes/referrals.route", """
                name = referrals
                type = REF^I12
                process = two-way-referral
                """, ENDPOINTS, MAPPINGS);
        assertThat(route.endpoints()).isEmpty();
        assertThat(route.process()).isEqualTo("two-way-referral");
    }

    @Test
    void aRouteGoingNowhereFailsWithItsFile() {
        assertThatThrownBy(() -> RouteDefinitions.parse("routes/nowhere.route", "name = nowhere\ntype = ADT\n", ENDPOINTS, MAPPINGS))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("routes/nowhere.route")
                .hasMessageContaining("'to' is missing");
    }

    @Test
    void aProcessKeyThatCannotBeOneFailsWithFileAndLine() {
        assertThatThrownBy(() -> RouteDefinitions.parse("routes/bad.route", "name = bad\ntype = ADT\nprocess = remote diagnosis\n",
                ENDPOINTS, MAPPINGS))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("routes/bad.route:3")
                .hasMessageContaining("not a BPMN process key");
    }

    @Test
    void anUnknownEndpointOrMappingFailsWithFileAndLine() {
        assertThatThrownBy(() -> RouteDefinitions.parse("routes/x.route", "name = x\nto = county-lab\n", ENDPOINTS, MAPPINGS))
                .hasMessageContaining("routes/x.route:2").hasMessageContaining("no endpoint 'county-lab'");
        assertThatThrownBy(() -> RouteDefinitions.parse("routes/x.route", "name = x\nto = county-ris\nmapping = nope\n", ENDPOINTS, MAPPINGS))
                .hasMessageContaining("routes/x.route:3").hasMessageContaining("no mapping 'nope'");
    }
}
