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
import it.registro.domain.poas.api.UnitMoved;
import it.registro.domain.poas.api.UnitPlaced;

/**
 * A unit's own facts (existence, last day) come from its event stream, which is authoritative; who
 * refers to a unit (other units, proceedings) comes from the read models, since only they index the reverse link.
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

    /** Proceeding types and open proceedings naming the unit, from the proceedings read model. */
    @Override
    public List<it.registro.domain.poas.api.ProceedingReference> proceedingsNaming(String unitId) {
        return queries.query(new it.registro.domain.proceeding.api.FindProceedingsNamingUnit(unitId),
                ResponseTypes.multipleInstancesOf(it.registro.domain.poas.api.ProceedingReference.class)).join();
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

    @Override
    public Optional<String> parentOf(String unitId) {
        DomainEventStream events = eventStore.readEvents(unitId);
        String parent = null;
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof UnitPlaced placed) {
                parent = placed.parentUnitId();
            } else if (payload instanceof UnitMoved moved) {
                parent = moved.toParentUnitId();
            }
        }
        return Optional.ofNullable(parent);
    }
}
