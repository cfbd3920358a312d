package it.registro.app.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's file backend made crash-safe: a write is answered only once it is on disk, and
 * what is on disk is always the state between two whole commands, never half of one.
 * <p>
 * H2's MVStore, under mongo-java-server, keeps each collection and each index in a map of its own and,
 * left to itself, writes them to the file about once a second, map after map, while writers carry on.
 * Measured with {@code kill -9}: acknowledged events lost, and files in which a projection's token was
 * stored but the documents written before it were not, or an index held an entry its collection did not
 * (ADR 0014). Here its own background writer is off; every command that can write runs under a shared
 * lock, and a single committer thread takes that lock exclusively — so between commands — to write a
 * version of all maps at once, then answers every write that was done before it (group commit: one file
 * write for all writes waiting, however many). That is what {@code journal=true} means to a real MongoDB.
 * Reads take no lock and wait for nothing.
 */
public final class GroupCommitBackend implements MongoBackend, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitBackend.class);

    /** Commands that never write: answered without the lock and without waiting for a commit. Anything else counts as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "killcursors", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "whatsmyuri", "serverstatus", "dbstats",
            "collstats", "endsessions", "getparameter", "connectionstatus", "hostinfo", "getlog", "getcmdlineopts", "explain");

    private static final int COMPACT_EVERY = 512;
    private static final int COMPACT_FILL_RATE = 60;
    private static final int COMPACT_BYTES = 1 << 20;

    private final MongoBackend delegate;
    private final MVStore store;
    private final boolean fsync;
    private final int compactOnCloseMillis;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition changed = progress.newCondition();
    private final Thread committer;
    /** Writes finished so far, and how many of them are on disk (guarded by progress). */
    private long written;
    private long durable;
    private long commits;
    private boolean closing;
    private RuntimeException failure;

    public GroupCommitBackend(MongoBackend delegate, MVStore store, boolean fsync, int compactOnCloseMillis) {
        this.delegate = delegate;
        this.store = store;
        this.fsync = fsync;
        this.compactOnCloseMillis = compactOnCloseMillis;
        this.committer = new Thread(this::commitLoop, "embedded-store-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    private static boolean isRead(String command) {
        return READS.contains(command.toLowerCase(java.util.Locale.ROOT))
                || command.equalsIgnoreCase("aggregate"); // the service's pipelines never write ($out/$merge are not used)
    }

    /** Runs a command that may write between commits, and returns once its effect is on disk. */
    private <T> T write(Supplier<T> command) {
        commands.readLock().lock();
        try {
            return command.get();
        } finally {
            commands.readLock().unlock();
            awaitDurable(finished());
        }
    }

    private long finished() {
        progress.lock();
        try {
            written++;
            changed.signalAll();
            return written;
        } finally {
            progress.unlock();
        }
    }

    private void awaitDurable(long ticket) {
        progress.lock();
        try {
            boolean interrupted = false;
            while (durable < ticket) {
                if (failure != null) {
                    throw failure;
                }
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    interrupted = true; // the write is done; its answer still waits for the disk
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            progress.unlock();
        }
    }

    private void commitLoop() {
        while (true) {
            long upTo;
            progress.lock();
            try {
                while (written == durable && !closing) {
                    changed.awaitUninterruptibly();
                }
                if (written == durable) {
                    return; // closing, nothing left
                }
            } finally {
                progress.unlock();
            }
            try {
                commands.writeLock().lock();
                try {
                    progress.lock();
                    try {
                        upTo = written;
                    } finally {
                        progress.unlock();
                    }
                    store.commit();
                    if (store.isClosed()) {
                        throw new IllegalStateException("the file is closed");
                    }
                } finally {
                    commands.writeLock().unlock();
                }
                if (fsync) {
                    store.sync();
                }
            } catch (RuntimeException e) {
                log.error("The embedded store cannot write to its file; writes now fail", e);
                progress.lock();
                try {
                    failure = new IllegalStateException("The embedded store cannot write to its file: " + e.getMessage(), e);
                    changed.signalAll();
                } finally {
                    progress.unlock();
                }
                return;
            }
            long made;
            progress.lock();
            try {
                durable = upTo;
                made = ++commits;
                changed.signalAll();
            } finally {
                progress.unlock();
            }
            if (made % COMPACT_EVERY == 0) {
                compactSome();
            }
        }
    }

    /**
     * MVStore's own housekeeping ran on the background writer, which is off: every so many commits the
     * committer rewrites a little of the least-filled part of the file, between commands, so the file does
     * not grow with superseded pages. Bounded, so no command waits long for it.
     */
    private void compactSome() {
        commands.writeLock().lock();
        try {
            if (store.compact(COMPACT_FILL_RATE, COMPACT_BYTES)) {
                store.commit();
            }
        } catch (RuntimeException e) {
            log.warn("Compacting the embedded store's file failed (it stays as it is): {}", e.toString());
        } finally {
            commands.writeLock().unlock();
        }
    }

    /** Commits made so far (each covers every write that was waiting). */
    public long commits() {
        progress.lock();
        try {
            return commits;
        } finally {
            progress.unlock();
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        return isRead(command) ? delegate.handleMessage(message) : write(() -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return isRead(command) ? delegate.handleCommand(channel, database, command, query)
                : write(() -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        write(() -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    /** Commits what is left, compacts the file for at most the configured time, and closes it. */
    @Override
    public void close() {
        progress.lock();
        try {
            closing = true;
            changed.signalAll();
        } finally {
            progress.unlock();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commands.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.close(compactOnCloseMillis);
            }
            delegate.close();
        } finally {
            commands.writeLock().unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
