package it.registro.app.poas;

import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import it.registro.app.axon.AxonConfiguration;
import it.registro.app.axon.ProcessorSupervisor;
import it.registro.app.web.ReadModelAwaiter;
import it.registro.domain.poas.PoasFacts;
import it.registro.domain.poas.api.FindPoasUsingAct;
import it.registro.domain.poas.api.PoasAdopted;
import it.registro.domain.poas.api.PoasAmended;
import it.registro.domain.poas.api.PoasApprovalTransposed;
import it.registro.domain.poas.api.PoasApproved;
import it.registro.domain.poas.api.PoasModificationAdopted;
import it.registro.domain.poas.api.PoasModificationApproved;

/**
 * Which POAS an act belongs to. Whether a plan uses an act is read from the plan's own events. Which plans
 * to ask comes from the POAS read model, the only index from an act to its plan, and only once that read
 * model has caught up with every event stored when the question was asked (waited for, bounded): a plan
 * adopted an instant ago is found, never silently missed. See ADR 0015.
 */
@Component
public class EventStorePoasFacts implements PoasFacts {

    private final EventStore eventStore;
    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;
    private final ProcessorSupervisor supervisor;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    public EventStorePoasFacts(EventStore eventStore, QueryGateway queries, ReadModelAwaiter awaiter, ProcessorSupervisor supervisor,
                               ObjectProvider<EventProcessingConfiguration> processing) {
        this.eventStore = eventStore;
        this.queries = queries;
        this.awaiter = awaiter;
        this.supervisor = supervisor;
        this.processing = processing;
    }

    @Override
    public List<String> poasUsing(String actId) {
        caughtUp();
        List<String> candidates = queries.query(new FindPoasUsingAct(actId), ResponseTypes.multipleInstancesOf(String.class)).join();
        return candidates.stream().filter(p -> uses(p, actId)).toList();
    }

    @Override
    public boolean uses(String poasId, String actId) {
        DomainEventStream events = eventStore.readEvents(poasId, 0L);
        while (events.hasNext()) {
            Object e = events.next().getPayload();
            String used = e instanceof PoasAdopted a ? a.actId()
                    : e instanceof PoasApproved a ? a.actId()
                    : e instanceof PoasModificationAdopted a ? a.actId()
                    : e instanceof PoasModificationApproved a ? a.actId()
                    : e instanceof PoasAmended a ? a.actId()
                    : e instanceof PoasApprovalTransposed a ? a.actId() : null;
            if (actId.equals(used)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits, bounded, until the read models processed every event stored now, when they run here; where they
     * run on another instance, this one cannot see their position and asks the read model as it is.
     */
    private void caughtUp() {
        StreamingEventProcessor readModels = processing.getObject()
                .eventProcessor(AxonConfiguration.READ_MODELS, StreamingEventProcessor.class).orElse(null);
        if (readModels == null || !readModels.isRunning() || readModels.processingStatus().isEmpty()) {
            return;
        }
        long head = eventStore.createHeadToken().position().orElse(0);
        if (!awaiter.await(() -> {
            Long position = supervisor.stateOf(readModels, head).position();
            return position == null ? -1 : position;
        }, head)) {
            throw new it.registro.domain.common.CommandRejectedException(it.registro.domain.common.Rejection.conflict(
                    "POAS_INDEX_BEHIND", "poasId", "The register is still indexing recent POAS acts: send again, or name poasId"));
        }
    }
}
