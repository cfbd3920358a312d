package it.registro.app.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import it.registro.app.audit.ledger.StoredEvents;
import it.registro.app.web.ApiException;

/**
 * Resets every read model and replays every stored event into it, reporting progress on the status
 * endpoint and in the log. The processors that send commands (officer and reference sync) are left
 * alone, so a rebuild never acts twice. They are named here rather than marked {@code @DisallowReplay}:
 * with the Mongo tracking token a fresh processor sees stored events as replays, and such a handler
 * would silently skip them (see the stack notes).
 *
 * <p>Progress is the slowest processor's: each processor's position in the global sequence against the
 * head when the rebuild started, scaled to the number of events stored then (the sequence also numbers
 * the rare tombstones). The rebuild is over when every processor is caught up and past that head; then
 * no processor is reported as replaying.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);
    /** Processors whose handlers send commands, and the ledger (evidence, not a read model): never reset, never replayed. */
    static final java.util.Set<String> SIDE_EFFECTS = java.util.Set.of(it.registro.app.session.OfficerSync.PROCESSING_GROUP,
            it.registro.app.act.ReferenceSync.PROCESSING_GROUP, it.registro.app.audit.ledger.Ledger.PROCESSING_GROUP,
            it.registro.app.session.MinutesApprovalSync.PROCESSING_GROUP);

    public enum State { IDLE, RUNNING, DONE }

    public record ProcessorStatus(String name, boolean replaying, boolean caughtUp, Long position, boolean running, boolean error, Long lag) {
    }

    public record Status(State state, String startedBy, Instant startedAt, Instant finishedAt, long done, long total, double ratePerSecond,
                         Long etaSeconds, List<ProcessorStatus> processors) {
    }

    private final EventProcessingConfiguration processing;
    private final StoredEvents stored;
    private final org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });

    private volatile State state = State.IDLE;
    private volatile String startedBy;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long total;
    /** The last position of the global sequence when the rebuild started: every processor must pass it. */
    private volatile long target;
    private volatile List<String> names = List.of();
    private ScheduledFuture<?> watch;

    private final it.registro.app.axon.ProcessorSupervisor supervisor;

    public ReadModelRebuild(EventProcessingConfiguration processing, StoredEvents stored,
                            org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                            it.registro.app.axon.ProcessorSupervisor supervisor) {
        this.processing = processing;
        this.stored = stored;
        this.eventStore = eventStore;
        this.supervisor = supervisor;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        monitor.shutdownNow();
    }

    private List<StreamingEventProcessor> resettable() {
        List<StreamingEventProcessor> out = new ArrayList<>();
        processing.eventProcessors().values().forEach(p -> {
            if (p instanceof StreamingEventProcessor t && !SIDE_EFFECTS.contains(t.getName()) && t.supportsReset()) {
                out.add(t);
            }
        });
        return out;
    }

    public synchronized Status start(String principal) {
        if (state == State.RUNNING) {
            throw new ApiException(HttpStatus.CONFLICT, "REBUILD_RUNNING", null, "A rebuild started by " + startedBy + " at " + startedAt
                    + " is still running");
        }
        List<StreamingEventProcessor> processors = resettable();
        total = stored.count();
        target = eventStore.createHeadToken().position().orElse(0);
        startedBy = principal;
        startedAt = Instant.now();
        finishedAt = null;
        names = processors.stream().map(StreamingEventProcessor::getName).sorted().toList();
        log.info("Rebuild started by {}: {} events, processors {}", principal, total, names);
        // All at once: each waits for its worker's current poll (up to a second), so one after another
        // added seconds to every rebuild. The supervisor must not start one between its stop and its reset.
        supervisor.whileHeld(() -> {
            java.util.concurrent.CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
            processors.forEach(StreamingEventProcessor::resetTokens);
            state = State.RUNNING;
            processors.forEach(StreamingEventProcessor::start);
            return null;
        });
        watch = monitor.scheduleAtFixedRate(this::report, LOG_EVERY.toMillis(), LOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return status();
    }

    private synchronized void report() {
        Status s = status();
        if (s.processors().stream().allMatch(ProcessorStatus::caughtUp) && slowest(s.processors()) >= target) {
            state = State.DONE;
            finishedAt = Instant.now();
            watch.cancel(false);
            log.info("Rebuild done: {} events in {} s ({} events/s)", s.done(), Duration.between(startedAt, finishedAt).toSeconds(),
                    Math.round(s.ratePerSecond()));
            return;
        }
        log.info("Rebuild: {}/{} events ({} events/s), ETA {} s; replaying {}", s.done(), s.total(), Math.round(s.ratePerSecond()),
                s.etaSeconds(), s.processors().stream().filter(ProcessorStatus::replaying).map(ProcessorStatus::name).toList());
    }

    public Status status() {
        long head = names.isEmpty() ? 0 : eventStore.createHeadToken().position().orElse(0);
        List<ProcessorStatus> processors = new ArrayList<>();
        for (String name : names) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(p -> processors.add(statusOf(p, head)));
        }
        long done;
        if (state == State.IDLE) {
            done = 0;
        } else if (state == State.DONE || target == 0) {
            done = total;
        } else {
            done = Math.min(total, Math.round((double) total * Math.min(target, slowest(processors)) / target));
        }
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : done / seconds;
        Long eta = state != State.RUNNING || rate == 0 ? null : Math.round((total - done) / rate);
        return new Status(state, startedBy, startedAt, finishedAt, done, total, rate, eta, processors);
    }

    /** The position of the processor furthest behind (0 while one has none yet). */
    private static long slowest(List<ProcessorStatus> processors) {
        return processors.stream().mapToLong(p -> p.position() == null ? 0 : p.position()).min().orElse(0);
    }

    /**
     * A processor replays while its token still stands before the point it was reset at. Axon keeps the
     * replay wrapper on the token until an event beyond that point arrives, so a processor caught up with a
     * rebuild would otherwise show as replaying until the next command.
     */
    static ProcessorStatus statusOf(StreamingEventProcessor p, long head) {
        boolean replaying = false;
        boolean caughtUp = !p.processingStatus().isEmpty();
        Long position = null;
        for (EventTrackerStatus s : p.processingStatus().values()) {
            replaying |= s.getTrackingToken() instanceof ReplayToken replay
                    && (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset()));
            caughtUp &= s.isCaughtUp();
            OptionalLong at = s.getCurrentPosition();
            if (at.isPresent()) {
                position = position == null ? at.getAsLong() : Math.min(position, at.getAsLong());
            }
        }
        return new ProcessorStatus(p.getName(), replaying, caughtUp, position, p.isRunning(), p.isError(),
                position == null ? null : Math.max(0, head - position));
    }
}
