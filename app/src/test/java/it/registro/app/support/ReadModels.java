package it.registro.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import it.registro.app.store.StoreDatabase;

/** Every collection but the stores' own (events, counters, snapshots, tokens), sorted by id: what a rebuild must give back. */
public final class ReadModels {

    private ReadModels() {
    }

    public static Map<String, List<Document>> snapshot(MongoClient client, StoreDatabase database) {
        Map<String, List<Document>> all = new TreeMap<>();
        MongoDatabase db = client.getDatabase(database.name());
        for (String name : db.listCollectionNames()) {
            if (EventCounter.STORE_COLLECTIONS.contains(name) || name.startsWith("trackingtokens") || name.startsWith("system.")) {
                continue;
            }
            List<Document> docs = new ArrayList<>();
            db.getCollection(name).find().sort(new Document("_id", 1)).into(docs);
            all.put(name, docs);
        }
        return all;
    }
}
