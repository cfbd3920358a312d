package it.registro.app.audit.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreDatabase;
import it.registro.app.store.engine.EventChain;
import it.registro.app.store.engine.SequencedEventStorageEngine;

/**
 * The event documents of either storage engine (the sequenced engine's {@code events}, axon-mongo's
 * {@code domainevents}: one document per event, the same field names). The canonical bytes are the
 * BSON encoding of the stored fields in a fixed order: the document id (the global sequence, with the
 * sequenced engine), identifiers, aggregate position, type, time, payload and metadata exactly as
 * stored, so any edit of any of them changes the hash. Tombstones (numbers closed without an event)
 * are not events.
 * <p>
 * The sequenced engine's events are read by exact keys only ({@code _id $in} a page of positions up to
 * the counter, {@code eventIdentifier $in} for ids), which the embedded server answers without a scan
 * and a real MongoDB from its indexes; axon-mongo's, which have no positions, in the collection's order.
 */
@Component
public class MongoStoredEvents implements StoredEvents {

    static final List<String> FIELDS = List.of("_id", "eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type", "timeStamp",
            "payloadType", "payloadRevision", "serializedPayload", "serializedMetaData");
    private static final Document NOT_TOMBSTONE = new Document("tombstone", new Document("$ne", true));
    /** Keys per {@code $in}: the embedded server compares each found document with the whole list. */
    private static final int IN_CHUNK = 128;

    private final MongoClient client;
    private final StoreDatabase database;

    public MongoStoredEvents(MongoClient client, StoreDatabase database) {
        this.client = client;
        this.database = database;
    }

    private MongoCollection<Document> events() {
        return client.getDatabase(database.name()).getCollection(database.eventsCollection());
    }

    /** The events as the bytes stored: hashed without decoding a string. */
    private MongoCollection<RawBsonDocument> raw() {
        return client.getDatabase(database.name()).getCollection(database.eventsCollection(), RawBsonDocument.class);
    }

    private boolean sequenced() {
        return database.eventsCollection().equals(SequencedEventStorageEngine.DEFAULT_EVENTS);
    }

    static StoredEvent of(RawBsonDocument d) {
        byte[] bytes = EventChain.canonical(d, FIELDS);
        BsonValue id = d.get("_id");
        BsonValue sequence = d.get("sequenceNumber");
        String chain = string(d, EventChain.CHAIN);
        return new StoredEvent(id != null && id.isNumber() ? id.asNumber().longValue() : -1, string(d, "eventIdentifier"),
                string(d, "aggregateIdentifier"), sequence != null && sequence.isNumber() ? sequence.asNumber().longValue() : -1,
                string(d, "type"), bytes, chain, string(d, EventChain.CHAIN_PREVIOUS), chain == null ? null : EventChain.leaf(d));
    }

    private static String string(RawBsonDocument d, String field) {
        BsonValue value = d.get(field);
        return value != null && value.isString() ? value.asString().getValue() : null;
    }

    private static boolean tombstone(RawBsonDocument d) {
        BsonValue value = d.get("tombstone");
        return value != null && value.isBoolean() && value.asBoolean().getValue();
    }

    @Override
    public Optional<StoredEvent> byEventId(String eventId) {
        return Optional.ofNullable(raw().find(new Document("eventIdentifier", eventId)).first()).map(MongoStoredEvents::of);
    }

    @Override
    public Map<String, StoredEvent> byEventIds(Collection<String> eventIds) {
        Map<String, StoredEvent> found = new HashMap<>();
        List<String> all = new ArrayList<>(eventIds);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            for (RawBsonDocument d : raw().find(new Document("eventIdentifier", new Document("$in", chunk)))) {
                StoredEvent e = of(d);
                found.put(e.eventId(), e);
            }
        }
        return found;
    }

    @Override
    public Map<Long, StoredEvent> at(Collection<Long> positions) {
        Map<Long, StoredEvent> found = new HashMap<>();
        if (!sequenced()) {
            return found;
        }
        List<Long> all = new ArrayList<>(positions);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            for (RawBsonDocument d : raw().find(new Document("_id", new Document("$in", chunk)))) {
                if (!tombstone(d)) {
                    StoredEvent e = of(d);
                    found.put(e.position(), e);
                }
            }
        }
        return found;
    }

    @Override
    public void forEachPage(int pageSize, LongPredicate known, Consumer<List<StoredEvent>> page) {
        if (!sequenced()) {
            List<StoredEvent> batch = new ArrayList<>(pageSize);
            for (RawBsonDocument d : raw().find(NOT_TOMBSTONE).batchSize(pageSize)) {
                batch.add(of(d));
                if (batch.size() == pageSize) {
                    page.accept(batch);
                    batch = new ArrayList<>(pageSize);
                }
            }
            if (!batch.isEmpty()) {
                page.accept(batch);
            }
            return;
        }
        long head = head();
        long documents = 0;
        long g = 1;
        while (g <= head) {
            List<Long> positions = new ArrayList<>(pageSize);
            for (; g <= head && positions.size() < pageSize; g++) {
                if (known.test(g)) {
                    documents++;
                } else {
                    positions.add(g);
                }
            }
            List<StoredEvent> batch = new ArrayList<>(positions.size());
            for (int i = 0; i < positions.size(); i += IN_CHUNK) {
                List<Long> chunk = positions.subList(i, Math.min(positions.size(), i + IN_CHUNK));
                java.util.TreeMap<Long, RawBsonDocument> found = new java.util.TreeMap<>();
                raw().find(new Document("_id", new Document("$in", chunk))).forEach(d -> found.put(d.get("_id").asNumber().longValue(), d));
                documents += found.size();
                found.values().forEach(d -> {
                    if (!tombstone(d)) {
                        batch.add(of(d));
                    }
                });
            }
            page.accept(batch);
        }
        // Documents outside the numbering (written around the engine) are found only by counting: the
        // collection's count (kept by both stores, no scan) says whether to look for them with one scan.
        if (events().estimatedDocumentCount() > documents) {
            List<StoredEvent> extra = new ArrayList<>();
            for (Document d : events().find().projection(new Document("_id", 1).append("tombstone", 1)).batchSize(1000)) {
                Object id = d.get("_id");
                boolean numbered = id instanceof Number n && n.longValue() >= 1 && n.longValue() <= head;
                if (!numbered && !d.getBoolean("tombstone", false)) {
                    RawBsonDocument full = raw().find(new Document("_id", id)).first();
                    if (full != null) {
                        extra.add(of(full));
                    }
                }
            }
            if (!extra.isEmpty()) {
                page.accept(extra);
            }
        }
    }

    /** The highest number the sequenced engine has reserved (0 when none). */
    private long head() {
        Document counter = client.getDatabase(database.name()).getCollection(SequencedEventStorageEngine.DEFAULT_COUNTERS)
                .find(new Document("_id", SequencedEventStorageEngine.COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    @Override
    public long count() {
        return events().countDocuments(NOT_TOMBSTONE);
    }
}
