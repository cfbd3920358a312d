package it.registro.app.audit.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreDatabase;
import it.registro.app.store.engine.EventChain;

/**
 * The event documents of either storage engine (the sequenced engine's {@code events}, axon-mongo's
 * {@code domainevents}: one document per event, the same field names). The canonical bytes are the
 * BSON encoding of the stored fields in a fixed order: the document id (the global sequence, with the
 * sequenced engine), identifiers, aggregate position, type, time, payload and metadata exactly as
 * stored, so any edit of any of them changes the hash. Tombstones (numbers closed without an event)
 * are not events.
 */
@Component
public class MongoStoredEvents implements StoredEvents {

    static final List<String> FIELDS = List.of("_id", "eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type", "timeStamp",
            "payloadType", "payloadRevision", "serializedPayload", "serializedMetaData");
    private static final Document NOT_TOMBSTONE = new Document("tombstone", new Document("$ne", true));

    private final MongoClient client;
    private final StoreDatabase database;

    public MongoStoredEvents(MongoClient client, StoreDatabase database) {
        this.client = client;
        this.database = database;
    }

    private MongoCollection<Document> events() {
        return client.getDatabase(database.name()).getCollection(database.eventsCollection());
    }

    static StoredEvent of(Document d) {
        byte[] bytes = EventChain.canonical(d, FIELDS);
        Object sequence = d.get("sequenceNumber");
        String chain = d.getString(EventChain.CHAIN);
        return new StoredEvent(d.getString("eventIdentifier"), d.getString("aggregateIdentifier"),
                sequence instanceof Number n ? n.longValue() : -1, d.getString("type"), bytes, chain, d.getString(EventChain.CHAIN_PREVIOUS),
                chain == null ? null : EventChain.leaf(d));
    }

    @Override
    public Optional<StoredEvent> byEventId(String eventId) {
        return Optional.ofNullable(events().find(new Document("eventIdentifier", eventId)).first()).map(MongoStoredEvents::of);
    }

    /** An exact-key read by the global sequence the sequenced engine uses as document id; served without a scan. */
    @Override
    public Optional<StoredEvent> at(long position, String eventId) {
        Document d = events().find(new Document("_id", position)).first();
        return d != null && eventId.equals(d.getString("eventIdentifier")) ? Optional.of(of(d)) : Optional.empty();
    }

    @Override
    public void forEach(Consumer<StoredEvent> each) {
        for (Document d : events().find(NOT_TOMBSTONE)) {
            each.accept(of(d));
        }
    }

    @Override
    public long count() {
        return events().countDocuments(NOT_TOMBSTONE);
    }
}
