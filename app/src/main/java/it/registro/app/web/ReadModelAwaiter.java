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
        // 1, 2, 3… ms between looks: a projection usually catches up within a few milliseconds, and
        // doubling pauses (2, 4, 8…) made a write wait up to twice that long (measured, docs/benchmarks.md).
        long pause = 1;
        while (projectedVersion.getAsLong() < version) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause + 1, 50);
        }
        return true;
    }
}
