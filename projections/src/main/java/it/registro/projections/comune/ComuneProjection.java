package it.registro.projections.comune;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.comune.api.ComuneAliasRecorded;
import it.registro.domain.comune.api.ComuneRegistered;
import it.registro.domain.comune.api.FindComune;
import it.registro.domain.comune.api.PopulationRecorded;

/** Keeps the {@code comuni} read model; writes are absolute and guarded by the sequence number. */
@Component
@ProcessingGroup(ComuneProjection.PROCESSING_GROUP)
public class ComuneProjection {

    public static final String PROCESSING_GROUP = "comuni";

    private final MongoTemplate mongo;

    public ComuneProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ComuneRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mongo.save(new ComuneView(event.comuneId(), event.name(), event.province(), List.of(), List.of(), sequence, at));
    }

    @EventHandler
    void on(ComuneAliasRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ComuneView c = mongo.findById(event.comuneId(), ComuneView.class);
        if (c == null || c.version() >= sequence) {
            return;
        }
        List<ComuneView.Alias> aliases = new ArrayList<>(c.aliases());
        aliases.add(new ComuneView.Alias(event.alias(), event.source(), at));
        mongo.save(new ComuneView(c.id(), c.name(), c.province(), aliases, c.populations(), sequence, c.registeredAt(), c.istatCode()));
    }

    @EventHandler
    void on(PopulationRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ComuneView c = mongo.findById(event.comuneId(), ComuneView.class);
        if (c == null || c.version() >= sequence) {
            return;
        }
        List<ComuneView.Population> populations = new ArrayList<>(c.populations());
        populations.add(new ComuneView.Population(event.population(), event.referenceDate(), event.source(), at));
        populations.sort(Comparator.comparing(ComuneView.Population::referenceDate));
        mongo.save(new ComuneView(c.id(), c.name(), c.province(), c.aliases(), populations, sequence, c.registeredAt(), c.istatCode()));
    }

    @EventHandler
    void on(it.registro.domain.comune.api.IstatCodeRecorded event, @SequenceNumber long sequence) {
        ComuneView c = mongo.findById(event.comuneId(), ComuneView.class);
        if (c == null || c.version() >= sequence) {
            return;
        }
        mongo.save(new ComuneView(c.id(), c.name(), c.province(), c.aliases(), c.populations(), sequence, c.registeredAt(), event.istatCode()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ComuneView.class);
    }

    @QueryHandler
    Optional<ComuneView> handle(FindComune query) {
        return Optional.ofNullable(mongo.findById(query.comuneId(), ComuneView.class));
    }
}
