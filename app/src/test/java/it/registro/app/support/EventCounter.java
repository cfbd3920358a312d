package it.registro.app.support;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import it.registro.app.store.StoreDatabase;

/** Counts what the event store holds, to prove that a rejected command stored nothing. */

public class EventCounter {

    /** The stores' own collections (both engines), as opposed to read models. */
    public static final java.util.Set<String> STORE_COLLECTIONS = java.util.Set.of("domainevents", "snapshotevents", "events",
            "eventcounters", "eventsnapshots");

    private final MongoClient client;
    private final StoreDatabase database;

    public EventCounter(MongoClient client, StoreDatabase database) {
        this.client = client;
        this.database = database;
    }

    /** Stored events; the sequenced engine's tombstones (numbers closed without an event) are not events. */
    public long total() {
        return events().countDocuments(new Document("tombstone", new Document("$ne", true)));
    }

    public long forAggregate(String aggregateId) {
        return events().countDocuments(new Document("aggregateIdentifier", aggregateId));
    }

    private com.mongodb.client.MongoCollection<Document> events() {
        return client.getDatabase(database.name()).getCollection(database.eventsCollection());
    }
}
