package org.yigong.hub.diagnosis.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a county centre (county-ris, county-ecg, county-lis) did with the orders of a period: how
 * many it read, how fast (median and 90th percentile from order to final report), how many reading
 * limits it missed, and how its critical values were acknowledged by the ordering townships.
 */
public record CentreFigures(String centre, long orders, long reported, long open, long cancelled, long withdrawn,
                            Percentiles turnaroundMinutes, long limitsMissed, long criticalValues,
                            Percentiles criticalAckMinutes, long criticalEscalated) {

    /** Median and 90th percentile (nearest rank); null when there is nothing to measure. */
    public record Percentiles(Long median, Long p90, int count) {
        static Percentiles of(List<Long> values) {
            if (values.isEmpty()) {
                return new Percentiles(null, null, 0);
            }
            List<Long> sorted = values.stream().sorted().toList();
            return new Percentiles(rank(sorted, 0.5), rank(sorted, 0.9), sorted.size());
        }

        private static Long rank(List<Long> sorted, double p) {
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** One order's process as its history tells it. */
    public record Order(String centre, boolean active, Map<String, Object> variables) {
        Object get(String name) {
            return variables.get(name);
        }
    }

    /** The figures per centre, by centre name. */
    public static List<CentreFigures> of(Collection<Order> orders) {
        Map<String, List<Order>> byCentre = new TreeMap<>();
        for (Order order : orders) {
            byCentre.computeIfAbsent(order.centre() == null ? "unknown" : order.centre(), c -> new ArrayList<>()).add(order);
        }
        return byCentre.entrySet().stream().map(e -> figures(e.getKey(), e.getValue())).toList();
    }

    private static CentreFigures figures(String centre, List<Order> orders) {
        List<Long> turnaround = new ArrayList<>();
        List<Long> acknowledgement = new ArrayList<>();
        long reported = 0;
        long open = 0;
        long cancelled = 0;
        long withdrawn = 0;
        long missed = 0;
        long critical = 0;
        long escalated = 0;
        for (Order order : orders) {
            open += order.active() ? 1 : 0;
            if (order.get("finalAt") != null) {
                reported++;
                if (order.get("turnaroundMinutes") instanceof Number minutes) {
                    turnaround.add(minutes.longValue());
                }
            }
            cancelled += "cancelled".equals(order.get("outcome")) ? 1 : 0;
            withdrawn += "withdrawn".equals(order.get("outcome")) ? 1 : 0;
            missed += Boolean.TRUE.equals(order.get("limitMissed")) ? 1 : 0;
            if (order.get("criticalAt") != null) {
                critical++;
                if (order.get("criticalAckMinutes") instanceof Number minutes) {
                    acknowledgement.add(minutes.longValue());
                }
            }
            escalated += Boolean.TRUE.equals(order.get("criticalEscalated")) ? 1 : 0;
        }
        return new CentreFigures(centre, orders.size(), reported, open, cancelled, withdrawn, Percentiles.of(turnaround),
                missed, critical, Percentiles.of(acknowledgement), escalated);
    }
}
