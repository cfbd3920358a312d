package it.registro.app.act;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.act.api.ActRegistered;
import it.registro.domain.act.api.ActRevoked;

/** Tells an act about another from the other's events, so the answer is never behind a read model. */
@Component
public class EventStoreActFacts implements ActFacts {

    private final EventStore eventStore;

    public EventStoreActFacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<ActFact> find(String actId) {
        DomainEventStream events = eventStore.readEvents(actId, 0L);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof ActRegistered registered)) {
            return Optional.empty();
        }
        boolean revoked = false;
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            revoked |= payload instanceof ActRevoked || payload instanceof it.registro.domain.act.api.ActAnnulled;
        }
        return Optional.of(new ActFact(actId, registered.issuerBodyId(), registered.date(), revoked));
    }
}
