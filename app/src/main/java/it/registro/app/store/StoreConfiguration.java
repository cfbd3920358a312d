package it.registro.app.store;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import it.registro.projections.common.ReadModelConversions;

/**
 * Chooses the store. With {@code MONGODB_URI} set, that MongoDB; otherwise an embedded server
 * started here. Either way Boot builds one ordinary {@link MongoClient} from the connection
 * details, and everything after that (event store, token store, read models) is the same code.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedStoreCondition.class)
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        return properties.embeddedBackend() == StoreProperties.EmbeddedBackend.MEMORY
                ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.inFile(properties.dataDir(), properties.embeddedFsync(),
                        (int) properties.embeddedCompactOnClose().toMillis());
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(StoreProperties properties,
                                                  ObjectProvider<EmbeddedMongoServer> embedded) {
        ConnectionString connectionString;
        if (properties.embedded()) {
            EmbeddedMongoServer server = embedded.getObject();
            connectionString = new ConnectionString(withDatabase(server.connectionString(), properties.database()));
            log.info("Store: EMBEDDED MongoDB-compatible server, {}, at {} — for development and tests; "
                    + "set MONGODB_URI to use a real MongoDB", server.description(), server.connectionString());
        } else {
            connectionString = new ConnectionString(withDatabase(properties.uri(), properties.database()));
            log.info("Store: MongoDB at {} (from MONGODB_URI), database '{}'",
                    connectionString.getHosts(), connectionString.getDatabase());
        }
        return () -> connectionString;
    }

    /**
     * The URI with a database: its own if it names one, else {@code database}. Boot's MongoDB
     * support and Axon's event store then read the same name from the same connection string.
     */
    static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://") + 3;
        int slash = uri.indexOf('/', hostsStart);
        int query = uri.indexOf('?', hostsStart);
        if (slash < 0 || (query >= 0 && query < slash)) {
            return query < 0 ? uri + "/" + database : uri.substring(0, query) + "/" + database + uri.substring(query);
        }
        int dbEnd = query < 0 ? uri.length() : query;
        if (slash + 1 == dbEnd) {
            return uri.substring(0, slash + 1) + database + uri.substring(dbEnd);
        }
        return uri;
    }

    @Bean
    StoreDatabase storeDatabase(MongoConnectionDetails details, StoreProperties properties,
                                @Value("${spring.mongodb.database:}") String springDatabase) {
        String name = springDatabase.isBlank() ? details.getConnectionString().getDatabase() : springDatabase;
        return new StoreDatabase(name, properties.embedded(), properties.engine().eventsCollection());
    }

    /**
     * The read models' template: inside a processor's batch, a document read by id and saved by several events is
     * written once when the batch ends (see BatchDocuments); elsewhere a plain MongoTemplate.
     */
    @Bean
    org.springframework.data.mongodb.core.MongoTemplate mongoTemplate(org.springframework.data.mongodb.MongoDatabaseFactory factory,
                                                                      org.springframework.data.mongodb.core.convert.MongoConverter converter,
                                                                      ObjectProvider<EmbeddedMongoServer> embedded) {
        // the embedded server ignores indexes that are not unique: asking for them at each start-up only cost time
        return new it.registro.projections.common.BatchDocuments(factory, converter, embedded.getIfAvailable() != null);
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return ReadModelConversions.conversions();
    }
}
