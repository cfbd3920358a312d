package it.registro.app.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreDatabase;
import it.registro.app.web.ApiException;
import it.registro.domain.session.api.SessionConvened;
import it.registro.projections.act.ActProjection;
import it.registro.projections.act.ActView;
import it.registro.projections.body.BodyProjection;
import it.registro.projections.body.BodyView;
import it.registro.projections.poas.PoasProjection;
import it.registro.projections.poas.PoasView;
import it.registro.projections.session.SessionProjection;
import it.registro.projections.session.SessionView;

/**
 * What the register knew at a past instant: the read model of one body, session, act or POAS rebuilt
 * from only the events recorded before that instant, by the very projection that keeps the live one,
 * in a scratch database dropped afterwards. Later corrections are thus absent, as they were then.
 */
@Component
public class AsRecorded {

    public record View(String aggregateId, String aggregateType, Instant at, int eventsApplied, Object view) {
    }

    private final MongoClient client;
    private final MongoTemplate live;
    private final StoreDatabase database;
    private final EventStore eventStore;

    public AsRecorded(MongoClient client, MongoTemplate live, StoreDatabase database, EventStore eventStore) {
        this.client = client;
        this.live = live;
        this.database = database;
        this.eventStore = eventStore;
    }

    /** Every stored event of an aggregate in order, from its first: past any snapshot, which is not a recorded fact. */
    public List<DomainEventMessage<?>> stream(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            events.add(stream.next());
        }
        return events;
    }

    private List<DomainEventMessage<?>> recordedBefore(String aggregateId, Instant at) {
        return stream(aggregateId).stream().filter(e -> e.getTimestamp().isBefore(at)).toList();
    }

    private static void apply(Object projection, List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> e : events) {
            try {
                if (handler.canHandle(e)) {
                    handler.handle(e);
                }
            } catch (Exception ex) {
                throw new IllegalStateException("Replaying " + e.getPayloadType().getSimpleName() + " as recorded failed", ex);
            }
        }
    }

    public View at(String aggregateId, Instant at) {
        List<DomainEventMessage<?>> events = recordedBefore(aggregateId, at);
        if (events.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_RECORDED_YET", "at", "Nothing was recorded for '" + aggregateId + "' before " + at);
        }
        String type = events.get(0).getType();
        String scratch = "asrecorded-" + UUID.randomUUID().toString().replace("-", "");
        MongoTemplate t = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, scratch), live.getConverter());
        try {
            Object view = switch (type) {
                case "Body" -> {
                    apply(new BodyProjection(t), events);
                    yield t.findById(aggregateId, BodyView.class);
                }
                case "Act" -> {
                    apply(new ActProjection(t), events);
                    yield t.findById(aggregateId, ActView.class);
                }
                case "Poas" -> {
                    apply(new PoasProjection(t), events);
                    yield t.findById(aggregateId, PoasView.class);
                }
                case "Session" -> {
                    // a session is judged against its body as it was known then
                    BodyProjection bodies = new BodyProjection(t);
                    if (events.get(0).getPayload() instanceof SessionConvened convened) {
                        apply(bodies, recordedBefore(convened.bodyId(), at));
                    }
                    apply(new SessionProjection(t, bodies), events);
                    yield t.findById(aggregateId, SessionView.class);
                }
                default -> throw new ApiException(HttpStatus.BAD_REQUEST, "AS_RECORDED_UNSUPPORTED", "id",
                        "State as recorded is kept for bodies, sessions, acts and POAS, not for a " + type);
            };
            return new View(aggregateId, type, at, events.size(), view);
        } finally {
            client.getDatabase(scratch).drop();
        }
    }
}
