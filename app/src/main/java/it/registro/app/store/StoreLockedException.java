package it.registro.app.store;

import java.nio.file.Path;

/** The embedded store's file is held by another process: most often a second Registro on the same data directory. */
public class StoreLockedException extends IllegalStateException {

    private final Path dataDir;

    public StoreLockedException(Path dataDir, Throwable cause) {
        super("The data directory " + dataDir.toAbsolutePath() + " is in use by another process (another Registro instance?)", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
