package it.registro.app.proceeding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import it.registro.domain.poas.api.UnitActivationScheduled;
import it.registro.domain.poas.api.UnitRecordedAsExisting;
import it.registro.domain.proceeding.ProceedingCatalogue;
import it.registro.domain.proceeding.ProceedingReferences;
import it.registro.domain.proceeding.TypeHistory;
import it.registro.domain.proceeding.api.ProceedingTypeDefined;
import it.registro.domain.session.api.SessionConvened;

/**
 * A proceeding's facts about its type, units and sessions, read from their own event streams: a
 * request opened right after its type was defined is judged on the type as stored, not as projected.
 * Aggregate ids share one space, so the first event's type is checked too.
 */
@Component
public class EventStoreProceedingFacts implements ProceedingCatalogue, ProceedingReferences {

    private final EventStore eventStore;

    public EventStoreProceedingFacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    private List<Object> payloads(String id) {
        List<Object> payloads = new ArrayList<>();
        if (id == null || id.isBlank()) {
            return payloads;
        }
        DomainEventStream events = eventStore.readEvents(id);
        while (events.hasNext()) {
            payloads.add(events.next().getPayload());
        }
        return payloads;
    }

    @Override
    public Optional<TypeHistory> find(String proceedingTypeId) {
        List<Object> payloads = payloads(proceedingTypeId);
        if (payloads.isEmpty() || !(payloads.get(0) instanceof ProceedingTypeDefined)) {
            return Optional.empty();
        }
        return Optional.of(TypeHistory.of(payloads));
    }

    private Optional<Class<?>> firstType(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream events = eventStore.readEvents(id);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return Optional.of(first.getPayloadType());
    }

    @Override
    public boolean unitExists(String unitId) {
        return firstType(unitId).filter(t -> t == UnitRecordedAsExisting.class || t == UnitActivationScheduled.class).isPresent();
    }

    @Override
    public boolean sessionExists(String sessionId) {
        return firstType(sessionId).filter(t -> t == SessionConvened.class).isPresent();
    }
}
