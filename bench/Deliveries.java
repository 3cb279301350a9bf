import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what the receiving systems got (the record files of {@code MllpEcho --record}) against
 * what the sender was told (the {@code --acked} files of {@code MllpLoad}) and what the hub stored.
 * Run with {@code java bench/Deliveries.java --help} from the repository root.
 *
 * <p>{@code verify} is the judgement of the crash test: every ACKed message stored, delivered to
 * its endpoint, translated into exactly one outbound message, in order. {@code latency} gives the
 * end-to-end figures of a run: receive time at the sink minus the send time MllpLoad put in the
 * marker.
 */
public class Deliveries {

    static final String USAGE = """
            usage: java bench/Deliveries.java verify --run ID --acked FILE[,FILE...] --stored FILE
                                              --sinks NAME=FILE[,NAME=FILE...] [--messages N]
                   java bench/Deliveries.java latency --run ID --sink FILE [--expected N] [--label L]

            verify   the crash test's checks. --sinks lists the endpoints in the order of MllpLoad's
                     templates: message k of a connection was sent with template k mod n, so it
                     belongs to the n-th sink. --stored has the control ids the hub stored, one per
                     line (first word; a second word is its status). --messages: how many were sent
                     (each must be ACKed in the end). Exit status 0 only if every check holds.
            latency  end-to-end latency of the messages of run ID that reached the sink, and the
                     delivered rate (messages / (last receive - first send)). --expected N: fail
                     (exit 1) if fewer arrived.

            Record lines: "<receive time, epoch us> <MSH-10> <marker>", marker = <run>-<conn>-<seq>.<send time, epoch us>.
            Acked lines: "<control id> <marker> <MSA-1>".""";

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Map<String, String> options = new HashMap<>();
        if (args.length % 2 != 1) {
            usage("options come as --name value pairs");
        }
        for (int i = 1; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        boolean ok = switch (args[0]) {
            case "verify" -> verify(options, System.out);
            case "latency" -> latency(options, System.out);
            default -> {
                usage("unknown command " + args[0]);
                yield false;
            }
        };
        System.exit(ok ? 0 : 1);
    }

    private static void usage(String problem) {
        System.err.println("Deliveries: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            usage(name + " is required");
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------

    /** A marker taken apart: which message of which connection, sent when. */
    record Marker(String controlId, String run, int connection, long sequence, long sentMicros) {

        /** The marker, or null if it is not one of MllpLoad's. */
        static Marker parse(String text) {
            int dot = text.lastIndexOf('.');
            String controlId = dot < 0 ? text : text.substring(0, dot);
            String[] parts = controlId.split("-");
            if (parts.length != 3) {
                return null;
            }
            try {
                long sent = dot < 0 ? 0 : Long.parseLong(text.substring(dot + 1));
                return new Marker(controlId, parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), sent);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** One frame a sink received. */
    record Arrival(long receivedMicros, String controlId, Marker marker) {
    }

    private static List<Arrival> readRecord(Path file) throws IOException {
        List<Arrival> arrivals = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 3) {
                continue;
            }
            arrivals.add(new Arrival(Long.parseLong(words[0]), words[1], Marker.parse(words[2])));
        }
        // lines are written by several sessions; a sink's order is the order of receipt
        arrivals.sort((a, b) -> Long.compare(a.receivedMicros(), b.receivedMicros()));
        return arrivals;
    }

    // ------------------------------------------------------------------------------------------

    static boolean verify(Map<String, String> options, PrintStream out) throws IOException {
        String run = required(options, "--run");
        long messages = Long.parseLong(options.getOrDefault("--messages", "-1"));

        // what the sender was told: control id -> marker of the accepted send
        Map<String, Marker> acked = new LinkedHashMap<>();
        List<Long> ackedPerFile = new ArrayList<>();
        for (String file : required(options, "--acked").split(",")) {
            long count = 0;
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 2 && words[0].startsWith(run + "-")) {
                    Marker marker = Marker.parse(words[1]);
                    if (marker != null && acked.putIfAbsent(words[0], marker) == null) {
                        count++;
                    }
                }
            }
            ackedPerFile.add(count);
        }

        // what the hub stored
        List<String> storedLines = Files.readAllLines(Path.of(required(options, "--stored")), StandardCharsets.UTF_8);
        Set<String> stored = new HashSet<>();
        long storedRows = 0;
        Map<String, Long> statuses = new TreeMap<>();
        for (String line : storedLines) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            storedRows++;
            stored.add(words[0]);
            statuses.merge(words.length > 1 ? words[1] : "?", 1L, Long::sum);
        }
        long ackedNotStored = acked.keySet().stream().filter(id -> !stored.contains(id)).count();
        long storedNotAcked = stored.stream().filter(id -> !acked.containsKey(id)).count();
        long storedTwice = storedRows - stored.size();

        // what the endpoints received
        List<String[]> sinks = new ArrayList<>();
        for (String sink : required(options, "--sinks").split(",")) {
            String[] nameFile = sink.split("=", 2);
            if (nameFile.length != 2) {
                usage("--sinks takes NAME=FILE pairs, not " + sink);
            }
            sinks.add(nameFile);
        }
        Map<String, Integer> endpointOfMarker = new HashMap<>();
        List<SinkCheck> checks = new ArrayList<>();
        for (int i = 0; i < sinks.size(); i++) {
            SinkCheck check = new SinkCheck(sinks.get(i)[0], i, sinks.size(), run, readRecord(Path.of(sinks.get(i)[1])), acked);
            checks.add(check);
        }
        // a message that reached two endpoints where one was meant also counts as translated twice there
        for (SinkCheck check : checks) {
            for (String id : check.markers.keySet()) {
                endpointOfMarker.merge(id, 1, Integer::sum);
            }
        }
        long onSeveralEndpoints = endpointOfMarker.values().stream().filter(n -> n > 1).count();

        long notAcked = messages >= 0 ? messages - acked.size() : 0;

        out.printf(Locale.ROOT, "%n=== verification (run %s) ===%n", run);
        if (messages >= 0) {
            out.printf(Locale.ROOT, "messages sent             %d%n", messages);
        }
        out.printf(Locale.ROOT, "ACKed (AA/CA)             %d   (per phase: %s)%n", acked.size(),
                String.join(" + ", ackedPerFile.stream().map(String::valueOf).toList()));
        if (messages >= 0) {
            out.printf(Locale.ROOT, "never ACKed               %d%n", notAcked);
        }
        out.printf(Locale.ROOT, "stored by the hub         %d rows, %d distinct control ids   %s%n", storedRows, stored.size(), statuses);
        out.printf(Locale.ROOT, "ACKed but not stored      %d%n", ackedNotStored);
        out.printf(Locale.ROOT, "stored twice              %d%n", storedTwice);
        out.printf(Locale.ROOT, "stored, never ACKed       %d%n", storedNotAcked);
        out.println();
        out.printf(Locale.ROOT, "%-14s %8s %8s %8s %10s %11s %12s %12s %9s %9s%n", "endpoint", "expected", "arrived",
                "missing", "not-ACKed", "wrong-endp", "2-outbound", "redelivered", "order-id", "order-seq");
        for (SinkCheck check : checks) {
            out.printf(Locale.ROOT, "%-14s %8d %8d %8d %10d %11d %12d %12d %9d %9d%n", check.name, check.expected,
                    check.markers.size(), check.missing, check.notAcked, check.wrongEndpoint, check.translatedTwice,
                    check.redelivered, check.idOrderViolations, check.sequenceOrderViolations);
        }
        for (SinkCheck check : checks) {
            check.printDetails(out);
        }
        out.println();
        out.println("expected: ACKed messages meant for the endpoint; arrived: distinct messages (markers) received;");
        out.println("not-ACKed: arrived but never ACKed to the sender; wrong-endp: meant for another endpoint;");
        out.println("2-outbound: one message received under two or more outbound MSH-10s (translated twice);");
        out.println("redelivered: extra receipts of an outbound MSH-10 already received (at-least-once window, not a failure);");
        out.println("order-id / order-seq: first receipts whose delivery id / per-connection sequence is not above the previous one.");

        List<String> failures = new ArrayList<>();
        if (notAcked > 0) {
            failures.add(notAcked + " messages never ACKed, even after the resend");
        }
        if (ackedNotStored > 0) {
            failures.add(ackedNotStored + " ACKed messages not stored");
        }
        if (storedTwice > 0) {
            failures.add(storedTwice + " control ids stored twice");
        }
        if (onSeveralEndpoints > 0) {
            failures.add(onSeveralEndpoints + " messages arrived at more than one endpoint");
        }
        for (SinkCheck check : checks) {
            failures.addAll(check.failures());
        }
        long redeliveries = checks.stream().mapToLong(c -> c.redelivered).sum();
        out.println();
        out.printf(Locale.ROOT, "RESULT run=%s acked=%d notAcked=%d stored=%d ackedNotStored=%d storedTwice=%d missing=%d translatedTwice=%d redelivered=%d orderViolations=%d%n",
                run, acked.size(), notAcked, storedRows, ackedNotStored, storedTwice,
                checks.stream().mapToLong(c -> c.missing).sum(), checks.stream().mapToLong(c -> c.translatedTwice).sum(),
                redeliveries, checks.stream().mapToLong(c -> c.idOrderViolations + c.sequenceOrderViolations).sum());
        if (failures.isEmpty()) {
            out.printf(Locale.ROOT, "PASS: every ACKed message is stored once and was delivered exactly once per endpoint, in order"
                    + " (%d outbound messages received a second time, see above)%n", redeliveries);
            return true;
        }
        out.println("FAIL:");
        failures.forEach(f -> out.println("  - " + f));
        return false;
    }

    /** The checks of one receiving system. */
    static final class SinkCheck {
        final String name;
        long expected;
        long missing;
        long notAcked;
        long wrongEndpoint;
        long translatedTwice;
        long redelivered;
        long foreign;
        long markerMismatch;
        long idOrderViolations;
        long sequenceOrderViolations;
        /** marker's control id -> the outbound MSH-10s it arrived under */
        final Map<String, Set<String>> markers = new LinkedHashMap<>();
        private final List<String> examples = new ArrayList<>();

        SinkCheck(String name, int index, int sinks, String run, List<Arrival> arrivals, Map<String, Marker> acked) {
            this.name = name;
            Map<String, String> markerOfOutbound = new HashMap<>();
            Map<String, Integer> receipts = new HashMap<>();
            Map<Integer, Long> lastSequence = new HashMap<>();
            long lastDeliveryId = Long.MIN_VALUE;
            for (Arrival arrival : arrivals) {
                Marker marker = arrival.marker();
                if (marker == null || !marker.run().equals(run)) {
                    foreign++;
                    example("not a message of run " + run + ": " + arrival.controlId());
                    continue;
                }
                int count = receipts.merge(arrival.controlId(), 1, Integer::sum);
                String earlier = markerOfOutbound.putIfAbsent(arrival.controlId(), marker.controlId());
                if (earlier != null && !earlier.equals(marker.controlId())) {
                    markerMismatch++;
                    example("outbound " + arrival.controlId() + " carried " + earlier + " and then " + marker.controlId());
                }
                markers.computeIfAbsent(marker.controlId(), k -> new LinkedHashSet<>()).add(arrival.controlId());
                if (count > 1) {
                    redelivered++;
                    example("outbound " + arrival.controlId() + " (" + marker.controlId() + ") received " + count + " times");
                    continue; // order is judged on first receipts; a redelivery repeats one already counted
                }
                // each against the one before it, so one message out of place counts once or twice, not for every later one
                long deliveryId = deliveryId(arrival.controlId());
                if (deliveryId <= lastDeliveryId) {
                    idOrderViolations++;
                    example("outbound " + arrival.controlId() + " received after YG" + lastDeliveryId);
                }
                lastDeliveryId = deliveryId;
                Long previous = lastSequence.put(marker.connection(), marker.sequence());
                if (previous != null && marker.sequence() <= previous) {
                    sequenceOrderViolations++;
                    example(marker.controlId() + " received after sequence " + previous + " of its connection");
                }
                if (marker.sequence() % sinks != index) {
                    wrongEndpoint++;
                    example(marker.controlId() + " is not meant for " + name);
                }
            }
            for (Map.Entry<String, Set<String>> entry : markers.entrySet()) {
                if (entry.getValue().size() > 1) {
                    translatedTwice++;
                    example(entry.getKey() + " received as " + entry.getValue());
                }
                if (!acked.containsKey(entry.getKey())) {
                    notAcked++;
                }
            }
            for (Marker marker : acked.values()) {
                if (marker.sequence() % sinks == index) {
                    expected++;
                    if (!markers.containsKey(marker.controlId())) {
                        missing++;
                        example(marker.controlId() + " ACKed but never received");
                    }
                }
            }
        }

        private static long deliveryId(String outboundControlId) {
            try {
                return Long.parseLong(outboundControlId.replaceFirst("^YG", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private void example(String text) {
            if (examples.size() < 10) {
                examples.add(text);
            }
        }

        void printDetails(PrintStream out) {
            if (!examples.isEmpty()) {
                out.printf(Locale.ROOT, "%s: %s%s%n", name, String.join("; ", examples),
                        foreign > 0 ? "; " + foreign + " frames of no message of this run" : "");
            }
        }

        List<String> failures() {
            List<String> failures = new ArrayList<>();
            if (missing > 0) {
                failures.add(name + ": " + missing + " ACKed messages never arrived");
            }
            if (translatedTwice > 0) {
                failures.add(name + ": " + translatedTwice + " messages arrived as two or more outbound messages");
            }
            if (wrongEndpoint > 0) {
                failures.add(name + ": " + wrongEndpoint + " messages meant for another endpoint");
            }
            if (notAcked > 0) {
                failures.add(name + ": " + notAcked + " messages arrived that the sender never saw ACKed");
            }
            if (markerMismatch > 0) {
                failures.add(name + ": " + markerMismatch + " outbound MSH-10s used for two different messages");
            }
            if (foreign > 0) {
                failures.add(name + ": " + foreign + " frames that are no message of this run");
            }
            if (idOrderViolations + sequenceOrderViolations > 0) {
                failures.add(name + ": out of order (" + idOrderViolations + " by delivery id, "
                        + sequenceOrderViolations + " by per-connection sequence)");
            }
            return failures;
        }
    }

    // ------------------------------------------------------------------------------------------

    static boolean latency(Map<String, String> options, PrintStream out) throws IOException {
        String run = required(options, "--run");
        String label = options.getOrDefault("--label", run);
        long expected = Long.parseLong(options.getOrDefault("--expected", "-1"));
        Set<String> seen = new HashSet<>();
        List<Long> latencies = new ArrayList<>();
        long firstSent = Long.MAX_VALUE;
        long lastReceived = Long.MIN_VALUE;
        long repeats = 0;
        for (Arrival arrival : readRecord(Path.of(required(options, "--sink")))) {
            Marker marker = arrival.marker();
            if (marker == null || !marker.run().equals(run)) {
                continue;
            }
            if (!seen.add(marker.controlId())) {
                repeats++; // the latency of a message is that of its first receipt
                continue;
            }
            latencies.add(arrival.receivedMicros() - marker.sentMicros());
            firstSent = Math.min(firstSent, marker.sentMicros());
            lastReceived = Math.max(lastReceived, arrival.receivedMicros());
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = sorted.length > 0 ? Math.max(lastReceived - firstSent, 1) / 1e6 : 0;
        double rate = seconds > 0 ? sorted.length / seconds : 0;
        out.printf(Locale.ROOT, "%n== %s (end to end, sink receipt minus send) ==%n", label);
        out.printf(Locale.ROOT, "  delivered     %d messages%s in %.3f s: %.1f msg/s%n", sorted.length,
                expected >= 0 ? " of " + expected : "", seconds, rate);
        out.printf(Locale.ROOT, "  latency       p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   p99.9 %.3f ms   max %.3f ms%n",
                percentileMs(sorted, 50), percentileMs(sorted, 90), percentileMs(sorted, 99),
                percentileMs(sorted, 99.9), percentileMs(sorted, 100));
        if (repeats > 0) {
            out.printf(Locale.ROOT, "  repeats       %d messages received more than once (first receipt counted)%n", repeats);
        }
        out.printf(Locale.ROOT, "RESULT label=%s msgs=%d secs=%.3f rate=%.1f p50ms=%.3f p90ms=%.3f p99ms=%.3f p999ms=%.3f maxms=%.3f repeats=%d%n",
                label.replaceAll("\\s+", "_"), sorted.length, seconds, rate, percentileMs(sorted, 50), percentileMs(sorted, 90),
                percentileMs(sorted, 99), percentileMs(sorted, 99.9), percentileMs(sorted, 100), repeats);
        return expected < 0 || sorted.length >= expected;
    }

    /** Exact nearest-rank percentile, microseconds in, milliseconds out. */
    static double percentileMs(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e3;
    }
}
