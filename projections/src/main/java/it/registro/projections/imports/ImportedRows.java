package it.registro.projections.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import it.registro.projections.common.BatchedWrites;

/**
 * The rows of imported files already in the register: every event caused by an imported row carries the row's SHA-256,
 * and the row is listed here by it, so a second run of a file (or another file holding the same row) skips it.
 */
@Component
@ProcessingGroup(ImportedRows.PROCESSING_GROUP)
public class ImportedRows {

    public static final String PROCESSING_GROUP = "imported-rows";
    public static final String COLLECTION = "imported_rows";

    /** Which of these row hashes are in the register. */
    public record FindImportedRows(List<String> rowHashes) {
    }

    public record Found(Set<String> rowHashes) {
    }

    private final MongoTemplate mongo;

    public ImportedRows(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        Object hash = event.getMetaData().get("importRowHash");
        if (hash == null) {
            return;
        }
        BatchedWrites.upsert(BatchedWrites.collection(mongo, COLLECTION), String.valueOf(hash), java.util.Map.of(
                "file", String.valueOf(event.getMetaData().get("importFile")), "row", String.valueOf(event.getMetaData().get("importRow"))),
                java.util.Map.of());
    }

    @ResetHandler
    void reset() {
        mongo.getCollection(COLLECTION).deleteMany(new Document());
    }

    @QueryHandler
    public Found handle(FindImportedRows q) {
        Set<String> found = new HashSet<>();
        it.registro.projections.common.ByIds.find(mongo.getCollection(COLLECTION), "_id", q.rowHashes()).forEach(d -> found.add(d.getString("_id")));
        return new Found(found);
    }
}
