package it.registro.projections.common;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** An in-process MongoDB-wire server and a Spring Data template on it, for projection tests without Spring. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        this(null);
    }

    /** With a listener that sees every command the client sends (to count round trips). */
    public InMemoryMongo(com.mongodb.event.CommandListener listener) {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        com.mongodb.MongoClientSettings.Builder settings = com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "projections-test");
        MongoCustomConversions conversions = ReadModelConversions.conversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
