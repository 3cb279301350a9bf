package org.yigong.hub.result.control;

import org.yigong.hub.inbound.control.Hl7Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the OBX segments of one OBR amount to, for a clinician deciding whether to repeat the test:
 * whether anything is abnormal or critical, and a short summary.
 *
 * <p>The summary is, in this order of preference:
 * <ol>
 * <li>the conclusion of a text report: the text observations whose code or name says conclusion
 *     ({@code CONC}, {@code IMPRESSION}, LOINC 19005-8; 诊断, 结论, 意见, 印象, 提示 — ultrasound
 *     reports call theirs 超声提示). The county RIS codes its findings {@code IMP} (影像所见), so
 *     {@code IMP} alone does not count as a conclusion;
 * <li>the values, {@code WBC 11.8 10*9/L H; HGB 128 g/L L; PLT 236 10*9/L}: code, value, unit and
 *     the flag when not normal, the abnormal ones first, so that what matters survives the cut;
 * <li>the first text observation (all its lines).
 * </ol>
 * Observations marked deleted or wrong (OBX-11 D, W) count for nothing. The summary is at most
 * {@value #MAX_LENGTH} characters; a list is cut between values and ends with "…".
 */
record ObservationSummary(boolean abnormal, boolean critical, String summary) {

    static final int MAX_LENGTH = 500;

    private static final Set<String> TEXT_TYPES = Set.of("TX", "FT");
    private static final Set<String> CONCLUSION_TYPES = Set.of("TX", "FT", "ST");
    private static final Set<String> CONCLUSION_CODES = Set.of("CONC", "CONCLUSION", "IMPRESSION", "DIAG", "DIAGNOSIS", "19005-8");
    private static final List<String> CONCLUSION_WORDS = List.of("诊断", "结论", "意见", "印象", "提示");
    private static final Set<String> WITHDRAWN = Set.of("D", "W");

    /** One OBX as the summary sees it. */
    private record Observation(String type, String code, String name, String value, String units, List<String> flags) {

        boolean abnormal() {
            return flags.stream().anyMatch(f -> !f.isEmpty() && !"N".equals(f));
        }

        boolean critical() {
            return flags.stream().anyMatch(CriticalValues.CRITICAL_FLAGS::contains);
        }

        boolean conclusion() {
            return CONCLUSION_TYPES.contains(type) && (CONCLUSION_CODES.contains(code.toUpperCase(Locale.ROOT))
                    || CONCLUSION_WORDS.stream().anyMatch(name::contains));
        }

        String asValue() {
            StringBuilder text = new StringBuilder(code.isEmpty() ? name : code).append(' ').append(value);
            if (!units.isEmpty()) {
                text.append(' ').append(units);
            }
            if (abnormal()) {
                text.append(' ').append(String.join(",", flags.stream().filter(f -> !f.isEmpty()).toList()));
            }
            return text.toString();
        }
    }

    static ObservationSummary of(List<Hl7Segment> obxSegments) {
        List<Observation> observations = new ArrayList<>();
        for (Hl7Segment obx : obxSegments) {
            if (!WITHDRAWN.contains(obx.value(11).toUpperCase(Locale.ROOT))) {
                observations.add(observation(obx));
            }
        }
        boolean abnormal = observations.stream().anyMatch(Observation::abnormal);
        boolean critical = observations.stream().anyMatch(Observation::critical);
        return new ObservationSummary(abnormal, critical, summary(observations));
    }

    private static Observation observation(Hl7Segment obx) {
        String type = obx.value(2).toUpperCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (String repetition : obx.repetitions(5)) {
            String value = value(obx, type, repetition);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        List<String> flags = new ArrayList<>();
        for (String flag : obx.repetitions(8)) {
            flags.add(obx.component(flag, 1).toUpperCase(Locale.ROOT));
        }
        String value = oneLine(String.join(TEXT_TYPES.contains(type) ? " " : ",", values));
        // a value beyond the county's critical limits is critical even where the LIS did not flag it
        CriticalValues.standard().flag(flags, obx.component(3, 1), type, value)
                .filter(flag -> !flags.contains(flag)).ifPresent(flags::add);
        return new Observation(type, obx.component(3, 1), obx.component(3, 2), value, obx.component(6, 1), flags);
    }

    /** SN ({@code <^0.5}, {@code ^1^:^128}) reads as written together; a coded value by its text. */
    private static String value(Hl7Segment obx, String type, String repetition) {
        return switch (type) {
            case "SN" -> String.join("", obx.components(repetition));
            case "CE", "CWE", "CNE" -> obx.component(repetition, 2).isEmpty()
                    ? obx.component(repetition, 1) : obx.component(repetition, 2);
            default -> String.join(" ", obx.components(repetition)).trim();
        };
    }

    private static String summary(List<Observation> observations) {
        List<Observation> conclusion = observations.stream().filter(Observation::conclusion).toList();
        if (!conclusion.isEmpty()) {
            return cut(String.join(" ", conclusion.stream().map(Observation::value).toList()));
        }
        List<Observation> values = observations.stream().filter(o -> !TEXT_TYPES.contains(o.type()) && !o.value().isEmpty()).toList();
        if (!values.isEmpty()) {
            List<Observation> abnormalFirst = new ArrayList<>(values.stream().filter(Observation::abnormal).toList());
            abnormalFirst.addAll(values.stream().filter(o -> !o.abnormal()).toList());
            return list(abnormalFirst);
        }
        for (Observation text : observations) {
            if (!text.value().isEmpty()) {
                // a report sent line by line repeats the OBX-3 of its first line
                return cut(String.join(" ", observations.stream()
                        .filter(o -> o.code().equals(text.code()) && o.type().equals(text.type())).map(Observation::value).toList()));
            }
        }
        return null;
    }

    private static String list(List<Observation> values) {
        StringBuilder list = new StringBuilder();
        for (Observation value : values) {
            String item = (list.length() == 0 ? "" : "; ") + value.asValue();
            if (list.length() + item.length() > MAX_LENGTH - 1) {
                return list.length() == 0 ? cut(value.asValue()) : list.append('…').toString();
            }
            list.append(item);
        }
        return list.toString();
    }

    /** At most MAX_LENGTH characters, never half of a character outside the BMP. */
    static String cut(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
