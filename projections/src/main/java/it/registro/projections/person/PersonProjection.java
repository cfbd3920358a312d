package it.registro.projections.person;

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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.person.api.FindPerson;
import it.registro.domain.person.api.FindPersonVersion;
import it.registro.domain.person.api.FindPersonsByName;
import it.registro.domain.person.api.NameVariantFlagged;
import it.registro.domain.person.api.PersonAliasRecorded;
import it.registro.domain.person.api.PersonRegistered;
import it.registro.projections.body.BodyView;
import it.registro.projections.common.BatchedWrites;
import it.registro.projections.common.Names;
import it.registro.projections.common.Versioned;

/** Keeps the {@code persons} read model; a person's history is gathered from the bodies' documents. */
@Component
@ProcessingGroup(PersonProjection.PROCESSING_GROUP)
public class PersonProjection {

    public static final String PROCESSING_GROUP = "persons";

    private final MongoTemplate mongo;

    public PersonProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(PersonView.class).createIndex(new Index().on("nameKeys", Sort.Direction.ASC));
        mongo.indexOps(BodyView.class).createIndex(new Index().on("terms.personId", Sort.Direction.ASC));
    }

    @EventHandler
    public void on(PersonRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // One document per registration: batched, so a rebuild is not one round trip per person.
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(new PersonView(event.personId(), event.name(), event.source(), List.of(),
                List.of(Names.key(event.name())), List.of(), sequence, at), document);
        BatchedWrites.insertOnce(BatchedWrites.collection(mongo, PersonView.COLLECTION), document);
    }

    @EventHandler
    public void on(PersonAliasRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedWrites.flush();
        PersonView p = mongo.findById(event.personId(), PersonView.class);
        if (p == null || p.version() >= sequence) {
            return;
        }
        List<PersonView.Alias> aliases = new ArrayList<>(p.aliases());
        aliases.add(new PersonView.Alias(event.alias(), event.source(), at));
        List<String> keys = new ArrayList<>(p.nameKeys());
        String key = Names.key(event.alias());
        if (!keys.contains(key)) {
            keys.add(key);
        }
        mongo.save(new PersonView(p.id(), p.name(), p.source(), aliases, keys, p.nameVariants(), sequence, p.registeredAt()));
    }

    @EventHandler
    void on(NameVariantFlagged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedWrites.flush();
        PersonView p = mongo.findById(event.personId(), PersonView.class);
        if (p == null || p.version() >= sequence) {
            return;
        }
        List<PersonView.NameVariant> variants = new ArrayList<>(p.nameVariants());
        variants.add(new PersonView.NameVariant("NAME_VARIANT", "WARNING", event.alias(), event.knownForms(),
                event.source(), at));
        mongo.save(new PersonView(p.id(), p.name(), p.source(), p.aliases(), p.nameKeys(), variants, sequence,
                p.registeredAt()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PersonView.class);
    }

    @QueryHandler
    List<PersonView> handle(FindPersonsByName query) {
        return mongo.find(Query.query(Criteria.where("nameKeys").is(Names.key(query.name()))).with(Sort.by("_id")),
                PersonView.class);
    }

    @QueryHandler
    Long handle(FindPersonVersion query) {
        return Versioned.shown(mongo, PersonView.COLLECTION, query.personId());
    }

    @QueryHandler
    Optional<PersonHistory> handle(FindPerson query) {
        PersonView person = mongo.findById(query.personId(), PersonView.class);
        if (person == null) {
            return Optional.empty();
        }
        String id = person.id();
        List<BodyView> bodies = mongo.find(Query.query(new Criteria().orOperator(
                Criteria.where("terms.personId").is(id),
                Criteria.where("officeTerms.personId").is(id),
                Criteria.where("delegations.delegatePersonId").is(id))), BodyView.class);
        List<PersonHistory.Membership> memberships = new ArrayList<>();
        List<PersonHistory.OfficeHeld> offices = new ArrayList<>();
        List<PersonHistory.DelegationHeld> delegations = new ArrayList<>();
        for (BodyView body : bodies) {
            for (BodyView.Term t : body.getTerms()) {
                if (t.personId().equals(id)) {
                    BodyView.Seat seat = body.getSeats().stream().filter(s -> s.seatId().equals(t.seatId()))
                            .findFirst().orElseThrow();
                    memberships.add(new PersonHistory.Membership(body.getId(), body.nameOn(t.from()), t.seatId(),
                            seat.role(), seat.constituency(), t.nameAsRecorded(), t.from(), t.to(), t.act(), t.endReason()));
                }
            }
            for (BodyView.OfficeTerm o : body.getOfficeTerms()) {
                if (o.personId().equals(id)) {
                    offices.add(new PersonHistory.OfficeHeld(body.getId(), body.getName(), o.office(), o.nameAsRecorded(),
                            o.from(), o.to(), o.sessionRef(), o.endReason()));
                }
            }
            for (BodyView.Delegation d : body.getDelegations()) {
                if (d.delegatePersonId().equals(id)) {
                    delegations.add(new PersonHistory.DelegationHeld(body.getId(), body.getName(), d.seatId(),
                            d.delegationId(), d.delegatorPersonId(), d.from(), d.effectiveTo(), d.letterRef()));
                }
            }
        }
        memberships.sort(Comparator.comparing(PersonHistory.Membership::from).thenComparing(PersonHistory.Membership::bodyId));
        offices.sort(Comparator.comparing(PersonHistory.OfficeHeld::from));
        delegations.sort(Comparator.comparing(PersonHistory.DelegationHeld::from));
        return Optional.of(new PersonHistory(person, memberships, offices, delegations));
    }
}
