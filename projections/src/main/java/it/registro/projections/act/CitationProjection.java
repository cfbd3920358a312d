package it.registro.projections.act;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.act.api.CitationRecorded;
import it.registro.domain.act.api.CitationResolved;
import it.registro.domain.act.api.FindCitations;

/** Keeps the {@code citations} read model. */
@Component
@ProcessingGroup(CitationProjection.PROCESSING_GROUP)
public class CitationProjection {

    public static final String PROCESSING_GROUP = "citations";

    private final MongoTemplate mongo;

    public CitationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(CitationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        mongo.save(new CitationView(e.citationId(), e.text(), e.source(), e.parsed(), e.outcome(), e.actId(), e.candidates(),
                e.flags().stream().map(f -> new CitationView.Flag(f.code(), f.severity(), f.message(), true)).toList(),
                null, seq, at));
    }

    @EventHandler
    public void on(CitationResolved e, @SequenceNumber long seq, @Timestamp Instant at) {
        CitationView c = mongo.findById(e.citationId(), CitationView.class);
        if (c == null || c.version() >= seq) {
            return;
        }
        List<CitationView.Flag> flags = c.flags().stream().map(f -> f.code().equals("AMBIGUOUS_CITATION")
                ? new CitationView.Flag(f.code(), f.severity(), f.message(), false) : f).toList();
        mongo.save(new CitationView(c.id(), c.text(), c.source(), c.parsed(), "RESOLVED", e.actId(), c.candidates(), flags,
                e.reason(), seq, c.recordedAt()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), CitationView.class);
    }

    public Optional<CitationView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CitationView.class));
    }

    @QueryHandler
    public List<CitationView> handle(FindCitations q) {
        Criteria c = q.actId() != null ? Criteria.where("actId").is(q.actId()) : Criteria.where("outcome").ne("RESOLVED");
        return mongo.find(Query.query(c).with(Sort.by("recordedAt", "_id")), CitationView.class);
    }
}
