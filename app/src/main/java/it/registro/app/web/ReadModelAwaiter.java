package it.registro.app.web;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the REST API: after a command is stored, waits (briefly, bounded) until the
 * read model shows that version, so a client that writes and then reads sees its own write. If the
 * projection is slower than the bound, the write still stands; the read simply shows it later.
 */
@Component
public class ReadModelAwaiter {

    private final Duration timeout;
    /** Batches committed by this instance's read-model processors; its monitor is what waiting requests wait on. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    public ReadModelAwaiter(@Value("${registro.http.read-your-writes-timeout:2s}") Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The answer to an accepted write: 200 with the new version as ETag, once the read model shows
     * it (or the bound has passed, which the answer says).
     */
    public org.springframework.http.ResponseEntity<CommandAccepted> accepted(String id, long version,
                                                                              LongSupplier projectedVersion) {
        boolean projected = await(projectedVersion, version);
        return org.springframework.http.ResponseEntity.ok().eTag(Etags.of(version))
                .body(new CommandAccepted(id, version, projected));
    }

    /**
     * @param projectedVersion the version the read model shows now, or -1 when absent
     * @return whether the read model reached {@code version} within the bound
     */
    public boolean await(LongSupplier projectedVersion, long version) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Looks again as soon as a read-model processor of this instance commits a batch; and every 1,
        // 2, 3… ms in any case, for a processor that runs on another instance (it claims the token there).
        long pause = 1;
        while (true) {
            long seen = commits.get();
            if (projectedVersion.getAsLong() >= version) {
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
            pause = Math.min(pause + 1, 50);
        }
    }

    /** Batches the read-model processor of this instance has committed since start-up. */
    long committedBatches() {
        return commits.get();
    }

    /** A read-model processor of this instance has committed a batch: whoever waits looks again. */
    void readModelsCommitted() {
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
    @org.springframework.context.annotation.Bean
    static org.axonframework.config.ConfigurerModule readModelCommits(
            org.springframework.beans.factory.ObjectProvider<ReadModelAwaiter> awaiter) {
        String key = ReadModelAwaiter.class.getName() + ".registered";
        // The read models that answers wait on are all fed by this processor; the audit trail's commits would only wake them for nothing.
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(it.registro.app.axon.AxonConfiguration.READ_MODELS,
                c -> (unitOfWork, chain) -> {
                    var root = unitOfWork.root();
                    if (root.resources().putIfAbsent(key, Boolean.TRUE) == null) {
                        root.afterCommit(u -> awaiter.getObject().readModelsCommitted());
                    }
                    return chain.proceed();
                });
    }
}
