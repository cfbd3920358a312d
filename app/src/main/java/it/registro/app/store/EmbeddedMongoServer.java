package it.registro.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code MONGODB_URI} is given, so the service runs
 * with nothing installed but a JDK. It listens on a random loopback port; the application talks to
 * it through the ordinary MongoDB driver, exactly as it would talk to a real MongoDB.
 * <p>
 * Development only: it has no transactions, ignores non-unique indexes, and its file backend
 * commits asynchronously, so a crash can lose the last second of acknowledged writes.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final String connectionString;
    private final String description;

    private EmbeddedMongoServer(MongoBackend backend, String description) {
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", 0);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        this.description = description;
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), "in memory (data is lost when the service stops)");
    }

    public static EmbeddedMongoServer inFile(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("registro.mv").toAbsolutePath();
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the embedded store file " + file
                    + " (is another Registro instance running on the same data directory?): " + e.getMessage(), e);
        }
        return new EmbeddedMongoServer(backend, "file " + file);
    }

    public String connectionString() {
        return connectionString;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        log.info("Stopping the embedded store ({})", description);
        // shutdown() closes the backend, which flushes the H2 file.
        server.shutdown();
    }
}
