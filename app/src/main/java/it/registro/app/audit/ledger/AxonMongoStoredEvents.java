package it.registro.app.audit.ledger;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreDatabase;

/**
 * The documents of the axon-mongo engine ({@code domainevents}, one per event). The canonical bytes
 * are the BSON encoding of the stored fields in a fixed order: identifiers, position, type, time,
 * payload and metadata exactly as stored, so any edit of any of them changes the hash.
 */
@Component
public class AxonMongoStoredEvents implements StoredEvents {

    static final String COLLECTION = "domainevents";
    static final List<String> FIELDS = List.of("eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type", "timeStamp",
            "payloadType", "payloadRevision", "serializedPayload", "serializedMetaData");

    private final MongoClient client;
    private final StoreDatabase database;

    public AxonMongoStoredEvents(MongoClient client, StoreDatabase database) {
        this.client = client;
        this.database = database;
    }

    private MongoCollection<Document> events() {
        return client.getDatabase(database.name()).getCollection(COLLECTION);
    }

    static StoredEvent of(Document d) {
        Document canonical = new Document();
        FIELDS.forEach(f -> canonical.append(f, d.get(f)));
        ByteBuffer buffer = new RawBsonDocument(canonical, new DocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Object sequence = d.get("sequenceNumber");
        return new StoredEvent(d.getString("eventIdentifier"), d.getString("aggregateIdentifier"),
                sequence instanceof Number n ? n.longValue() : -1, d.getString("type"), bytes);
    }

    @Override
    public Optional<StoredEvent> byEventId(String eventId) {
        return Optional.ofNullable(events().find(new Document("eventIdentifier", eventId)).first()).map(AxonMongoStoredEvents::of);
    }

    @Override
    public void forEach(Consumer<StoredEvent> each) {
        for (Document d : events().find()) {
            each.accept(of(d));
        }
    }

    @Override
    public long count() {
        return events().countDocuments();
    }
}
