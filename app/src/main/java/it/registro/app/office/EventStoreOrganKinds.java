package it.registro.app.office;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import it.registro.domain.office.OrganKinds;
import it.registro.domain.office.api.OrganKindDefined;

/** An organ kind as its own first event defines it: a mandate is judged on the store, never on a read model. */
@Component
public class EventStoreOrganKinds implements OrganKinds {

    private final EventStore events;

    public EventStoreOrganKinds(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<OrganKindDefined> find(String organKindId) {
        if (organKindId == null || !organKindId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            return Optional.empty();
        }
        DomainEventStream stream = events.readEvents(organKindId, 0L);
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof OrganKindDefined defined) {
                return Optional.of(defined);
            }
        }
        return Optional.empty();
    }
}
