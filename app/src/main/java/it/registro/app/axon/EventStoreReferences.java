package it.registro.app.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import it.registro.domain.common.References;
import it.registro.domain.comune.api.ComuneRegistered;
import it.registro.domain.person.api.PersonRegistered;

/**
 * Answers the aggregates' "does this exist?" from the event store itself, not from a read model, so
 * a command sent right after the one that created the person or comune is judged correctly.
 * Aggregate ids share one space in the event store, so the first event's type is checked too: a
 * body id is not a person. The stream is read from sequence 0, past any snapshot: the question is
 * about the first event, which a snapshot would stand in for.
 */
@Component
public class EventStoreReferences implements References {

    private final EventStore eventStore;

    public EventStoreReferences(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean personExists(String personId) {
        return createdAs(personId, PersonRegistered.class);
    }

    @Override
    public boolean comuneExists(String comuneId) {
        return createdAs(comuneId, ComuneRegistered.class);
    }

    @Override
    public boolean bodyExists(String bodyId) {
        return createdAs(bodyId, it.registro.domain.body.api.BodyRegistered.class);
    }

    private boolean createdAs(String aggregateId, Class<?> creationEvent) {
        if (aggregateId == null || aggregateId.isBlank()) {
            return false;
        }
        DomainEventStream events = eventStore.readEvents(aggregateId, 0L);
        if (!events.hasNext()) {
            return false;
        }
        DomainEventMessage<?> first = events.next();
        return creationEvent.equals(first.getPayloadType());
    }
}
