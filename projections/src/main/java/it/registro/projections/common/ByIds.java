package it.registro.projections.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Documents whose field holds one of many values, {@value #CHUNK} values per {@code $in}: the embedded server finds the
 * documents by key but then checks each against the whole list, so one {@code $in} of n values costs n² (measured in the
 * engine's tracking reads); a real MongoDB just makes a few more round trips.
 */
public final class ByIds {

    public static final int CHUNK = 128;

    private ByIds() {
    }

    public static List<Document> find(MongoCollection<Document> collection, String field, Collection<?> values) {
        List<?> all = new ArrayList<>(values);
        List<Document> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            collection.find(new Document(field, new Document("$in", all.subList(from, Math.min(all.size(), from + CHUNK))))).into(out);
        }
        return out;
    }
}
