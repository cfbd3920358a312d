package it.registro.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code MONGODB_URI} is given, so the service runs
 * with nothing installed but a JDK. It listens on a random loopback port; the application talks to
 * it through the ordinary MongoDB driver, exactly as it would talk to a real MongoDB.
 * <p>
 * Development only: it has no transactions and ignores non-unique indexes. Its file backend answers a
 * write once it is in the file, and the file always holds whole commands ({@link GroupCommitBackend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final String connectionString;
    private final String description;

    /**
     * Network threads of the embedded server: a write's thread waits for its group commit, so there are
     * enough of them for the connections of a busy service not to queue behind one another's commits.
     */
    private static final int WORKER_THREADS = 32;

    private EmbeddedMongoServer(MongoBackend backend, String description) {
        this.server = new MongoServer(backend);
        this.server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1, WORKER_THREADS);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        this.description = description;
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), "in memory (data is lost when the service stops)");
    }

    /**
     * @param fsync whether each group commit is also forced to the disk (survives power loss, not only a
     *              killed process)
     */
    public static EmbeddedMongoServer inFile(Path dataDir, boolean fsync, int compactOnCloseMillis) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("registro.mv").toAbsolutePath();
        MVStore store;
        try {
            // H2's own background writer is off (it writes the maps one by one while writers go on); the
            // group commit writes instead. The buffer size only keeps H2 from committing on its own.
            store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(256 * 1024).open();
        } catch (org.h2.mvstore.MVStoreException e) {
            if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreLockedException(dataDir, e);
            }
            throw new IllegalStateException("Cannot open the embedded store file " + file + ": " + e.getMessage(), e);
        }
        GroupCommitBackend backend = new GroupCommitBackend(new H2Backend(store), store, fsync, compactOnCloseMillis);
        return new EmbeddedMongoServer(backend, "file " + file + (fsync ? ", each commit forced to disk" : ", commits written, not forced"));
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
