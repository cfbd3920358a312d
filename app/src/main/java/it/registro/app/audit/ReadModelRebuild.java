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
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
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
 * <p>Progress counts the events the audit trail's processor has handled since the start: it handles every
 * event, whatever its kind, so its count is the replay's done figure; the total is the number of
 * events stored when the rebuild started. The rebuild is over when every processor is caught up and
 * the audit projection has handled them all.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);
    /** Processors whose handlers send commands, and the ledger (evidence, not a read model): never reset, never replayed. */
    static final java.util.Set<String> SIDE_EFFECTS = java.util.Set.of(it.registro.app.session.OfficerSync.PROCESSING_GROUP,
            it.registro.app.act.ReferenceSync.PROCESSING_GROUP, it.registro.app.audit.ledger.Ledger.PROCESSING_GROUP);

    public enum State { IDLE, RUNNING, DONE }

    public record ProcessorStatus(String name, boolean replaying, boolean caughtUp, Long position) {
    }

    public record Status(State state, String startedBy, Instant startedAt, Instant finishedAt, long done, long total, double ratePerSecond,
                         Long etaSeconds, List<ProcessorStatus> processors) {
    }

    private final EventProcessingConfiguration processing;
    private final StoredEvents stored;
    private final AtomicLong handled = new AtomicLong();
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
    private volatile long handledAtStart;
    private volatile List<String> names = List.of();
    private ScheduledFuture<?> watch;

    public ReadModelRebuild(EventProcessingConfiguration processing, StoredEvents stored) {
        this.processing = processing;
        this.stored = stored;
    }

    /** Counts every event the audit trail's processor handles (it takes every kind); the count is the replay's progress. */
    @Bean
    static ConfigurerModule auditCounter(org.springframework.beans.factory.ObjectProvider<ReadModelRebuild> rebuild) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(it.registro.app.axon.AxonConfiguration.AUDIT_TRAIL,
                c -> (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    rebuild.getObject().handled.incrementAndGet();
                    return result;
                });
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
        startedBy = principal;
        startedAt = Instant.now();
        finishedAt = null;
        names = processors.stream().map(StreamingEventProcessor::getName).sorted().toList();
        log.info("Rebuild started by {}: {} events, processors {}", principal, total, names);
        // All at once: each waits for its worker's current poll (up to a second), so one after another
        // added seconds to every rebuild.
        java.util.concurrent.CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        processors.forEach(StreamingEventProcessor::resetTokens);
        handledAtStart = handled.get();
        state = State.RUNNING;
        processors.forEach(StreamingEventProcessor::start);
        watch = monitor.scheduleAtFixedRate(this::report, LOG_EVERY.toMillis(), LOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return status();
    }

    private synchronized void report() {
        Status s = status();
        // caught up, not "out of replay": with the Mongo token a replay never formally ends (stack notes)
        if (s.processors().stream().allMatch(ProcessorStatus::caughtUp) && s.done() >= s.total()) {
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
        List<ProcessorStatus> processors = new ArrayList<>();
        for (String name : names) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(p -> processors.add(statusOf(p)));
        }
        long done = state == State.IDLE ? 0 : Math.min(handled.get() - handledAtStart, total);
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : done / seconds;
        Long eta = state != State.RUNNING || rate == 0 ? null : Math.round((total - done) / rate);
        return new Status(state, startedBy, startedAt, finishedAt, done, total, rate, eta, processors);
    }

    private static ProcessorStatus statusOf(StreamingEventProcessor p) {
        boolean replaying = false;
        boolean caughtUp = !p.processingStatus().isEmpty();
        Long position = null;
        for (EventTrackerStatus s : p.processingStatus().values()) {
            replaying |= s.isReplaying() || ReplayToken.isReplay(s.getTrackingToken());
            caughtUp &= s.isCaughtUp();
            OptionalLong at = s.getCurrentPosition();
            if (at.isPresent()) {
                position = position == null ? at.getAsLong() : Math.min(position, at.getAsLong());
            }
        }
        return new ProcessorStatus(p.getName(), replaying, caughtUp, position);
    }
}
