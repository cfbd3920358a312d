package it.registro.app.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every streaming processor running. Axon retries a failing handler by itself, with back-off,
 * from the processor's token; but a processor whose thread is interrupted (the unit-of-work timeout does
 * that to a batch still running after a minute, as happens on a starved machine) shuts itself down for
 * good, and the read models, the ledger and the feed stop following (measured). The supervisor looks at
 * the processors every few seconds and starts again any that stopped on its own, waiting longer after
 * each restart that did not last (up to a minute); the processor resumes from its stored token, so no
 * event is skipped and none is applied twice in a way that shows (projections are idempotent, the ledger
 * ignores an event delivered again). A processor stopped on purpose (a rebuild, the shutdown) is left
 * alone. {@link #states()} gives each processor's state and lag, for the health endpoint and the rebuild
 * status.
 */
@Component
public class ProcessorSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorSupervisor.class);
    private static final Duration MAX_WAIT = Duration.ofMinutes(1);

    /** A processor as the supervisor sees it: running or not, in error, caught up, where it is and how far behind. */
    public record State(String name, boolean running, boolean error, boolean caughtUp, Long position, Long lag, int restarts) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration every;
    private final Map<String, Restarts> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "processor-supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    /** Held while processors are stopped on purpose (a rebuild): the supervisor does not start them then. */
    private final Object hold = new Object();

    private static final class Restarts {
        int count;
        Instant last = Instant.EPOCH;
        Duration wait = Duration.ZERO;
    }

    public ProcessorSupervisor(EventProcessingConfiguration processing, EventStore eventStore,
                               @Value("${registro.processors.supervise-every:PT5S}") Duration every) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.every = every;
    }

    /** Processors stopped on purpose until {@link #startAgain}: never started by the supervisor meanwhile. */
    private final java.util.Set<String> leftStopped = ConcurrentHashMap.newKeySet();

    /** Stops these processors and leaves them stopped (a measurement, a test) until {@link #startAgain}. */
    public void stopOnPurpose(java.util.Collection<StreamingEventProcessor> processors) {
        synchronized (hold) {
            processors.forEach(p -> leftStopped.add(p.getName()));
            java.util.concurrent.CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        }
    }

    public void startAgain(java.util.Collection<StreamingEventProcessor> processors) {
        synchronized (hold) {
            processors.forEach(p -> {
                leftStopped.remove(p.getName());
                p.start();
            });
        }
    }

    /** Runs {@code work} while no processor is started by the supervisor: for stopping and resetting processors on purpose. */
    public <T> T whileHeld(Supplier<T> work) {
        synchronized (hold) {
            return work.get();
        }
    }

    private void supervise() {
        synchronized (hold) {
            if (!running) {
                return;
            }
            for (StreamingEventProcessor p : processors()) {
                if (p.isRunning() || leftStopped.contains(p.getName())) {
                    continue;
                }
                Restarts r = restarts.computeIfAbsent(p.getName(), k -> new Restarts());
                Instant now = Instant.now();
                if (now.isBefore(r.last.plus(r.wait))) {
                    continue;
                }
                // a restart that lasted less than a minute earns a longer wait before the next
                r.wait = now.isBefore(r.last.plus(MAX_WAIT)) ? min(MAX_WAIT, r.wait.isZero() ? every : r.wait.multipliedBy(2)) : Duration.ZERO;
                r.last = now;
                r.count++;
                log.warn("Event processor [{}] had stopped by itself; starting it again from its token (restart {})", p.getName(), r.count);
                try {
                    p.start();
                } catch (RuntimeException e) {
                    log.warn("Event processor [{}] could not be started again: {}", p.getName(), e.toString());
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private List<StreamingEventProcessor> processors() {
        List<StreamingEventProcessor> out = new ArrayList<>();
        processing.eventProcessors().values().forEach(p -> {
            if (p instanceof StreamingEventProcessor s) {
                out.add(s);
            }
        });
        return out;
    }

    /** Every streaming processor's state, with its lag behind the newest stored event. */
    public List<State> states() {
        long head = eventStore.createHeadToken().position().orElse(0);
        List<State> out = new ArrayList<>();
        for (StreamingEventProcessor p : processors()) {
            out.add(stateOf(p, head));
        }
        out.sort(java.util.Comparator.comparing(State::name));
        return out;
    }

    public State stateOf(StreamingEventProcessor p, long head) {
        boolean caughtUp = !p.processingStatus().isEmpty();
        Long position = null;
        boolean error = p.isError();
        for (EventTrackerStatus s : p.processingStatus().values()) {
            caughtUp &= s.isCaughtUp();
            error |= s.isErrorState();
            OptionalLong at = s.getCurrentPosition();
            if (at.isPresent()) {
                position = position == null ? at.getAsLong() : Math.min(position, at.getAsLong());
            }
        }
        Restarts r = restarts.get(p.getName());
        return new State(p.getName(), p.isRunning(), error, caughtUp, position, position == null ? null : Math.max(0, head - position),
                r == null ? 0 : r.count);
    }

    @Override
    public void start() {
        running = true;
        timer.scheduleWithFixedDelay(this::supervise, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        synchronized (hold) {
            running = false;
        }
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before Axon's processors do, so a shutdown is never taken for a failure. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
