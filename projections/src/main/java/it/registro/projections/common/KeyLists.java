package it.registro.projections.common;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Lists of ids under a key ("the units of a POAS", "the units of an agency") kept as one document per key, so a
 * projection finds them by one exact lookup and then the documents by their ids, instead of a query on a field
 * that the embedded server answers by reading the whole collection. Additions are idempotent upserts batched
 * with the processor's other writes; a list only grows, so a reader checks each document it finds still matches.
 */
public final class KeyLists {

    private KeyLists() {
    }

    /** Lists {@code id} under {@code key} in {@code collection}. */
    public static void add(MongoTemplate mongo, String collection, String key, String id) {
        if (key == null || id == null) {
            return;
        }
        BatchedWrites.upsert(BatchedWrites.collection(mongo, collection), key, Map.of("i." + field(id), Boolean.TRUE), Map.of());
    }

    /** The ids listed under {@code key}, with what this batch has added so far. */
    public static Set<String> ids(MongoTemplate mongo, String collection, String key) {
        BatchedWrites.flush();
        Document list = mongo.getCollection(collection).find(new Document("_id", key)).first();
        Set<String> out = new LinkedHashSet<>();
        if (list != null && list.get("i") instanceof Document ids) {
            ids.keySet().forEach(f -> out.add(URLDecoder.decode(f, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static final String COMPLETE = "~complete";

    /**
     * Removes every list of {@code collection} (a read model's reset); from now on they list everything, also the
     * lists of each later {@code edition} (lists a projection began to keep after the first ones, see below).
     */
    public static void clear(MongoTemplate mongo, String collection, String... editions) {
        mongo.getCollection(collection).deleteMany(new Document());
        mongo.getCollection(collection).insertOne(new Document("_id", COMPLETE));
        for (String edition : editions) {
            mongo.getCollection(collection).insertOne(new Document("_id", COMPLETE + edition));
        }
    }

    /**
     * Whether the lists hold every document of the read model: true on a fresh store (marked now, when
     * {@code readModelEmpty}) and after a reset; false for a read model written before its lists, which its
     * projection then queries as before until it is rebuilt.
     */
    public static boolean complete(MongoTemplate mongo, String collection, boolean readModelEmpty) {
        return complete(mongo, collection, "", readModelEmpty);
    }

    /** As {@link #complete(MongoTemplate, String, boolean)}, for lists a projection began to keep in a later edition. */
    public static boolean complete(MongoTemplate mongo, String collection, String edition, boolean readModelEmpty) {
        Document marker = new Document("_id", COMPLETE + edition);
        if (mongo.getCollection(collection).find(marker).first() != null) {
            return true;
        }
        if (readModelEmpty) {
            mongo.getCollection(collection).insertOne(marker);
            return true;
        }
        return false;
    }

    /** An id as a field name: no dots (paths) and no leading dollar (operators). */
    private static String field(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace(".", "%2E").replace("$", "%24");
    }
}
