package it.registro.app.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second instance on a locked data directory stops with one clear message naming the directory, not a stack trace. */
public class StoreLockedFailureAnalyzer extends AbstractFailureAnalyzer<StoreLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreLockedException cause) {
        return new FailureAnalysis("The embedded store in " + cause.dataDir().toAbsolutePath()
                + " is locked by another process: another Registro instance is running on the same data directory.",
                "Stop the other instance, or start this one with another data directory (REGISTRO_DATA_DIR).", cause);
    }
}
