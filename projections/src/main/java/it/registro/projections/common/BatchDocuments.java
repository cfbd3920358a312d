package it.registro.projections.common;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The read models' template, which inside a processor's batch keeps the documents its handlers read by id and
 * save, and writes each changed one once, when the batch ends (with {@link BatchedWrites}), instead of once per
 * event: a rebuild loaded and saved a sitting's document for each of its events. Every other use of the store in
 * the batch — a query, an update, a removal, the raw collection — first writes what is pending and forgets what
 * it kept, so it sees exactly what one-write-per-event would have shown. Outside a batch (query handlers, a
 * handler called directly) it is a plain {@link MongoTemplate}.
 */
public class BatchDocuments extends MongoTemplate {

    /** What one batch holds: documents by collection and id, and which of them were saved. */
    static final class Held {
        final Map<String, Object> read = new LinkedHashMap<>();
        final Map<String, Object> changed = new LinkedHashMap<>();
        final Map<String, String> collections = new LinkedHashMap<>();
    }

    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Whether the store ignores indexes that are not unique (the embedded server does): then they are not asked for. */
    private final boolean secondaryIndexesIgnored;

    public BatchDocuments(MongoDatabaseFactory factory, MongoConverter converter) {
        this(factory, converter, false);
    }

    public BatchDocuments(MongoDatabaseFactory factory, MongoConverter converter, boolean secondaryIndexesIgnored) {
        super(factory, converter);
        this.secondaryIndexesIgnored = secondaryIndexesIgnored;
    }

    @Override
    public org.springframework.data.mongodb.core.index.IndexOperations indexOps(String collectionName) {
        return askingOnce(super.indexOps(collectionName));
    }

    @Override
    public org.springframework.data.mongodb.core.index.IndexOperations indexOps(String collectionName, Class<?> type) {
        return askingOnce(super.indexOps(collectionName, type));
    }

    @Override
    public org.springframework.data.mongodb.core.index.IndexOperations indexOps(Class<?> entityClass) {
        return askingOnce(super.indexOps(entityClass));
    }

    /**
     * Index requests made at every start-up: an index already listed is not asked for again, and on a store that
     * ignores non-unique indexes those are not asked for at all. Measured on the embedded file store at 100k events,
     * each such request on the audit trail took about 8 s of a 64 s start-up.
     */
    private org.springframework.data.mongodb.core.index.IndexOperations askingOnce(org.springframework.data.mongodb.core.index.IndexOperations ops) {
        return new org.springframework.data.mongodb.core.index.IndexOperations() {
            @Override
            public String createIndex(org.springframework.data.mongodb.core.index.IndexDefinition index) {
                String name = index.getIndexOptions().getString("name");
                if (name == null) {
                    StringBuilder b = new StringBuilder();
                    index.getIndexKeys().forEach((k, v) -> b.append(b.length() == 0 ? "" : "_").append(k).append('_').append(v));
                    name = b.toString();
                }
                if (secondaryIndexesIgnored && !Boolean.TRUE.equals(index.getIndexOptions().get("unique"))) {
                    return name;
                }
                for (org.springframework.data.mongodb.core.index.IndexInfo existing : ops.getIndexInfo()) {
                    if (existing.getName().equals(name)) {
                        return name;
                    }
                }
                return ops.createIndex(index);
            }

            @Override
            public void alterIndex(String name, org.springframework.data.mongodb.core.index.IndexOptions options) {
                ops.alterIndex(name, options);
            }

            @Override
            public void dropIndex(String name) {
                ops.dropIndex(name);
            }

            @Override
            public void dropAllIndexes() {
                ops.dropAllIndexes();
            }

            @Override
            public java.util.List<org.springframework.data.mongodb.core.index.IndexInfo> getIndexInfo() {
                return ops.getIndexInfo();
            }
        };
    }

    @Override
    public <T> T findById(Object id, Class<T> entityClass) {
        return findById(id, entityClass, getCollectionName(entityClass));
    }

    @Override
    public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
        Held held = BatchedWrites.held(this);
        if (held == null || id == null) {
            return super.findById(id, entityClass, collectionName);
        }
        String key = collectionName + "|" + id;
        Object kept = held.read.get(key);
        if (kept != null && entityClass.isInstance(kept)) {
            return entityClass.cast(kept);
        }
        if (kept != null) {
            written(held);
        }
        // a read by id sees nothing another pending document could change: no need to write them first
        T found = quietly(() -> super.findById(id, entityClass, collectionName));
        if (found != null) {
            held.read.put(key, found);
        }
        return found;
    }

    @Override
    public <T> T save(T objectToSave) {
        return save(objectToSave, getCollectionName(objectToSave.getClass()));
    }

    @Override
    public <T> T save(T objectToSave, String collectionName) {
        Held held = BatchedWrites.held(this);
        Object id = held == null ? null : idOf(objectToSave);
        if (id == null) {
            return super.save(objectToSave, collectionName);
        }
        String key = collectionName + "|" + id;
        held.read.put(key, objectToSave);
        held.changed.put(key, objectToSave);
        held.collections.put(key, collectionName);
        return objectToSave;
    }

    @Override
    public MongoCollection<Document> getCollection(String collectionName) {
        writePending();
        return super.getCollection(collectionName);
    }

    @Override
    protected MongoCollection<Document> prepareCollection(MongoCollection<Document> collection) {
        writePending();
        return super.prepareCollection(collection);
    }

    /** The collection for writes queued with {@link BatchedWrites}: they go out after the pending documents anyway. */
    MongoCollection<Document> forQueuedWrites(String collectionName) {
        return super.getCollection(collectionName);
    }

    /** Writes the batch's changed documents, in the order first saved; called when the batch ends. */
    void written(Held held) {
        if (held.changed.isEmpty() && held.read.isEmpty()) {
            return;
        }
        writing.set(Boolean.TRUE);
        try {
            // one ordered bulk of upserts per collection, not a round trip per document (a rebuild wrote a unit at a time)
            Map<String, java.util.List<com.mongodb.client.model.WriteModel<Document>>> byCollection = new LinkedHashMap<>();
            held.changed.forEach((key, entity) -> {
                Document document = new Document();
                getConverter().write(entity, document);
                byCollection.computeIfAbsent(held.collections.get(key), c -> new java.util.ArrayList<>()).add(new com.mongodb.client.model.ReplaceOneModel<>(
                        new Document("_id", document.get("_id")), document, new com.mongodb.client.model.ReplaceOptions().upsert(true)));
            });
            byCollection.forEach((collection, writes) -> super.getCollection(collection).bulkWrite(writes,
                    new com.mongodb.client.model.BulkWriteOptions().ordered(true)));
        } finally {
            writing.set(Boolean.FALSE);
        }
        held.changed.clear();
        held.collections.clear();
        held.read.clear();
    }

    private void writePending() {
        if (writing.get()) {
            return;
        }
        Held held = BatchedWrites.held(this);
        if (held != null) {
            written(held);
        }
    }

    private <T> T quietly(java.util.function.Supplier<T> read) {
        boolean before = writing.get();
        writing.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            writing.set(before);
        }
    }

    private Object idOf(Object entity) {
        PersistentEntity<?, ?> type = getConverter().getMappingContext().getPersistentEntity(entity.getClass());
        if (type == null || !type.hasIdProperty()) {
            return null;
        }
        return type.getIdentifierAccessor(entity).getIdentifier();
    }
}
