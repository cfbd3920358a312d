package it.registro.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * The embedded file store's data directory belongs to one running service. The lock is taken as soon as
 * the configuration is read, before anything else starts, so a second instance on the same directory
 * stops within seconds with one message naming it ({@link StoreLockedFailureAnalyzer}) instead of failing
 * half-way through its start-up. The operating system releases the lock when the process ends, however
 * it ends (also after {@code kill -9}).
 */
public class DataDirectoryLock implements ApplicationListener<ApplicationEvent> {

    static final String LOCK_FILE = "registro.lock";

    private FileChannel channel;
    private FileLock lock;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            acquire(prepared.getEnvironment());
        } else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    private synchronized void acquire(Environment environment) {
        String uri = environment.getProperty("registro.store.uri", "");
        String backend = environment.getProperty("registro.store.embedded-backend", "FILE");
        if (!uri.isBlank() || !backend.equalsIgnoreCase("FILE")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("registro.store.data-dir", "./data"));
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another service in this same process
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data directory " + dataDir.toAbsolutePath(), e);
        }
        if (lock == null) {
            release();
            throw new StoreLockedException(dataDir, null);
        }
    }

    private synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the process is ending or the directory is gone: the system drops the lock with the file handle
        } finally {
            lock = null;
            channel = null;
        }
    }
}
