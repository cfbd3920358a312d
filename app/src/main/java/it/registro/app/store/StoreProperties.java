package it.registro.app.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where events and read models live.
 *
 * @param uri             a MongoDB connection string (from {@code MONGODB_URI}); blank means the embedded store
 * @param database        the database used when the URI names none
 * @param embeddedBackend FILE (survives a restart; for a normal run) or MEMORY (tests)
 * @param dataDir         where the FILE backend keeps its file
 * @param engine          the event storage engine: SEQUENCED (global sequence, gap-aware tracking; see ADR 0011)
 *                        or AXON_MONGO (the axon-mongo extension's engine, kept to compare the two)
 * @param snapshotThreshold events after which an aggregate is snapshotted (0: never)
 * @param aggregateCache  keep loaded aggregates in memory (a weak-reference cache)
 * @param embeddedFsync   the FILE backend forces each group commit to the disk, so an acknowledged write
 *                        survives a power loss too, not only a killed process (ADR 0014)
 * @param embeddedCompactOnClose how long the FILE backend may compact its file when the service stops
 */
@ConfigurationProperties("registro.store")
public record StoreProperties(
        String uri,
        @DefaultValue("registro") String database,
        @DefaultValue("FILE") EmbeddedBackend embeddedBackend,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("SEQUENCED") Engine engine,
        @DefaultValue("0") int snapshotThreshold,
        @DefaultValue("true") boolean aggregateCache,
        @DefaultValue("true") boolean embeddedFsync,
        @DefaultValue("5s") java.time.Duration embeddedCompactOnClose) {

    public enum EmbeddedBackend { FILE, MEMORY }

    public enum Engine {
        SEQUENCED(it.registro.app.store.engine.SequencedEventStorageEngine.DEFAULT_EVENTS), AXON_MONGO("domainevents");

        private final String eventsCollection;

        Engine(String eventsCollection) {
            this.eventsCollection = eventsCollection;
        }

        /** Where this engine keeps its events: two engines never share a collection. */
        public String eventsCollection() {
            return eventsCollection;
        }
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
