import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare MLLP server that acknowledges every frame at once and stores nothing: the ceiling the
 * hub's inbound path is compared against. Whatever the hub loses relative to this server is the
 * cost of storing, parsing and routing, not of MLLP or of the load generator.
 *
 * <p>With {@code --record FILE} it is also the receiving system of the crash test and of the
 * end-to-end benchmark: one line per frame, written before the frame is acknowledged, so that
 * whatever the hub counts as delivered is in the file. The ACK's MSA-2 is always the received
 * MSH-10, which is what the hub's sender requires before it counts a delivery.
 *
 * <p>Run with {@code java bench/MllpEcho.java --help} from the repository root.
 */
public class MllpEcho {

    static final String USAGE = """
            usage: java bench/MllpEcho.java [--name value ...]
              --port P        port to listen on (default 2599)
              --bind A        address to listen on (default 127.0.0.1)
              --threads N     serve at most N connections at a time (default: a thread per connection)
              --seconds N     stop after N seconds (default: run until killed)
              --charset C     charset of the messages (default UTF-8)
              --record FILE   append one line per frame received, before its ACK:
                              "<receive time, epoch microseconds> <MSH-10> <marker>"
              --marker FIELDS where the marker is: the first non-empty of these fields, component 1,
                              e.g. ORC-2 or ORC-2,PV1-19 (default: none, the line says -)
              --ack-delay-ms N wait N ms before each ACK, a slow receiving system (default 0)""";

    static final AtomicLong connectionsAccepted = new AtomicLong();
    static final AtomicLong framesAnswered = new AtomicLong();
    static final AtomicLong framesRecorded = new AtomicLong();

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MllpEcho: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Recorder recorder = options.record == null ? null : Recorder.open(Path.of(options.record), options.markerFields);
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(options.bind, options.port), 1024);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (recorder != null) {
                recorder.close();
            }
            System.out.printf("MllpEcho: stopped; %d connections, %d frames answered, %d recorded%n",
                    connectionsAccepted.get(), framesAnswered.get(), framesRecorded.get());
        }));
        if (options.seconds > 0) {
            stopAfter(options.seconds);
        }
        System.out.printf("MllpEcho: listening on %s:%d%n", options.bind, options.port);
        System.out.flush();
        serve(server, options, recorder);
    }

    private static void serve(ServerSocket server, Options options, Recorder recorder) throws IOException {
        ExecutorService sessions = options.threads > 0
                ? Executors.newFixedThreadPool(options.threads, daemonThreads())
                : Executors.newCachedThreadPool(daemonThreads());
        while (true) {
            Socket socket = server.accept();
            connectionsAccepted.incrementAndGet();
            sessions.execute(new Session(socket, options.charset, recorder, options.ackDelayMs));
        }
    }

    /** Bounds the server's life, so a benchmark script that dies cannot leave it running for ever. */
    private static void stopAfter(int seconds) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(0);
        }, "stop-timer");
        timer.setDaemon(true);
        timer.start();
    }

    private static ThreadFactory daemonThreads() {
        AtomicLong count = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, "mllp-session-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ------------------------------------------------------------------------------------------

    static final class Options {
        int port = 2599;
        String bind = "127.0.0.1";
        int threads = 0;
        int seconds = 0;
        Charset charset = StandardCharsets.UTF_8;
        String record;
        List<String> markerFields = List.of();
        int ackDelayMs = 0;

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
            if (o.port <= 0 || o.port > 65535 || o.threads < 0 || o.seconds < 0 || o.ackDelayMs < 0) {
                throw new IllegalArgumentException("--port must be 1..65535, --threads, --seconds and --ack-delay-ms not negative");
            }
            for (String field : o.markerFields) {
                if (!field.matches("[A-Z][A-Z0-9]{2}-[1-9][0-9]*")) {
                    throw new IllegalArgumentException("--marker takes fields such as ORC-2 or PV1-19, not " + field);
                }
            }
            return o;
        }

        private void set(String name, String value) {
            try {
                switch (name) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--bind" -> bind = value;
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--charset" -> charset = Charset.forName(value);
                    case "--record" -> record = value;
                    case "--marker" -> markerFields = Arrays.stream(value.split(",")).map(String::strip)
                            .filter(f -> !f.isEmpty()).toList();
                    case "--ack-delay-ms" -> ackDelayMs = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + name + ": " + value);
            } catch (java.nio.charset.IllegalCharsetNameException
                     | java.nio.charset.UnsupportedCharsetException e) {
                throw new IllegalArgumentException("unknown charset " + value);
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /** One client connection: answers its frames in the order they came, however they were split into reads. */
    static final class Session implements Runnable {
        private final Socket socket;
        private final Charset charset;
        private final Recorder recorder;
        private final int ackDelayMs;
        private final Acknowledger acknowledger = new Acknowledger();

        Session(Socket socket, Charset charset, Recorder recorder, int ackDelayMs) {
            this.socket = socket;
            this.charset = charset;
            this.recorder = recorder;
            this.ackDelayMs = ackDelayMs;
        }

        @Override
        public void run() {
            try (socket) {
                socket.setTcpNoDelay(true);
                FrameReader reader = new FrameReader(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                byte[] message;
                while ((message = reader.next()) != null) {
                    long receivedAt = EpochClock.micros();
                    String text = new String(message, charset);
                    if (recorder != null) {
                        recorder.record(receivedAt, text);
                    }
                    if (ackDelayMs > 0) {
                        Thread.sleep(ackDelayMs);
                    }
                    String ack = acknowledger.ack(text);
                    out.write(FrameReader.frame(ack.getBytes(charset)));
                    out.flush();
                    framesAnswered.incrementAndGet();
                }
            } catch (IOException e) {
                // a client that goes away mid-frame or resets the connection is normal under load tests
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * The wall clock in microseconds, read as one anchor plus the monotonic clock: the receive
     * times are compared with send times that MllpLoad takes the same way, and a wall-clock step
     * during a run would otherwise show up as latency.
     */
    static final class EpochClock {
        private static final long ANCHOR_NANOS = System.nanoTime();
        private static final long ANCHOR_MICROS = epochMicros(Instant.now());

        static long micros() {
            return ANCHOR_MICROS + (System.nanoTime() - ANCHOR_NANOS) / 1000;
        }

        private static long epochMicros(Instant instant) {
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * The record file. A line is written before its frame is acknowledged, and the file is
     * flushed every 100 ms and when the server stops (also on SIGTERM and after --seconds), so a
     * script that watches it sees deliveries as they come and finds every one of them at the end.
     */
    static final class Recorder {
        private final Writer out;
        private final List<String[]> markerFields;
        private boolean closed;

        private Recorder(Writer out, List<String> markerFields) {
            this.out = out;
            this.markerFields = markerFields.stream().map(f -> f.split("-")).toList();
        }

        static Recorder open(Path file, List<String> markerFields) throws IOException {
            Recorder recorder = new Recorder(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), markerFields);
            Thread flusher = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    recorder.flush();
                }
            }, "record-flush");
            flusher.setDaemon(true);
            flusher.start();
            return recorder;
        }

        void record(long receivedAt, String message) {
            String[] segments = message.split("[\r\n]+");
            String msh = segments.length > 0 ? segments[0] : "";
            String controlId = "-";
            String marker = "-";
            if (msh.startsWith("MSH") && msh.length() >= 8) {
                char separator = msh.charAt(3);
                char componentSeparator = msh.charAt(4);
                controlId = token(Fields.get(Fields.split(msh, separator), 9));
                marker = marker(segments, separator, componentSeparator);
            }
            String line = receivedAt + " " + controlId + " " + marker + "\n";
            synchronized (this) {
                if (closed) {
                    return;
                }
                try {
                    out.write(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            framesRecorded.incrementAndGet();
        }

        private String marker(String[] segments, char separator, char componentSeparator) {
            for (String[] field : markerFields) {
                for (String segment : segments) {
                    if (segment.startsWith(field[0]) && segment.length() > 3 && segment.charAt(3) == separator) {
                        int number = Integer.parseInt(field[1]);
                        // MSH-1 is the separator itself, so MSH's fields sit one place further left
                        String value = Fields.get(Fields.split(segment, separator), field[0].equals("MSH") ? number - 1 : number);
                        value = Fields.get(Fields.split(value, componentSeparator), 0);
                        if (!value.isEmpty()) {
                            return token(value);
                        }
                        break; // the first such segment only
                    }
                }
            }
            return "-";
        }

        /** One word for the line: never empty, no white space. */
        private static String token(String value) {
            return value.isEmpty() ? "-" : value.replaceAll("\\s", "_");
        }

        synchronized void flush() {
            if (!closed) {
                try {
                    out.flush();
                } catch (IOException e) {
                    System.err.println("MllpEcho: cannot write the record file: " + e.getMessage());
                }
            }
        }

        synchronized void close() {
            flush();
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                System.err.println("MllpEcho: cannot close the record file: " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Builds the minimal correct ACK from the received MSH. One per session: the clock is not thread-safe. */
    static final class Acknowledger {
        private static final AtomicLong ackNumber = new AtomicLong();
        private final Clock clock = new Clock();

        String ack(String message) {
            int end = firstSegmentEnd(message);
            String msh = message.substring(0, end);
            if (!msh.startsWith("MSH") || msh.length() < 8) {
                // not HL7: still answer, so the client gets a verdict rather than a timeout
                return "MSH|^~\\&|HUB|COUNTY|||" + clock.now() + "||ACK|" + nextId() + "|P|2.4\rMSA|AR|\r";
            }
            char separator = msh.charAt(3);
            String[] fields = Fields.split(msh, separator);
            String encoding = Fields.get(fields, 1);
            char componentSeparator = encoding.isEmpty() ? '^' : encoding.charAt(0);
            String trigger = Fields.get(Fields.split(Fields.get(fields, 8), componentSeparator), 1);

            String s = String.valueOf(separator);
            String c = String.valueOf(componentSeparator);
            return "MSH" + s + encoding + s + "HUB" + s + "COUNTY" + s + Fields.get(fields, 2) + s + Fields.get(fields, 3)
                    + s + clock.now() + s + s + "ACK" + c + trigger + c + "ACK" + s + nextId() + s + "P"
                    + s + Fields.get(fields, 11) + '\r'
                    + "MSA" + s + "AA" + s + Fields.get(fields, 9) + '\r';
        }

        private static int firstSegmentEnd(String message) {
            for (int i = 0; i < message.length(); i++) {
                char ch = message.charAt(i);
                if (ch == '\r' || ch == '\n') {
                    return i;
                }
            }
            return message.length();
        }

        private static String nextId() {
            return "ECHO" + ackNumber.incrementAndGet();
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

    /** HL7 timestamps (yyyyMMddHHmmss), formatted once per second. Not thread-safe. */
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
}
