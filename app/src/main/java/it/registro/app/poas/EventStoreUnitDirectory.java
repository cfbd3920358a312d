package it.registro.app.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import it.registro.domain.poas.UnitDirectory;
import it.registro.domain.poas.api.FindReferrers;
import it.registro.domain.poas.api.UnitClosureScheduled;

/**
 * A unit's own facts (existence, last day) come from its event stream, which is authoritative; who
 * refers to a unit comes from the read model, since only it indexes the reverse link.
 */
@Component
public class EventStoreUnitDirectory implements UnitDirectory {

    private final EventStore eventStore;
    private final QueryGateway queries;

    public EventStoreUnitDirectory(EventStore eventStore, QueryGateway queries) {
        this.eventStore = eventStore;
        this.queries = queries;
    }

    @Override
    public List<String> referrers(String unitId) {
        return queries.query(new FindReferrers(unitId), ResponseTypes.multipleInstancesOf(String.class)).join();
    }

    @Override
    public Optional<LocalDate> lastDay(String unitId) {
        DomainEventStream events = eventStore.readEvents(unitId, 0L);
        LocalDate last = null;
        while (events.hasNext()) {
            DomainEventMessage<?> e = events.next();
            if (e.getPayload() instanceof UnitClosureScheduled closure) {
                last = closure.lastDay();
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public boolean exists(String unitId) {
        return eventStore.readEvents(unitId, 0L).hasNext();
    }
}
