import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.LockSupport;

/**
 * MLLP load generator for the hub's inbound path.
 *
 * <p>Every connection is one socket used synchronously (send a frame, wait for its ACK, send the
 * next), which is how a township HIS talks to the hub. Run with {@code java bench/MllpLoad.java
 * --help} from the repository root.
 *
 * <p>Closed loop ({@code --rate 0}) measures the maximum throughput: each connection sends as soon
 * as the previous ACK arrived, and latency is ACK received minus send. Open loop ({@code --rate R})
 * measures latency at a given load: sends are scheduled at fixed intervals and latency runs from
 * the <em>scheduled</em> send time, so a stall in the server shows up in every message that should
 * have been sent during the stall (no coordinated omission).
 *
 * <p>For the crash test and the end-to-end benchmark every message can carry a marker, written
 * where its template says {@code ${MARKER}}: {@code <control id>.<send time>}, the send time in
 * epoch microseconds (the scheduled one in open loop). The control id names the connection and the
 * message's place in its sequence, so a receiving system can check order and completeness of what
 * the hub delivered, and the time gives the end-to-end latency. The hub replaces MSH-10 in what it
 * sends on, so the marker goes in a field the mapping keeps.
 */
public class MllpLoad {

    static final String USAGE = """
            usage: java bench/MllpLoad.java [--name value ...]
              --host H             server address (default 127.0.0.1)
              --port P             server MLLP port (default 2575)
              --connections N      concurrent connections (default 16)
              --messages N         messages measured, over all connections (default 20000)
              --warmup N           messages sent first and not measured (default 2000)
              --rate R             total target msg/s, open loop; 0 = closed loop (default 0)
              --template FILES     HL7 message template, UTF-8 (default bench/templates/adt_a04.hl7);
                                   several, comma-separated: message k of a connection uses
                                   template k mod n. ${MARKER} in a template becomes
                                   <control id>.<send time in epoch microseconds>
              --charset C          charset the messages are encoded in (default UTF-8)
              --resend-percent P   resend P% of the messages with the same control id and check
                                   that the second ACK equals the first (default 0)
              --timeout-ms T       connect and ACK timeout (default 10000)
              --label L            name printed with the results (default load)
              --run-id ID          first part of the control ids (letters and digits; default: from
                                   the clock); the same id, connections and counts give the same ids
              --acked FILE         append "<control id> <marker> <MSA-1>" for every message the
                                   server accepted (AA or CA, MSA-2 = its control id)
              --skip FILE          do not send the control ids listed in FILE (first word of each
                                   line, e.g. an --acked file): resend only what was not accepted
            Exit status 1 if any ACK was mismatched, timed out or a connection failed; 2 on bad usage.""";

    /** After this many failed exchanges in a row a connection gives up, so a dead server cannot stall the run. */
    static final int MAX_CONSECUTIVE_FAILURES = 5;

    public static void main(String[] args) throws Exception {
        Options options;
        List<Template> templates = new ArrayList<>();
        Set<String> skip = new HashSet<>();
        try {
            options = Options.parse(args);
            for (String file : options.template.split(",")) {
                templates.add(Template.load(Path.of(file.strip())));
            }
            if (options.skip != null) {
                for (String line : Files.readAllLines(Path.of(options.skip), StandardCharsets.UTF_8)) {
                    String[] words = line.strip().split("\\s+");
                    if (!words[0].isEmpty()) {
                        skip.add(words[0]);
                    }
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("MllpLoad: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Acked acked = options.acked == null ? null : Acked.open(Path.of(options.acked));
        Run run = new Run(options, templates, skip, acked);
        Report report = run.execute();
        if (acked != null) {
            acked.close();
        }
        report.print(System.out);
        System.exit(report.failed() ? 1 : 0);
    }

    // ------------------------------------------------------------------------------------------

    /** The command line. Every option is {@code --name value}. */
    static final class Options {
        String host = "127.0.0.1";
        int port = 2575;
        int connections = 16;
        int messages = 20000;
        int warmup = 2000;
        double rate = 0;
        String template = "bench/templates/adt_a04.hl7";
        Charset charset = StandardCharsets.UTF_8;
        double resendPercent = 0;
        int timeoutMs = 10000;
        String label = "load";
        String runId;
        String acked;
        String skip;

        static Options parse(String[] args) {
            Options o = new Options();
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("options come as --name value pairs");
            }
            for (int i = 0; i < args.length; i += 2) {
                o.set(args[i], args[i + 1]);
            }
            o.validate();
            return o;
        }

        private void set(String name, String value) {
            try {
                switch (name) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--messages" -> messages = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--template" -> template = value;
                    case "--charset" -> charset = Charset.forName(value);
                    case "--resend-percent" -> resendPercent = Double.parseDouble(value);
                    case "--timeout-ms" -> timeoutMs = Integer.parseInt(value);
                    case "--label" -> label = value;
                    case "--run-id" -> runId = value;
                    case "--acked" -> acked = value;
                    case "--skip" -> skip = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + name + ": " + value);
            } catch (java.nio.charset.IllegalCharsetNameException
                     | java.nio.charset.UnsupportedCharsetException e) {
                throw new IllegalArgumentException("unknown charset " + value);
            }
        }

        private void validate() {
            require(port > 0 && port < 65536, "--port must be 1..65535");
            require(connections >= 1, "--connections must be at least 1");
            require(messages >= 0 && warmup >= 0, "--messages and --warmup must not be negative");
            require(rate >= 0, "--rate must not be negative");
            require(resendPercent >= 0 && resendPercent <= 100, "--resend-percent must be 0..100");
            require(timeoutMs > 0, "--timeout-ms must be positive");
            require(!label.isBlank(), "--label must not be empty");
            // it becomes part of MSH-10 and of the marker: nothing an HL7 delimiter or a record line could break on
            require(runId == null || runId.matches("[A-Za-z0-9]{1,12}"), "--run-id takes 1 to 12 letters and digits");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }

        boolean paced() {
            return rate > 0;
        }
    }

    // ------------------------------------------------------------------------------------------

    /** The message every send is made from; only MSH-7, MSH-10 and the marker change. */
    static final class Template {
        private final String[] mshFields;
        private final String fieldSeparator;
        private final String otherSegments;

        private Template(String[] mshFields, char fieldSeparator, String otherSegments) {
            this.mshFields = mshFields;
            this.fieldSeparator = String.valueOf(fieldSeparator);
            this.otherSegments = otherSegments;
        }

        static Template load(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            // Editors save \n or \r\n; HL7 wants \r, and an empty line would be an empty segment.
            String[] segments = Arrays.stream(text.replace("\r\n", "\r").replace('\n', '\r').split("\r"))
                    .filter(segment -> !segment.isBlank())
                    .toArray(String[]::new);
            if (segments.length == 0 || !segments[0].startsWith("MSH") || segments[0].length() < 8) {
                throw new IllegalArgumentException(file + " does not start with an MSH segment");
            }
            char separator = segments[0].charAt(3);
            String[] fields = Fields.split(segments[0], separator);
            if (fields.length < 12) {
                throw new IllegalArgumentException(file + ": MSH needs at least 12 fields (up to MSH-12)");
            }
            StringBuilder rest = new StringBuilder();
            for (int i = 1; i < segments.length; i++) {
                rest.append(segments[i]).append('\r');
            }
            return new Template(fields, separator, rest.toString());
        }

        /** The message with MSH-7 and MSH-10 replaced; index 6 and 9 because MSH-1 is the separator itself. */
        String render(String controlId, String timestamp, String marker) {
            String[] fields = mshFields.clone();
            fields[6] = timestamp;
            fields[9] = controlId;
            return String.join(fieldSeparator, fields) + '\r' + otherSegments.replace(MARKER, marker);
        }
    }

    static final String MARKER = "${MARKER}";

    // ------------------------------------------------------------------------------------------

    /**
     * The wall clock in microseconds, read as one anchor plus the monotonic clock, as MllpEcho
     * reads it: send and receive times of the end-to-end latency come from two processes, and a
     * wall-clock step during a run would otherwise show up as latency.
     */
    static final class EpochClock {
        private static final long ANCHOR_NANOS = System.nanoTime();
        private static final long ANCHOR_MICROS = epochMicros(Instant.now());

        /** The epoch time of a System.nanoTime() value, in microseconds. */
        static long micros(long nanoTime) {
            return ANCHOR_MICROS + (nanoTime - ANCHOR_NANOS) / 1000;
        }

        private static long epochMicros(Instant instant) {
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * The --acked file: a line per accepted message, written after its ACK arrived, flushed every
     * 100 ms (a crash test watches it to choose its moment) and at the end.
     */
    static final class Acked {
        private final Writer out;
        private boolean closed;

        private Acked(Writer out) {
            this.out = out;
        }

        static Acked open(Path file) throws IOException {
            Acked acked = new Acked(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            Thread flusher = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    acked.flush();
                }
            }, "acked-flush");
            flusher.setDaemon(true);
            flusher.start();
            return acked;
        }

        synchronized void write(String controlId, String marker, String code) {
            try {
                out.write(controlId + " " + marker + " " + code + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void flush() {
            if (!closed) {
                try {
                    out.flush();
                } catch (IOException e) {
                    System.err.println("MllpLoad: cannot write the --acked file: " + e.getMessage());
                }
            }
        }

        synchronized void close() {
            flush();
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                System.err.println("MllpLoad: cannot close the --acked file: " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Splits on one separator character; unlike String.split it keeps trailing empty fields and needs no regex. */
    static final class Fields {
        static String[] split(String text, char separator) {
            List<String> fields = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == separator) {
                    fields.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            fields.add(text.substring(start));
            return fields.toArray(String[]::new);
        }

        static String get(String[] fields, int index) {
            return index < fields.length ? fields[index] : "";
        }
    }

    // ------------------------------------------------------------------------------------------

    /** MLLP framing on a byte stream: tolerates a frame split over several reads and several frames in one read. */
    static final class FrameReader {
        static final byte START = 0x0B;
        static final byte END = 0x1C;
        static final byte CR = 0x0D;

        private final InputStream in;
        private final byte[] chunk = new byte[16 * 1024];
        private int position;
        private int limit;
        private byte[] frame = new byte[4 * 1024];
        private int frameLength;

        FrameReader(InputStream in) {
            this.in = in;
        }

        static byte[] frame(byte[] message) {
            byte[] framed = new byte[message.length + 3];
            framed[0] = START;
            System.arraycopy(message, 0, framed, 1, message.length);
            framed[framed.length - 2] = END;
            framed[framed.length - 1] = CR;
            return framed;
        }

        /** The next frame's content, or null if the peer closed the connection between frames. */
        byte[] next() throws IOException {
            if (!skipToStart()) {
                return null;
            }
            frameLength = 0;
            while (true) {
                byte b = nextByte();
                while (b == END) {
                    byte after = nextByte();
                    if (after == CR) {
                        return Arrays.copyOf(frame, frameLength);
                    }
                    append(b); // a 0x1C not followed by CR is content, not the end
                    b = after;
                }
                append(b);
            }
        }

        private boolean skipToStart() throws IOException {
            while (true) {
                if (position == limit && !fill()) {
                    return false;
                }
                if (chunk[position++] == START) {
                    return true;
                }
            }
        }

        private byte nextByte() throws IOException {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed in the middle of a frame");
            }
            return chunk[position++];
        }

        private boolean fill() throws IOException {
            int n = in.read(chunk);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        private void append(byte b) {
            if (frameLength == frame.length) {
                frame = Arrays.copyOf(frame, frame.length * 2);
            }
            frame[frameLength++] = b;
        }
    }

    // ------------------------------------------------------------------------------------------

    /** What an ACK says: MSA-1 and MSA-2, and when it arrived. */
    record Reply(String code, String ackedControlId, long sentAt, long receivedAt) {

        static Reply parse(String ack, long sentAt, long receivedAt) {
            char separator = ack.length() > 3 ? ack.charAt(3) : '|';
            for (String segment : ack.split("[\r\n]+")) {
                if (segment.startsWith("MSA")) {
                    String[] fields = Fields.split(segment, separator);
                    return new Reply(Fields.get(fields, 1), Fields.get(fields, 2), sentAt, receivedAt);
                }
            }
            return new Reply("", "", sentAt, receivedAt);
        }
    }

    // ------------------------------------------------------------------------------------------

    /** HL7 timestamps (yyyyMMddHHmmss), formatted once per second. Not thread-safe: one per connection. */
    static final class Clock {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        private static final ZoneId ZONE = ZoneId.systemDefault();
        private long second = Long.MIN_VALUE;
        private String text;

        String now() {
            long current = System.currentTimeMillis() / 1000;
            if (current != second) {
                second = current;
                text = FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(current), ZONE));
            }
            return text;
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Counters of one connection in one phase; merged after the run, so no synchronisation. */
    static final class Tally {
        final int messages;
        final long[] latencies;
        int latencyCount;
        long aa, ae, ar, other, mismatched, timeouts, errors, unsent;
        long resends, resendMatched, resendMismatched;
        long skipped;
        long lastReceivedAt;

        Tally(int messages) {
            this.messages = messages;
            this.latencies = new long[messages];
        }

        void count(Reply reply, String controlId, long latencyStart) {
            switch (reply.code()) {
                // CA/CE/CR are the same verdicts in enhanced acknowledgment mode.
                case "AA", "CA" -> aa++;
                case "AE", "CE" -> ae++;
                case "AR", "CR" -> ar++;
                default -> other++;
            }
            if (!reply.ackedControlId().equals(controlId)) {
                mismatched++;
            }
            if (latencyCount < latencies.length) {
                latencies[latencyCount++] = reply.receivedAt() - latencyStart;
            }
            lastReceivedAt = Math.max(lastReceivedAt, reply.receivedAt());
        }

        void countResend(Reply first, Reply second) {
            resends++;
            boolean same = first.code().equals(second.code()) && first.ackedControlId().equals(second.ackedControlId());
            if (same) {
                resendMatched++;
            } else {
                resendMismatched++;
            }
            lastReceivedAt = Math.max(lastReceivedAt, second.receivedAt());
        }

        boolean hasFailures() {
            return mismatched + timeouts + errors + unsent + resendMismatched > 0;
        }
    }

    // ------------------------------------------------------------------------------------------

    /** One socket, used synchronously for its share of the warm-up and the measured messages. */
    static final class Connection implements Runnable {
        private final int index;
        private final Options options;
        private final List<Template> templates;
        private final Set<String> skip;
        private final Acked acked;
        private final String runId;
        private final Schedule schedule;
        private final Tally warmup;
        private final Tally measured;
        private final Clock clock = new Clock();

        private Socket socket;
        private OutputStream out;
        private FrameReader reader;
        private int consecutiveFailures;
        private boolean abandoned;
        private boolean reportedFailure;
        private long sequence;

        Connection(int index, Options options, List<Template> templates, Set<String> skip, Acked acked, String runId,
                   Schedule schedule, int warmupMessages, int measuredMessages) {
            this.index = index;
            this.options = options;
            this.templates = templates;
            this.skip = skip;
            this.acked = acked;
            this.runId = runId;
            this.schedule = schedule;
            this.warmup = new Tally(warmupMessages);
            this.measured = new Tally(measuredMessages);
        }

        @Override
        public void run() {
            try {
                sendAll(warmup, schedule.warmupStart());
                long measureStart = schedule.awaitMeasureStart();
                sendAll(measured, measureStart);
            } finally {
                disconnect();
            }
        }

        private void sendAll(Tally tally, long phaseStart) {
            int count = tally.messages;
            for (int i = 0; i < count; i++) {
                if (abandoned) {
                    tally.unsent += count - i;
                    return;
                }
                long scheduled = options.paced() ? schedule.sendTime(phaseStart, index, i) : 0;
                if (options.paced()) {
                    sleepUntil(scheduled);
                }
                sendOne(tally, scheduled, isResent(i));
            }
        }

        /** Spreads the resends evenly: exactly floor(count * percent / 100) of them. */
        private boolean isResent(int i) {
            double p = options.resendPercent / 100;
            return Math.floor((i + 1) * p) > Math.floor(i * p);
        }

        private void sendOne(Tally tally, long scheduled, boolean resend) {
            long number = sequence++;
            String controlId = runId + "-" + index + "-" + number;
            if (skip.contains(controlId)) {
                tally.skipped++;
                return;
            }
            Template template = templates.get((int) (number % templates.size()));
            String marker = controlId + "." + EpochClock.micros(options.paced() ? scheduled : System.nanoTime());
            Reply first = exchange(template, controlId, marker, tally);
            if (first == null) {
                return;
            }
            tally.count(first, controlId, options.paced() ? scheduled : first.sentAt());
            if (acked != null && first.ackedControlId().equals(controlId)
                    && (first.code().equals("AA") || first.code().equals("CA"))) {
                acked.write(controlId, marker, first.code());
            }
            if (resend) {
                Reply second = exchange(template, controlId, marker, tally);
                if (second != null) {
                    tally.countResend(first, second);
                }
            }
        }

        /** Sends one message and reads its ACK; null if it failed, in which case the failure is counted. */
        private Reply exchange(Template template, String controlId, String marker, Tally tally) {
            if (!connected(tally)) {
                return null;
            }
            try {
                byte[] frame = FrameReader.frame(template.render(controlId, clock.now(), marker).getBytes(options.charset));
                long sentAt = System.nanoTime();
                out.write(frame);
                out.flush();
                byte[] ack = reader.next();
                long receivedAt = System.nanoTime();
                if (ack == null) {
                    throw new EOFException("connection closed by the server");
                }
                consecutiveFailures = 0;
                return Reply.parse(new String(ack, options.charset), sentAt, receivedAt);
            } catch (SocketTimeoutException e) {
                tally.timeouts++;
                failed("no ACK within " + options.timeoutMs + " ms for " + controlId);
            } catch (IOException e) {
                tally.errors++;
                failed(e.toString());
            }
            return null;
        }

        private boolean connected(Tally tally) {
            if (socket != null) {
                return true;
            }
            try {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.setSoTimeout(options.timeoutMs);
                s.connect(new InetSocketAddress(options.host, options.port), options.timeoutMs);
                socket = s;
                out = s.getOutputStream();
                reader = new FrameReader(s.getInputStream());
                return true;
            } catch (IOException e) {
                tally.errors++;
                failed("cannot connect to " + options.host + ":" + options.port + ": " + e.getMessage());
                return false;
            }
        }

        /**
         * After a timeout a late ACK may still arrive and would be read as the answer to the next
         * message, so the socket is always replaced after any failure.
         */
        private void failed(String reason) {
            disconnect();
            consecutiveFailures++;
            if (!reportedFailure) {
                reportedFailure = true;
                System.err.println("connection " + index + ": " + reason);
            }
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                abandoned = true;
                System.err.println("connection " + index + ": " + consecutiveFailures
                        + " failures in a row, giving up; its remaining messages count as unsent");
            }
        }

        private void disconnect() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken socket: nothing left to do
                }
                socket = null;
            }
        }

        private static void sleepUntil(long nanoTime) {
            long remaining;
            while ((remaining = nanoTime - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * When each connection sends. All connections start the measured phase together, so the
     * measured duration is not stretched by one connection still warming up.
     */
    static final class Schedule {
        private final long intervalNanos;
        private final int connections;
        private final long warmupStart = System.nanoTime();
        private final CyclicBarrier startLine;
        private volatile long measureStart;

        Schedule(Options options) {
            this.connections = options.connections;
            this.intervalNanos = options.paced() ? Math.round(1e9 * options.connections / options.rate) : 0;
            this.startLine = new CyclicBarrier(options.connections, () -> {
                System.err.println("measuring ...");
                measureStart = System.nanoTime();
            });
        }

        long warmupStart() {
            return warmupStart;
        }

        long awaitMeasureStart() {
            try {
                startLine.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before the measured phase", e);
            }
            return measureStart;
        }

        long measureStart() {
            return measureStart;
        }

        /** Connections are offset by a fraction of the interval so that their sends interleave instead of arriving in bursts. */
        long sendTime(long phaseStart, int connection, int message) {
            return phaseStart + connection * intervalNanos / connections + message * intervalNanos;
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Starts the connections, waits for them, and collects their tallies. */
    static final class Run {
        private final Options options;
        private final List<Template> templates;
        private final Set<String> skip;
        private final Acked acked;

        Run(Options options, List<Template> templates, Set<String> skip, Acked acked) {
            this.options = options;
            this.templates = templates;
            this.skip = skip;
            this.acked = acked;
        }

        Report execute() throws InterruptedException {
            String runId = options.runId != null ? options.runId : runId();
            Schedule schedule = new Schedule(options);
            List<Connection> connections = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < options.connections; i++) {
                Connection connection = new Connection(i, options, templates, skip, acked, runId, schedule,
                        share(options.warmup, i), share(options.messages, i));
                connections.add(connection);
                threads.add(new Thread(connection, "mllp-" + i));
            }
            System.err.printf(Locale.ROOT, "%s: %d connections to %s:%d, %s, control ids %s-<conn>-<seq>; warming up (%d messages) ...%n",
                    options.label, options.connections, options.host, options.port, mode(options), runId, options.warmup);
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            long end = System.nanoTime();
            return new Report(options, connections.stream().map(c -> c.warmup).toList(),
                    connections.stream().map(c -> c.measured).toList(), schedule.measureStart(), end);
        }

        /** Connection i's part of a total, spread as evenly as possible. */
        private int share(int total, int i) {
            return total / options.connections + (i < total % options.connections ? 1 : 0);
        }

        /**
         * Seven base-36 digits of the time in hundredths of a second: distinct across runs (the hub
         * may treat a repeated control id as a duplicate) and short enough for a 20-character MSH-10.
         */
        private static String runId() {
            String digits = Long.toString(System.currentTimeMillis() / 10, 36);
            return digits.substring(Math.max(0, digits.length() - 7));
        }
    }

    static String mode(Options options) {
        return options.paced()
                ? String.format(Locale.ROOT, "open loop at %.0f msg/s", options.rate)
                : "closed loop";
    }

    // ------------------------------------------------------------------------------------------

    /** The figures of a run, printed for people and as one RESULT line for scripts. */
    static final class Report {
        private final Options options;
        private final Tally warmup;
        private final Tally total;
        private final long[] latencies;
        private final double seconds;

        Report(Options options, List<Tally> warmups, List<Tally> measured, long measureStart, long runEnd) {
            this.options = options;
            this.warmup = sum(warmups);
            this.total = sum(measured);
            this.latencies = measured.stream()
                    .flatMapToLong(t -> Arrays.stream(t.latencies, 0, t.latencyCount))
                    .sorted()
                    .toArray();
            long end = total.lastReceivedAt > 0 ? total.lastReceivedAt : runEnd;
            this.seconds = measureStart > 0 ? Math.max(end - measureStart, 1) / 1e9 : 0;
        }

        private static Tally sum(List<Tally> tallies) {
            Tally sum = new Tally(0);
            for (Tally t : tallies) {
                sum.latencyCount += t.latencyCount;
                sum.aa += t.aa;
                sum.ae += t.ae;
                sum.ar += t.ar;
                sum.other += t.other;
                sum.mismatched += t.mismatched;
                sum.timeouts += t.timeouts;
                sum.errors += t.errors;
                sum.unsent += t.unsent;
                sum.resends += t.resends;
                sum.resendMatched += t.resendMatched;
                sum.resendMismatched += t.resendMismatched;
                sum.skipped += t.skipped;
                sum.lastReceivedAt = Math.max(sum.lastReceivedAt, t.lastReceivedAt);
            }
            return sum;
        }

        boolean failed() {
            return total.hasFailures();
        }

        /** Exact nearest-rank percentile in milliseconds. */
        private double percentileMs(double percentile) {
            if (latencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percentile / 100 * latencies.length);
            return latencies[Math.max(rank, 1) - 1] / 1e6;
        }

        private double throughput() {
            return seconds > 0 ? latencies.length / seconds : 0;
        }

        void print(java.io.PrintStream out) {
            String from = options.paced() ? "from the scheduled send" : "from the send";
            out.printf(Locale.ROOT, "%n== %s ==%n", options.label);
            out.printf(Locale.ROOT, "  server        %s:%d, %d connections, %s%n",
                    options.host, options.port, options.connections, mode(options));
            out.printf(Locale.ROOT, "  measured      %d ACKs of %d messages (after %d warm-up) in %.3f s%n",
                    latencies.length, options.messages, options.warmup, seconds);
            out.printf(Locale.ROOT, "  throughput    %.1f msg/s%n", throughput());
            out.printf(Locale.ROOT, "  ACK latency   p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms   (%s)%n",
                    percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(100), from);
            out.printf(Locale.ROOT, "  ACK codes     AA %d   AE %d   AR %d   other %d%n",
                    total.aa, total.ae, total.ar, total.other);
            out.printf(Locale.ROOT, "  failures      mismatched %d   timeouts %d   errors %d   unsent %d%n",
                    total.mismatched, total.timeouts, total.errors, total.unsent);
            out.printf(Locale.ROOT, "  resends       sent %d   matched %d   mismatched %d%n",
                    total.resends, total.resendMatched, total.resendMismatched);
            if (total.skipped + warmup.skipped > 0) {
                out.printf(Locale.ROOT, "  skipped       %d (accepted before, --skip)%n", total.skipped + warmup.skipped);
            }
            if (warmup.hasFailures()) {
                out.printf(Locale.ROOT, "  warm-up       mismatched %d   timeouts %d   errors %d (not counted above)%n",
                        warmup.mismatched, warmup.timeouts, warmup.errors);
            }
            if (total.ae + total.ar + total.other > 0) {
                out.println("  warning       the server did not accept every message; see the ACK codes");
            }
            out.println(resultLine());
        }

        private String resultLine() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("label", options.label.replaceAll("\\s+", "_"));
            values.put("conns", options.connections);
            values.put("msgs", latencies.length);
            values.put("secs", String.format(Locale.ROOT, "%.3f", seconds));
            values.put("rate", String.format(Locale.ROOT, "%.1f", throughput()));
            values.put("target", String.format(Locale.ROOT, "%.0f", options.rate));
            values.put("p50ms", String.format(Locale.ROOT, "%.3f", percentileMs(50)));
            values.put("p90ms", String.format(Locale.ROOT, "%.3f", percentileMs(90)));
            values.put("p99ms", String.format(Locale.ROOT, "%.3f", percentileMs(99)));
            values.put("maxms", String.format(Locale.ROOT, "%.3f", percentileMs(100)));
            values.put("aa", total.aa);
            values.put("ae", total.ae);
            values.put("ar", total.ar);
            values.put("other", total.other);
            values.put("mismatched", total.mismatched);
            values.put("timeouts", total.timeouts);
            values.put("errors", total.errors);
            values.put("unsent", total.unsent);
            values.put("resends", total.resends);
            values.put("resendMismatched", total.resendMismatched);
            values.put("skipped", total.skipped + warmup.skipped);
            StringBuilder line = new StringBuilder("RESULT");
            values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
            return line.toString();
        }
    }
}
