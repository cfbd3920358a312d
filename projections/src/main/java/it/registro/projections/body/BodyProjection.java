package it.registro.projections.body;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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

import it.registro.domain.body.api.BodyAliasRecorded;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.BodyRenamed;
import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.DelegationRevoked;
import it.registro.domain.body.api.FindBodies;
import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.FindComposition;
import it.registro.domain.body.api.FindDelegations;
import it.registro.domain.body.api.FindOfficers;
import it.registro.domain.body.api.FindRuleSet;
import it.registro.domain.body.api.InterimPresidingOfficerDesignated;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.MemberUnseated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficeVacated;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.projections.comune.ComuneView;
import it.registro.projections.person.PersonView;

/**
 * Keeps the {@code bodies} read model and answers body queries. Every change loads the body's one
 * document, skips the event if the document's version already covers it, applies it and saves the
 * whole document: handling an event twice (a retry after a crash between the read-model write and
 * the token write, or a replay) leaves the same document.
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
        mongo.indexOps(BodyView.class).createIndex(new Index().on("nameKeys", Sort.Direction.ASC));
    }

    /** A body by its id, else by any of its names or aliases (case, accents and word order ignored). */
    public List<BodyView> byIdOrName(String idOrName) {
        BodyView byId = mongo.findById(idOrName, BodyView.class);
        if (byId != null) {
            return List.of(byId);
        }
        return mongo.find(Query.query(Criteria.where("nameKeys").is(it.registro.projections.common.Names.key(idOrName)))
                .with(Sort.by("_id")), BodyView.class);
    }

    private void update(String bodyId, long sequence, Instant recordedAt, Consumer<BodyView> change) {
        BodyView body = mongo.findById(bodyId, BodyView.class);
        if (body == null) {
            log.error("Event {} of body {} has no registered body in the read model", sequence, bodyId);
            return;
        }
        if (body.getVersion() >= sequence) {
            return; // already applied
        }
        change.accept(body);
        body.applied(sequence, recordedAt);
        mongo.save(body);
    }

    @EventHandler
    public void on(BodyRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        BodyView body = new BodyView(event.bodyId(), event.kind(), event.agency(), event.name(), event.legalBasis(),
                recordedAt);
        body.applied(sequence, recordedAt);
        mongo.save(body);
    }

    @EventHandler
    public void on(BodyRenamed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.renamed(event.newName(),
                new BodyView.NameEntry(event.newName(), event.effectiveFrom(), event.reason(), recordedAt)));
    }

    @EventHandler
    public void on(it.registro.domain.body.api.BodySucceeded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.succeeded(
                new BodyView.Succession(event.successorBodyId(), event.from(), event.basis(), event.source())));
    }

    @EventHandler
    public void on(it.registro.domain.body.api.BodyTerritoryDefined event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.territoryDefined(
                new BodyView.Territory(event.kind(), event.territoryId(), event.from(), event.source())));
    }

    @EventHandler
    public void on(BodyAliasRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.aliased(
                new BodyView.NameEntry(event.alias(), null, event.source(), recordedAt)));
    }

    @EventHandler
    public void on(CompositionActRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getCompositionActs().add(
                new BodyView.CompositionAct(event.act(), event.effectiveFrom(), event.renewal(), recordedAt)));
    }

    @EventHandler
    public void on(SeatDefined event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> {
            // A seat defined by a composition act exists from that act's effective date.
            java.time.LocalDate definedFrom = body.getCompositionActs().stream()
                    .filter(a -> Objects.equals(a.act(), event.act()))
                    .map(BodyView.CompositionAct::effectiveFrom).reduce((a, b) -> b)
                    .orElse(event.act() == null ? null : event.act().date());
            body.getSeats().add(new BodyView.Seat(event.seatId(), event.role(), event.constituency(),
                    event.labelAsRecorded(), event.act(), definedFrom, event.byOffice()));
        });
    }

    @EventHandler
    public void on(MemberSeated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getTerms().add(new BodyView.Term(event.seatId(),
                event.personId(), event.nameAsRecorded(), event.comuneId(), event.from(), event.to(), event.act(),
                null, null)));
    }

    @EventHandler
    public void on(MemberUnseated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getTerms().replaceAll(t ->
                t.seatId().equals(event.seatId()) && t.personId().equals(event.personId()) && t.to() == null
                        ? new BodyView.Term(t.seatId(), t.personId(), t.nameAsRecorded(), t.comuneId(), t.from(),
                        event.lastDay(), t.act(), event.reason(), event.act())
                        : t));
    }

    /** A term corrected: the term takes the corrected values; the correction is kept beside it. */
    @EventHandler
    public void on(it.registro.domain.body.api.TermCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> {
            body.getTerms().replaceAll(t -> t.seatId().equals(event.seatId()) && t.from().equals(event.originalFrom())
                    ? corrected(t, event.changes()) : t);
            body.getCorrections().add(new BodyView.Correction("term:" + event.seatId() + ":" + event.originalFrom(), event.changes(),
                    event.reason(), recordedAt));
        });
    }

    private static BodyView.Term corrected(BodyView.Term t, List<it.registro.domain.common.FieldChange> changes) {
        String personId = t.personId();
        String nameAsRecorded = t.nameAsRecorded();
        String comuneId = t.comuneId();
        java.time.LocalDate from = t.from();
        java.time.LocalDate to = t.to();
        for (it.registro.domain.common.FieldChange c : changes) {
            switch (c.field()) {
                case "personId" -> personId = c.value();
                case "nameAsRecorded" -> nameAsRecorded = c.value();
                case "comuneId" -> comuneId = c.value();
                case "from" -> from = java.time.LocalDate.parse(c.value());
                case "to" -> to = c.value() == null ? null : java.time.LocalDate.parse(c.value());
                default -> {
                }
            }
        }
        return new BodyView.Term(t.seatId(), personId, nameAsRecorded, comuneId, from, to, t.act(), t.endReason(), t.endAct());
    }

    @EventHandler
    public void on(it.registro.domain.body.api.CompositionActCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> {
            body.getCompositionActs().replaceAll(a -> a.effectiveFrom().equals(event.effectiveFrom())
                    ? new BodyView.CompositionAct(event.act(), a.effectiveFrom(), a.renewal(), a.recordedAt()) : a);
            body.getCorrections().add(new BodyView.Correction("composition:" + event.effectiveFrom(), List.of(
                    new it.registro.domain.common.FieldChange("act", cite(event.previous()), cite(event.act()))), event.reason(), recordedAt));
        });
    }

    private static String cite(it.registro.domain.common.ActRef act) {
        return act == null ? null : act.citation() != null ? act.citation()
                : act.type() + " " + act.number() + (act.date() == null ? "" : " del " + act.date());
    }

    @EventHandler
    public void on(it.registro.domain.body.api.SeatLabelCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> {
            body.getSeats().replaceAll(s -> s.seatId().equals(event.seatId())
                    ? new BodyView.Seat(s.seatId(), s.role(), s.constituency(), event.labelAsRecorded(), s.act(), s.definedFrom(), s.byOffice()) : s);
            body.getCorrections().add(new BodyView.Correction("seat:" + event.seatId(), List.of(new it.registro.domain.common.FieldChange(
                    "labelAsRecorded", event.previous(), event.labelAsRecorded())), event.reason(), recordedAt));
        });
    }

    @EventHandler
    public void on(OfficerElected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> {
            body.getOfficeTerms().add(new BodyView.OfficeTerm(event.office(), event.personId(), event.nameAsRecorded(),
                    event.at(), null, event.sessionRef(), event.tally(), null));
            if (event.office() == Office.PRESIDENT) {
                body.getInterimPresidencies().replaceAll(i -> i.to() == null
                        ? new BodyView.InterimPresidency(i.personId(), i.capacity(), i.from(), event.at(), i.basisAsRecorded())
                        : i);
            }
        });
    }

    /** An officer's election corrected in its session: the term shows the corrected tally and name. */
    @EventHandler
    public void on(it.registro.domain.body.api.OfficerElectionCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getOfficeTerms().replaceAll(o -> o.office() == event.office()
                && o.personId().equals(event.personId()) && java.util.Objects.equals(o.sessionRef(), event.sessionRef())
                ? new BodyView.OfficeTerm(o.office(), o.personId(), event.nameAsRecorded() != null ? event.nameAsRecorded() : o.nameAsRecorded(),
                o.from(), o.to(), o.sessionRef(), event.tally(), o.endReason())
                : o));
    }

    @EventHandler
    public void on(OfficeVacated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getOfficeTerms().replaceAll(o ->
                o.office() == event.office() && Objects.equals(o.personId(), event.personId()) && o.to() == null
                        ? new BodyView.OfficeTerm(o.office(), o.personId(), o.nameAsRecorded(), o.from(), event.at(),
                        o.sessionRef(), o.tally(), event.reason())
                        : o));
    }

    @EventHandler
    public void on(InterimPresidingOfficerDesignated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> {
            body.getInterimPresidencies().replaceAll(i -> i.to() == null
                    ? new BodyView.InterimPresidency(i.personId(), i.capacity(), i.from(), event.from(), i.basisAsRecorded())
                    : i);
            body.getInterimPresidencies().add(new BodyView.InterimPresidency(event.personId(), event.capacity(),
                    event.from(), null, event.basisAsRecorded()));
        });
    }

    @EventHandler
    public void on(SeatDelegated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getDelegations().add(new BodyView.Delegation(
                event.delegationId(), event.seatId(), event.delegatorPersonId(), event.delegatePersonId(),
                event.nameAsRecorded(), event.from(), event.to(), null, null, event.sessionRef(), event.letterRef())));
    }

    @EventHandler
    public void on(DelegationRevoked event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getDelegations().replaceAll(d ->
                d.delegationId().equals(event.delegationId())
                        ? new BodyView.Delegation(d.delegationId(), d.seatId(), d.delegatorPersonId(), d.delegatePersonId(),
                        d.nameAsRecorded(), d.from(), d.to(), event.at(), event.reason(), d.sessionRef(), d.letterRef())
                        : d));
    }

    @EventHandler
    public void on(RuleSetAdopted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.bodyId(), sequence, recordedAt, body -> body.getRuleSets().add(new BodyView.RuleSet(
                event.version(), event.name(), event.effectiveFrom(), event.quorum(), event.majority(),
                event.weighting(), event.delegationAllowed(), event.act(), recordedAt)));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), BodyView.class);
    }

    // ------------------------------------------------------------------ queries

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

    @QueryHandler
    Optional<BodyTimeline.Composition> handle(FindComposition query) {
        return handle(new FindBody(query.bodyId()))
                .map(body -> BodyTimeline.compositionOn(OfficeHolders.attach(mongo, body), query.asOf(), personNames(body),
                        populations(body, query.asOf())));
    }

    @QueryHandler
    Optional<BodyTimeline.Officers> handle(FindOfficers query) {
        return handle(new FindBody(query.bodyId()))
                .map(body -> BodyTimeline.officersAt(body, query.at(), personNames(body)));
    }

    @QueryHandler
    Optional<BodyTimeline.Delegations> handle(FindDelegations query) {
        return handle(new FindBody(query.bodyId())).map(body -> BodyTimeline.delegationsAt(body, query.at()));
    }

    @QueryHandler
    Optional<BodyTimeline.RuleSetOnDate> handle(FindRuleSet query) {
        return handle(new FindBody(query.bodyId())).flatMap(body -> BodyTimeline.ruleSetOn(body, query.asOf()));
    }

    /** The population on a date of every comune the body's terms name, in one look-up by ids. */
    private Map<String, Long> populations(BodyView body, java.time.LocalDate asOf) {
        Set<String> ids = new HashSet<>();
        body.getTerms().forEach(t -> {
            if (t.comuneId() != null) {
                ids.add(t.comuneId());
            }
        });
        Map<String, Long> result = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), ComuneView.class)
                    .forEach(c -> c.populationOn(asOf).ifPresent(p -> result.put(c.id(), p.population())));
        }
        return result;
    }

    /** The registered name of every person the body document mentions, in one look-up by ids. */
    private Map<String, String> personNames(BodyView body) {
        Set<String> ids = new HashSet<>();
        body.getTerms().forEach(t -> ids.add(t.personId()));
        body.getOfficeTerms().forEach(o -> ids.add(o.personId()));
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), PersonView.class)
                    .forEach(p -> names.put(p.id(), p.name()));
        }
        return names;
    }
}
