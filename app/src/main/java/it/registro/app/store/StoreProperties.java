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
 */
@ConfigurationProperties("registro.store")
public record StoreProperties(
        String uri,
        @DefaultValue("registro") String database,
        @DefaultValue("FILE") EmbeddedBackend embeddedBackend,
        @DefaultValue("./data") Path dataDir) {

    public enum EmbeddedBackend { FILE, MEMORY }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
