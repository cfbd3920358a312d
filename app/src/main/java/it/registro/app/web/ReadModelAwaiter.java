package it.registro.app.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import it.registro.app.axon.AxonConfiguration;
import it.registro.app.store.engine.AppendedPosition;

/**
 * Read-your-writes for the REST API: after a command is stored, waits (briefly, bounded) until the
 * read model shows that version, so a client that writes and then reads sees its own write. If the
 * projection is slower than the bound, the write still stands; the read simply shows it later.
 */
@Component
public class ReadModelAwaiter {

    /** Between looks when commits are announced here: in case an announcement is missed (it should not be). */
    static final Duration SAFETY_NET = Duration.ofMillis(25);

    private final Duration timeout;
    /** Batches committed by this instance's read-model processors; its monitor is what waiting requests wait on. */
    private final AtomicLong commits = new AtomicLong();
    /** The highest global position the read-model processor of this instance has committed (-1: none since start-up). */
    private final AtomicLong projectedPosition = new AtomicLong(-1);

    /** Whether the read-models processor runs on this instance now (holds its token), so that its commits are announced here. */
    private final BooleanSupplier processorHere;
    private final long safetyNetMillis;
    /** Where the read-models processor of this instance stands in the global sequence (-1: unknown). */
    private final LongSupplier processorPosition;

    @Autowired
    public ReadModelAwaiter(@Value("${registro.http.read-your-writes-timeout:2s}") Duration timeout,
                            ObjectProvider<EventProcessingConfiguration> processing) {
        this(timeout, () -> processing.getObject()
                .eventProcessor(AxonConfiguration.READ_MODELS, StreamingEventProcessor.class)
                .map(p -> p.isRunning() && !p.processingStatus().isEmpty()).orElse(false), SAFETY_NET, () -> processing.getObject()
                .eventProcessor(AxonConfiguration.READ_MODELS, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1))
                .orElse(-1L));
    }

    /** Without a processor here: looks on its own schedule only (and still on any commit announced). */
    public ReadModelAwaiter(Duration timeout) {
        this(timeout, () -> false);
    }

    ReadModelAwaiter(Duration timeout, BooleanSupplier processorHere) {
        this(timeout, processorHere, SAFETY_NET);
    }

    ReadModelAwaiter(Duration timeout, BooleanSupplier processorHere, Duration safetyNet) {
        this(timeout, processorHere, safetyNet, () -> -1);
    }

    ReadModelAwaiter(Duration timeout, BooleanSupplier processorHere, Duration safetyNet, LongSupplier processorPosition) {
        this.timeout = timeout;
        this.processorHere = processorHere;
        this.safetyNetMillis = Math.max(1, safetyNet.toMillis());
        this.processorPosition = processorPosition;
    }

    /**
     * The answer to an accepted write: 200 with the new version as ETag, once the read model shows
     * it (or the bound has passed, which the answer says).
     */
    public ResponseEntity<CommandAccepted> accepted(String id, long version,
                                                                              LongSupplier projectedVersion) {
        boolean projected = awaitOwnWrite(projectedVersion, version);
        return ResponseEntity.ok().eTag(Etags.of(version))
                .body(new CommandAccepted(id, version, projected));
    }

    /**
     * Waits for the write this thread has just made: when the read-model processor runs here and the engine told
     * where the write landed in the sequence ({@link AppendedPosition}), until that processor has committed that
     * position — no read model is asked, whatever its size; otherwise as {@link #await(LongSupplier, long)}.
     */
    public boolean awaitOwnWrite(LongSupplier projectedVersion, long version) {
        long position = AppendedPosition.last();
        if (position < 0 || !processorHere.getAsBoolean()) {
            return await(projectedVersion, version);
        }
        // a batch of events no read model handles commits nothing to announce: the processor's position says it passed
        return until(() -> projectedPosition.get() >= position || processorPosition.getAsLong() >= position, true);
    }

    /**
     * @param projectedVersion the version the read model shows now, or -1 when absent
     * @return whether the read model reached {@code version} within the bound
     */
    public boolean await(LongSupplier projectedVersion, long version) {
        return until(() -> projectedVersion.getAsLong() >= version, processorHere.getAsBoolean());
    }

    /**
     * Looks at {@code shown} again as soon as the read-models processor of this instance commits a batch. When it runs
     * on another instance (which then holds its token), nothing is announced here: look every 1, 2, 3… ms. When it runs
     * here, every look between commits is wasted work on the cores the processor needs, so the schedule is only a
     * safety net.
     */
    private boolean until(java.util.function.BooleanSupplier shown, boolean announced) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = announced ? safetyNetMillis : 1;
        while (true) {
            long seen = commits.get();
            if (shown.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                synchronized (commits) {
                    if (commits.get() == seen) {
                        commits.wait(pause);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = announced ? safetyNetMillis : Math.min(pause + 1, 50);
        }
    }

    /** Whether the read-models processor runs here now, so that waiting relies on its announced commits. */
    boolean commitsAnnouncedHere() {
        return processorHere.getAsBoolean();
    }

    /** Batches the read-model processor of this instance has committed since start-up. */
    long committedBatches() {
        return commits.get();
    }

    /** A read-model processor of this instance has committed a batch: whoever waits looks again. */
    void readModelsCommitted() {
        readModelsCommitted(-1);
    }

    /** As {@link #readModelsCommitted()}, the batch having reached {@code position} in the global sequence. */
    void readModelsCommitted(long position) {
        projectedPosition.accumulateAndGet(position, Math::max);
        synchronized (commits) {
            commits.incrementAndGet();
            commits.notifyAll();
        }
    }

    /**
     * Tells the awaiter when a batch of the read-model processors is committed (its documents written,
     * its token stored), once per batch, so a waiting request looks when there is something new to see
     * instead of only on its own schedule.
     */
    @Bean
    static ConfigurerModule readModelCommits(
            ObjectProvider<ReadModelAwaiter> awaiter) {
        String key = ReadModelAwaiter.class.getName() + ".position";
        // The read models that answers wait on are all fed by this processor; the audit trail's commits would only wake them for nothing.
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(AxonConfiguration.READ_MODELS,
                c -> (unitOfWork, chain) -> {
                    var root = unitOfWork.root();
                    long position = unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                            ? tracked.trackingToken().position().orElse(-1) : -1;
                    AtomicLong batchPosition = (AtomicLong) root.resources().get(key);
                    if (batchPosition == null) {
                        AtomicLong created = new AtomicLong(-1);
                        root.resources().put(key, created);
                        root.afterCommit(u -> awaiter.getObject().readModelsCommitted(created.get()));
                        batchPosition = created;
                    }
                    batchPosition.accumulateAndGet(position, Math::max);
                    return chain.proceed();
                });
    }
}
