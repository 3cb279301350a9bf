package org.yigong.hub.diagnosis.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CentreFiguresTest {

    static CentreFigures.Order reported(String centre, long minutes) {
        return new CentreFigures.Order(centre, false, Map.of("centre", centre, "finalAt", new Date(), "turnaroundMinutes", minutes,
                "outcome", "reported"));
    }

    @Test
    void turnaroundIsMeasuredOverFinalReportsPerCentre() {
        List<CentreFigures.Order> orders = new ArrayList<>();
        for (long minutes = 1; minutes <= 10; minutes++) {
            orders.add(reported("county-ris", minutes * 10));
        }
        orders.add(reported("county-ecg", 4));
        orders.add(new CentreFigures.Order("county-ris", true, Map.of("centre", "county-ris")));

        List<CentreFigures> figures = CentreFigures.of(orders);

        assertThat(figures).extracting(CentreFigures::centre).containsExactly("county-ecg", "county-ris");
        CentreFigures ris = figures.get(1);
        assertThat(ris.orders()).isEqualTo(11);
        assertThat(ris.reported()).isEqualTo(10);
        assertThat(ris.open()).isEqualTo(1);
        assertThat(ris.turnaroundMinutes()).isEqualTo(new CentreFigures.Percentiles(50L, 90L, 10));
        assertThat(figures.get(0).turnaroundMinutes()).isEqualTo(new CentreFigures.Percentiles(4L, 4L, 1));
    }

    @Test
    void missedLimitsCriticalValuesAndTheirAcknowledgementAreCounted() {
        Map<String, Object> critical = new HashMap<>(Map.of("centre", "county-lis", "finalAt", new Date(), "turnaroundMinutes", 55L,
                "limitMissed", true, "criticalAt", new Date(), "criticalAckMinutes", 12L, "criticalEscalated", true));
        Map<String, Object> cancelled = Map.of("centre", "county-lis", "outcome", "cancelled");
        Map<String, Object> withdrawn = Map.of("centre", "county-lis", "outcome", "withdrawn");
        Map<String, Object> unacknowledged = Map.of("centre", "county-lis", "criticalAt", new Date());

        CentreFigures lis = CentreFigures.of(List.of(new CentreFigures.Order("county-lis", false, critical),
                new CentreFigures.Order("county-lis", false, cancelled), new CentreFigures.Order("county-lis", false, withdrawn),
                new CentreFigures.Order("county-lis", true, unacknowledged))).get(0);

        assertThat(lis.limitsMissed()).isEqualTo(1);
        assertThat(lis.criticalValues()).isEqualTo(2);
        assertThat(lis.criticalAckMinutes()).isEqualTo(new CentreFigures.Percentiles(12L, 12L, 1));
        assertThat(lis.criticalEscalated()).isEqualTo(1);
        assertThat(lis.cancelled()).isEqualTo(1);
        assertThat(lis.withdrawn()).isEqualTo(1);
        assertThat(lis.reported()).isEqualTo(1);
    }

    @Test
    void nothingToMeasureGivesNoFigureRatherThanZero() {
        CentreFigures none = CentreFigures.of(List.of(new CentreFigures.Order(null, true, Map.of()))).get(0);
        assertThat(none.centre()).isEqualTo("unknown");
        assertThat(none.turnaroundMinutes().median()).isNull();
        assertThat(none.criticalAckMinutes().count()).isZero();
    }
}
