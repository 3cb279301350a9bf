package org.yigong.hub.inbound.control;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.yigong.hub.platform.RootCause;

/**
 * From arrived frames to acknowledgements: judges each message, stores a batch of them in one
 * transaction (group commit), and only then answers every sender of the batch.
 *
 * <p>Messages are judged and parsed on the network threads, in parallel; each connection is then
 * served by one storing worker, always the same, so a sender that pipelines gets its ACKs in the
 * order it sent. The database sees one short transaction per batch. When a batch cannot be stored (a constraint, a lost connection), its
 * messages are judged and stored again one by one, so one bad message never costs the others their
 * ACK; a message that still cannot be stored is answered AR ("send again") and is not acknowledged.
 */
public final class Ingest implements AutoCloseable {

    /** Stores judged messages in one transaction and returns their ACKs. */
    public interface Storage {
        /** Answers copies of accepted messages with their original ACK. */
        List<Stored> storeAll(List<Reception> receptions);

        /** For messages expected to be new: fails on a copy of an accepted message. */
        List<Stored> storeNew(List<Reception> receptions);
    }

    private record Job(Arrival arrival, Reception reception, Consumer<Stored> reply) {
    }

    /** HAPI parsers are built once per thread that judges messages (network threads). */
    private static final ThreadLocal<CanonicalParser> PARSERS = ThreadLocal.withInitial(() -> {
        // HAPI finds its model classes through the context classloader, which managed threads lack
        Thread.currentThread().setContextClassLoader(Ingest.class.getClassLoader());
        return new CanonicalParser();
    });

    private static final Logger LOG = Logger.getLogger(Ingest.class);
    private static final int QUEUE_CAPACITY = 20_000;

    private final List<BlockingQueue<Job>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Storage storage;
    private final RecentlyAccepted recent = new RecentlyAccepted(200_000);
    private final int batchSize;
    private volatile boolean running = true;

    public Ingest(ThreadFactory threads, int workerCount, int batchSize, Storage storage) {
        this.storage = storage;
        this.batchSize = batchSize;
        for (int i = 0; i < workerCount; i++) {
            BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            queues.add(queue);
            Thread worker = threads.newThread(() -> work(queue));
            worker.setName("hub-ingest-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Judges a frame on the calling (network) thread, so that parsing runs in parallel, and queues it
     * for storing; {@code reply} is called with the ACK once the message is stored. A full queue
     * (the database cannot keep up) answers AR at once: nothing was stored, so the sender keeps the
     * message and sends it again.
     */
    public void accept(Arrival arrival, Object connection, Consumer<Stored> reply) {
        BlockingQueue<Job> queue = queues.get(Math.floorMod(connection.hashCode(), queues.size()));
        if (!running || !queue.offer(new Job(arrival, Reception.examine(arrival, PARSERS.get()), reply))) {
            reply.accept(notStored(arrival, "the hub is busy or stopping; send the message again"));
        }
    }

    private void work(BlockingQueue<Job> queue) {
        List<Job> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | LinkageError e) {
                // a worker never dies: its connections would wait for ACKs forever
                LOG.errorf(e, "ingest worker failed on a batch of %d messages", batch.size());
                batch.forEach(job -> job.reply().accept(notStored(job.arrival(), "the hub could not store the message; send it again")));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Job> batch) {
        List<Reception> receptions = batch.stream().map(Job::reception).toList();
        List<Stored> stored;
        try {
            stored = recent.anyOf(receptions) ? storage.storeAll(receptions) : storage.storeNew(receptions);
        } catch (RuntimeException batchFailed) {
            LOG.debugf("batch of %d not stored (%s); storing one by one", batch.size(), rootCause(batchFailed));
            stored = batch.stream().map(job -> storeAlone(job.arrival())).toList();
        }
        recent.remember(receptions, stored);
        for (int i = 0; i < batch.size(); i++) {
            log(receptions.get(i), stored.get(i));
            batch.get(i).reply().accept(stored.get(i));
        }
    }

    /** Judged again: the entity of the failed batch was already given an id by the rolled-back persist. */
    private Stored storeAlone(Arrival arrival) {
        try {
            return storage.storeAll(List.of(Reception.examine(arrival, PARSERS.get()))).get(0);
        } catch (RuntimeException e) {
            LOG.errorf("channel=%s from=%s message could not be stored (%s); answered AR",
                    arrival.channel().name(), arrival.remoteAddress(), rootCause(e));
            return notStored(arrival, "the hub could not store the message; send it again");
        }
    }

    /** One line per message with its ids and outcome, never its content. */
    private static void log(Reception reception, Stored stored) {
        MessageHeader header = reception.header();
        MDC.put("controlId", header.controlId());
        try {
            if (stored.duplicate()) {
                LOG.infof("channel=%s from=%s/%s controlId=%s type=%s duplicate of message %d: original ACK %s sent again",
                        reception.message().getChannel(), header.sendingApplication(), header.sendingFacility(),
                        header.controlId(), header.typeAndTrigger(), stored.messageId(), stored.ackCode());
            } else {
                Hl7Error error = reception.error();
                LOG.infof("channel=%s from=%s/%s controlId=%s type=%s version=%s charset=%s stored as message %d: %s%s",
                        reception.message().getChannel(), header.sendingApplication(), header.sendingFacility(),
                        header.controlId(), header.typeAndTrigger(), header.version(), reception.message().getCharset(),
                        stored.messageId(), stored.ackCode(),
                        error == null ? "" : " error " + error.code().code() + " at " + error.location());
            }
        } finally {
            MDC.remove("controlId");
        }
    }

    /** An AR for a message that was not stored; its header is read again only to address the ACK. */
    private static Stored notStored(Arrival arrival, String reason) {
        MessageHeader header;
        try {
            header = MessageHeader.read(new String(arrival.bytes(), StandardCharsets.ISO_8859_1));
        } catch (MessageRejected notHl7) {
            header = MessageHeader.UNKNOWN;
        }
        String ack = Acknowledgement.build(header, AckCode.AR, "NOTSTORED", ZonedDateTime.now(),
                new Hl7Error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, "", reason));
        return new Stored(-1, AckCode.AR, ack, arrival.channel().charset(), false);
    }

    /** Only the exception's class: a database's message may quote the values of the message. */
    private static String rootCause(Throwable e) {
        return RootCause.of(e).getClass().getSimpleName();
    }

    /** Stops taking frames, finishes what is queued, and waits for the workers. */
    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
