package it.registro.app.health;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreDatabase;

/**
 * Reports the store honestly on both kinds of store. Boot's own MongoDB indicator sends
 * {@code hello}, which the embedded server does not answer, so it is disabled and this one sends
 * {@code ping} and counts the stored events instead. The details say which store is in use.
 */
@Component("store")
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final StoreDatabase database;

    public StoreHealthIndicator(MongoClient client, StoreDatabase database) {
        super("Store health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MongoDatabase db = client.getDatabase(database.name());
        db.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("kind", database.embedded() ? "embedded (development only)" : "mongodb")
                .withDetail("database", database.name())
                .withDetail("events", db.getCollection(database.eventsCollection()).estimatedDocumentCount());
    }
}
