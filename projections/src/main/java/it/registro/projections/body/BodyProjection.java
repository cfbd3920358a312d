package it.registro.projections.body;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.BodyRenamed;
import it.registro.domain.body.api.FindBodies;
import it.registro.domain.body.api.FindBody;

/**
 * Keeps the {@code bodies} read model and answers body queries. Every write is an absolute
 * replacement guarded by the event's sequence number, so handling an event twice (a retry after a
 * crash between the read-model write and the token write, or a replay) leaves the same document.
 */
@Component
@ProcessingGroup(BodyProjection.PROCESSING_GROUP)
public class BodyProjection {

    public static final String PROCESSING_GROUP = "bodies";
    private static final Logger log = LoggerFactory.getLogger(BodyProjection.class);

    private final MongoTemplate mongo;

    public BodyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // A real MongoDB serves the list filters from these; the embedded server scans regardless.
        mongo.indexOps(BodyView.class).createIndex(new Index().on("kind", Sort.Direction.ASC));
        mongo.indexOps(BodyView.class).createIndex(new Index().on("agency.name", Sort.Direction.ASC));
    }

    @EventHandler
    void on(BodyRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        List<BodyView.NameEntry> names = List.of(new BodyView.NameEntry(event.name(), null, null, recordedAt));
        mongo.save(new BodyView(event.bodyId(), event.kind(), event.agency(), event.name(), event.legalBasis(),
                names, sequence, recordedAt, recordedAt));
    }

    @EventHandler
    void on(BodyRenamed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        BodyView current = mongo.findById(event.bodyId(), BodyView.class);
        if (current == null) {
            log.error("Body {} renamed at sequence {} but absent from the read model", event.bodyId(), sequence);
            return;
        }
        if (current.version() >= sequence) {
            return; // already applied
        }
        List<BodyView.NameEntry> names = new ArrayList<>(current.names());
        names.add(new BodyView.NameEntry(event.newName(), event.effectiveFrom(), event.reason(), recordedAt));
        mongo.save(new BodyView(current.id(), current.kind(), current.agency(), event.newName(),
                current.legalBasis(), names, sequence, current.registeredAt(), recordedAt));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), BodyView.class);
    }

    @QueryHandler
    Optional<BodyView> handle(FindBody query) {
        return Optional.ofNullable(mongo.findById(query.bodyId(), BodyView.class));
    }

    @QueryHandler
    List<BodyView> handle(FindBodies query) {
        Query q = new Query();
        if (query.kind() != null) {
            q.addCriteria(Criteria.where("kind").is(query.kind()));
        }
        if (query.agencyName() != null && !query.agencyName().isBlank()) {
            q.addCriteria(Criteria.where("agency.name")
                    .regex("^" + Pattern.quote(query.agencyName().strip()) + "$", "i"));
        }
        q.with(Sort.by("name", "_id"));
        return mongo.find(q, BodyView.class);
    }
}
