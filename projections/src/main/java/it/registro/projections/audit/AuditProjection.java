package it.registro.projections.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.audit.api.FindAuditTrail;
import it.registro.projections.common.BatchedWrites;

/**
 * The audit trail: one entry per stored event, whatever its kind, with who recorded it, when
 * (recording time), the business date it speaks of, and what it concerns (aggregate, bodies, acts,
 * persons) so an auditor can ask by any of them. Entries are keyed by event id and written once,
 * so a redelivered event adds nothing and a rebuild gives the same documents.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = "audit";
    public static final String COLLECTION = "audit_trail";
    /** Europe/Rome: the business dates of Lombardy's acts, when an event carries a time instead of a day. */
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** The metadata every entry keeps: who, how, what it concerns, why (see the dispatch interceptor). */
    public static final List<String> METADATA_KEYS = List.of("principal", "roles", "channel", "body", "actRef", "correlationId",
            "traceId", "causationId");

    private final MongoTemplate mongo;

    public AuditProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        var index = mongo.indexOps(COLLECTION);
        index.createIndex(new Index().on("aggregateId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
        index.createIndex(new Index().on("recordedAt", Sort.Direction.ASC));
        index.createIndex(new Index().on("businessDate", Sort.Direction.ASC));
        index.createIndex(new Index().on("bodies", Sort.Direction.ASC));
        index.createIndex(new Index().on("acts", Sort.Direction.ASC));
        index.createIndex(new Index().on("persons", Sort.Direction.ASC));
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        Document entry = new Document("_id", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> d) {
            entry.append("aggregateType", d.getType()).append("aggregateId", d.getAggregateIdentifier())
                    .append("sequence", d.getSequenceNumber());
        }
        Object converted = plain(payload);
        Document body = converted instanceof Document doc ? doc : new Document("value", converted);
        entry.append("type", payload.getClass().getSimpleName())
                .append("recordedAt", java.util.Date.from(event.getTimestamp()))
                .append("businessDate", businessDate(payload));
        Map<String, ?> meta = event.getMetaData();
        for (String key : METADATA_KEYS) {
            if (meta.get(key) != null) {
                entry.append(key, meta.get(key));
            }
        }
        TreeSet<String> bodies = new TreeSet<>();
        TreeSet<String> acts = new TreeSet<>();
        TreeSet<String> persons = new TreeSet<>();
        collect(body, bodies, acts, persons);
        add(bodies, meta.get("body"));
        add(acts, meta.get("actRef"));
        if (event instanceof DomainEventMessage<?> d) {
            switch (d.getType()) {
                case "Body" -> bodies.add(d.getAggregateIdentifier());
                case "Act" -> acts.add(d.getAggregateIdentifier());
                case "Person" -> persons.add(d.getAggregateIdentifier());
                default -> { }
            }
        }
        entry.append("bodies", new ArrayList<>(bodies)).append("acts", new ArrayList<>(acts)).append("persons", new ArrayList<>(persons))
                .append("payload", body);
        BatchedWrites.insertOnce(mongo.getCollection(COLLECTION), entry);
    }

    /**
     * The payload as plain BSON: records as documents, dates and times as their ISO text (a business day
     * must not become a midnight in some zone), enums by name.
     */
    public static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.temporal.Temporal || value instanceof java.time.temporal.TemporalAmount) {
            return value.toString();
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Document out = new Document();
            map.forEach((k, v) -> out.append(String.valueOf(k), plain(v)));
            return out;
        }
        if (value.getClass().isRecord()) {
            Document out = new Document();
            for (var component : COMPONENTS.get(value.getClass())) {
                try {
                    out.append(component.getName(), plain(component.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component.getName() + " of " + value.getClass().getName(), e);
                }
            }
            return out;
        }
        return value.toString();
    }

    private static void add(Collection<String> to, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            to.add(String.valueOf(value));
        }
    }

    /** Ids anywhere in the payload, by the naming the messages follow: {@code bodyId}, {@code issuerBodyId}, {@code actId}, {@code personId}… */
    private static void collect(Object node, Collection<String> bodies, Collection<String> acts, Collection<String> persons) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (v instanceof String s) {
                    if (key.equals("bodyId") || key.endsWith("BodyId")) {
                        add(bodies, s);
                    } else if (key.equals("actId") || key.endsWith("ActId")) {
                        add(acts, s);
                    } else if (key.equals("personId") || key.endsWith("PersonId")) {
                        add(persons, s);
                    }
                } else {
                    collect(v, bodies, acts, persons);
                }
            });
        } else if (node instanceof Collection<?> list) {
            list.forEach(v -> collect(v, bodies, acts, persons));
        }
    }

    /** The day an event speaks of, from the first of its date fields by the messages' naming; null when it has none. */
    static String businessDate(Object payload) {
        for (var component : DATE_COMPONENTS.get(payload.getClass())) {
            try {
                LocalDate day = day(component.getAccessor().invoke(payload));
                if (day != null) {
                    return day.toString();
                }
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    /** A record's components, looked up once per class: every event of a replay asked again (an array copy each). */
    private static final ClassValue<java.lang.reflect.RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.RecordComponent[] computeValue(Class<?> type) {
            return type.isRecord() ? type.getRecordComponents() : new java.lang.reflect.RecordComponent[0];
        }
    };

    /** The components that may carry the business date, in the order they are tried. */
    private static final ClassValue<List<java.lang.reflect.RecordComponent>> DATE_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<java.lang.reflect.RecordComponent> computeValue(Class<?> type) {
            List<java.lang.reflect.RecordComponent> out = new ArrayList<>();
            for (String name : List.of("on", "at", "effectiveFrom", "date", "lastDay", "from", "referenceDate", "adoptedOn", "approvedOn")) {
                for (var component : COMPONENTS.get(type)) {
                    if (component.getName().equals(name)) {
                        out.add(component);
                    }
                }
            }
            return List.copyOf(out);
        }
    };

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ROME).toLocalDate();
        }
        if (value instanceof Instant i) {
            return i.atZone(ROME).toLocalDate();
        }
        return null;
    }

    @ResetHandler
    void reset() {
        mongo.getCollection(COLLECTION).deleteMany(new Document());
    }

    public record Page(long total, int page, int size, List<Document> entries) {
    }

    @QueryHandler
    public Page handle(FindAuditTrail q) {
        Criteria c = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (q.aggregateId() != null) {
            all.add(Criteria.where("aggregateId").is(q.aggregateId()));
        }
        if (q.body() != null) {
            all.add(Criteria.where("bodies").is(q.body()));
        }
        if (q.act() != null) {
            all.add(Criteria.where("acts").is(q.act()));
        }
        if (q.person() != null) {
            all.add(Criteria.where("persons").is(q.person()));
        }
        if (q.recordedFrom() != null) {
            all.add(Criteria.where("recordedAt").gte(java.util.Date.from(q.recordedFrom())));
        }
        if (q.recordedTo() != null) {
            all.add(Criteria.where("recordedAt").lt(java.util.Date.from(q.recordedTo())));
        }
        if (q.businessFrom() != null) {
            all.add(Criteria.where("businessDate").gte(q.businessFrom().toString()));
        }
        if (q.businessTo() != null) {
            all.add(Criteria.where("businessDate").lte(q.businessTo().toString()));
        }
        if (!all.isEmpty()) {
            c = c.andOperator(all.toArray(Criteria[]::new));
        }
        Query query = Query.query(c);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by("recordedAt", "aggregateId", "sequence", "_id")).skip((long) q.page() * q.size()).limit(q.size());
        List<Document> entries = mongo.find(query, Document.class, COLLECTION);
        return new Page(total, q.page(), q.size(), entries);
    }
}
