package org.yigong.hub.workflow.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yigong.hub.inbound.control.Hl7Segment;
import org.yigong.hub.inbound.control.Hl7Time;
import org.yigong.hub.result.control.CriticalValues;

/**
 * What a message means for an order's process: a new order, its cancellation or a report on it,
 * read from ORC, OBR and OBX of the message as the destination receives it (so the service is
 * the county's code after translation).
 *
 * <p>The order is known by its placer order number and the township that placed it: for orders
 * that is the sender (MSH-4), for results the receiver the county reports to (MSH-6).
 */
public record OrderEvent(Kind kind, String placerOrder, String fillerOrder, String orderingFacility,
                         String orderingDoctor, String service, String serviceName, String serviceCategory,
                         String priority, Instant orderedAt, String reportStatus, boolean critical,
                         String criticalFindings, Instant reportedAt) {

    public enum Kind { NEW_ORDER, CANCELLATION, REPORT, OTHER }

    /** HL7 table 0119: an order cancelled, discontinued or withdrawn by its placer. */
    static final Set<String> CANCELLING = Set.of("CA", "OC", "DC", "DR", "OD");

    private static final int MAX_FINDINGS = 500;

    /** The order's business key in its process: {@code <placer order>@<ordering facility>}. */
    public String businessKey() {
        return placerOrder + "@" + orderingFacility;
    }

    /**
     * @param text   the message, segments separated by carriage returns
     * @param type   MSH-9 as {@code ORM^O01}
     * @param centre the endpoint the order goes to, when the message does not say what kind of
     *               service it is (county-lis: laboratory, county-ecg: ECG)
     */
    public static OrderEvent read(String text, String type, String centre, ZoneId zone) {
        Segments message = new Segments(Hl7Segment.all(text));
        String family = type == null ? "" : type.split("\\^")[0];
        String orderControl = message.value("ORC", 1, 1).toUpperCase(Locale.ROOT);
        Kind kind;
        if ("ORU".equals(family)) {
            kind = Kind.REPORT;
        } else if (Set.of("ORM", "OMI", "OML", "OMG").contains(family)) {
            kind = CANCELLING.contains(orderControl) ? Kind.CANCELLATION
                    : "NW".equals(orderControl) || orderControl.isEmpty() ? Kind.NEW_ORDER : Kind.OTHER;
        } else {
            kind = Kind.OTHER;
        }
        String placer = firstOf(message.value("ORC", 2, 1), message.value("OBR", 2, 1));
        String filler = firstOf(message.value("ORC", 3, 1), message.value("OBR", 3, 1));
        String facility = kind == Kind.REPORT ? message.value("MSH", 6, 1) : message.value("MSH", 4, 1);
        Instant messageTime = Hl7Time.parse(message.value("MSH", 7, 1), zone);

        String status = null;
        boolean critical = false;
        List<String> findings = new ArrayList<>();
        Instant reportedAt = null;
        if (kind == Kind.REPORT) {
            status = java.util.Objects.requireNonNullElse(reportStatus(message), "F");
            reportedAt = firstOf(Hl7Time.parse(message.value("OBR", 22, 1), zone), messageTime);
            for (Hl7Segment obx : message.all("OBX")) {
                List<String> flags = obx.repetitions(8).stream().map(f -> obx.component(f, 1)).toList();
                var flag = CriticalValues.standard().flag(flags, obx.component(3, 1), obx.value(2).toUpperCase(Locale.ROOT),
                        String.join("", obx.repetitions(5).isEmpty() ? List.of() : obx.components(obx.repetitions(5).get(0))));
                if (flag.isPresent()) {
                    critical = true;
                    findings.add(finding(obx, flag.get()));
                }
            }
        }
        String joined = String.join("; ", findings);
        return new OrderEvent(kind, emptyToNull(placer), emptyToNull(filler), emptyToNull(facility),
                doctor(message), emptyToNull(message.value("OBR", 4, 1)), emptyToNull(message.value("OBR", 4, 2)),
                category(firstOf(message.value("OBR", 24, 1), message.value("OBR", 21, 1)), centre), priority(message),
                firstOf(Hl7Time.parse(message.value("ORC", 9, 1), zone), firstOf(Hl7Time.parse(message.value("ORC", 10, 1), zone),
                        firstOf(Hl7Time.parse(message.value("OBR", 7, 1), zone), messageTime))),
                status, critical, joined.isEmpty() ? null : joined.length() <= MAX_FINDINGS ? joined : joined.substring(0, MAX_FINDINGS),
                reportedAt);
    }

    /** C (a correction) outweighs F, and F outweighs P: the report as a whole is what its most advanced OBR says. */
    private static String reportStatus(Segments message) {
        String status = null;
        for (Hl7Segment obr : message.all("OBR")) {
            String s = obr.component(25, 1).toUpperCase(Locale.ROOT);
            if ("C".equals(s) || ("F".equals(s) && !"C".equals(status)) || status == null && !s.isEmpty()) {
                status = s;
            }
        }
        return status;
    }

    private static String finding(Hl7Segment obx, String flag) {
        String item = firstOf(obx.component(3, 2), obx.component(3, 1));
        String unit = obx.component(6, 1);
        return (item + " " + obx.component(5, 1) + (unit.isEmpty() ? "" : " " + unit)).trim() + " (" + flag + ")";
    }

    /** ORC-12 (or ORC-13, see {@link #priority}) as "刘延超 (D0101)". */
    private static String doctor(Segments message) {
        int field = message.value("ORC", 12, 1).isEmpty() && message.value("ORC", 12, 2).isEmpty() ? 13 : 12;
        String id = message.value("ORC", field, 1);
        String name = message.value("ORC", field, 2) + message.value("ORC", field, 3);
        if (name.isEmpty()) {
            return emptyToNull(id);
        }
        return id.isEmpty() ? name : name + " (" + id + ")";
    }

    /**
     * The service's kind, for reading time limits: OBR-24 (HL7 table 0074) where the sender fills
     * it in, otherwise the centre the order goes to.
     */
    static String category(String diagnosticService, String centre) {
        switch (diagnosticService.toUpperCase(Locale.ROOT)) {
            case "CT": return "CT";
            case "DX": case "CR": case "RX": return "DR";
            case "MR": return "MR";
            case "US": return "US";
            case "EC": case "CUS": return "ECG";
            case "HM": case "CH": case "LAB": case "SR": case "MB": case "IMM": case "BG": case "URN": return "LAB";
            default:
                if ("county-lis".equals(centre)) {
                    return "LAB";
                }
                return "county-ecg".equals(centre) ? "ECG" : "OTHER";
        }
    }

    /**
     * Priority from the order's timing: ORC-7 or OBR-27 component 6 up to 2.4, TQ1-9 from 2.5.
     * The township HIS of this county write ORC from field 7 on, and OBR from field 21 on, one
     * and three fields late (timing in ORC-8, the ordering time in ORC-10, the doctor in ORC-13,
     * the diagnostic service in OBR-21, the timing in OBR-24); where the standard place is empty,
     * the late one is read, since those fields have no other use in an order they send.
     */
    static String priority(Segments message) {
        String code = firstOf(message.value("ORC", 7, 6), firstOf(message.value("OBR", 27, 6), message.value("TQ1", 9, 1)));
        code = firstOf(code, firstOf(message.value("ORC", 8, 6), message.value("OBR", 24, 6)));
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "S" -> "STAT";
            case "A", "P" -> "ASAP";
            default -> "ROUTINE";
        };
    }

    private static <T> T firstOf(T value, T otherwise) {
        return value == null || "".equals(value) ? otherwise : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The segments of a message by name, with "" for what is absent. */
    record Segments(List<Hl7Segment> segments) {

        List<Hl7Segment> all(String name) {
            return segments.stream().filter(s -> s.is(name)).toList();
        }

        String value(String segment, int field, int component) {
            return segments.stream().filter(s -> s.is(segment)).findFirst().map(s -> s.component(field, component)).orElse("");
        }
    }
}
