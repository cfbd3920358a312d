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
import org.axonframework.eventhandling.TrackedEventMessage;
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
import it.registro.projections.common.ByIds;
import it.registro.projections.common.KeyLists;

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
    /** Key lists: per body, act and person, the events that concern it, in buckets of the store's sequence. */
    public static final String KEYS = "audit_keys";
    /**
     * 1,024 positions of the sequence per bucket: a key list document holds at most that many entries, because the
     * embedded server copies a document whole to update it (at 16,384 a busy body's list made each batch's update
     * cost 54 ms at 10k events). A decade of a region (~1M events) is some 1,000 buckets, asked for in one lookup.
     */
    static final int BUCKET_BITS = 10;
    private static final String BUCKETS = "~buckets";
    /** Whether every entry has exact keys (a fresh store, or since the last reset; see KeyLists.complete). */
    private volatile boolean keyed;
    /** The edition of the lists by time: every entry under its bucket of the sequence, with each bucket's span of dates. */
    private static final String BY_TIME = ":time";
    /** Whether every entry is also in the lists by time (kept since a later edition than the others). */
    private volatile boolean timed;
    private static final int PROBE = 256;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditProjection.class);
    /** Europe/Rome: the business dates of Lombardy's acts, when an event carries a time instead of a day. */
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** The metadata every entry keeps: who, how, what it concerns, why (see the dispatch interceptor). */
    public static final List<String> METADATA_KEYS = List.of("principal", "roles", "channel", "body", "actRef", "correlationId",
            "traceId", "causationId", "importFile", "importRow");

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
        index.createIndex(new Index().on("k", Sort.Direction.ASC).unique().sparse());
        boolean empty = mongo.getCollection(COLLECTION).find().limit(1).first() == null;
        keyed = KeyLists.complete(mongo, KEYS, empty);
        timed = KeyLists.complete(mongo, KEYS, BY_TIME, empty);
        if (!keyed) {
            log.warn("The audit trail was written before its exact keys: queries by aggregate, body, act or person scan until "
                    + "the read models are rebuilt (POST /api/admin/rebuild)");
        }
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        Document entry = new Document("_id", event.getIdentifier());
        long g = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(0) : 0;
        entry.append("g", g);
        if (event instanceof DomainEventMessage<?> d) {
            entry.append("aggregateType", d.getType()).append("aggregateId", d.getAggregateIdentifier())
                    .append("sequence", d.getSequenceNumber()).append("k", d.getAggregateIdentifier() + ":" + d.getSequenceNumber());
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
        BatchedWrites.insertOnce(BatchedWrites.collection(mongo, COLLECTION), entry);
        // the key lists: each body, act and person mentioned lists this event, by its place in the store
        List<Object> posting = java.util.Arrays.asList(g, entry.get("recordedAt"), entry.get("businessDate"));
        long bucket = g >> BUCKET_BITS;
        var keys = BatchedWrites.collection(mongo, KEYS);
        for (String key : keys(bodies, acts, persons)) {
            BatchedWrites.upsert(keys, key + "|" + bucket, Map.of("e." + event.getIdentifier(), posting), Map.of());
        }
        BatchedWrites.upsert(keys, BUCKETS, Map.of(), Map.of("last", bucket));
        // the lists by time: every event under its bucket, and the bucket's earliest and latest dates (a minimum kept
        // as the maximum of its negation, so that all of them merge as one $max per batch)
        // (small buckets and small documents of spans: the embedded server copies a whole document at each update)
        long timeBucket = g >> TIME_BITS;
        BatchedWrites.upsert(keys, TIME + timeBucket, Map.of("e." + event.getIdentifier(), posting), Map.of());
        Map<String, Long> span = new java.util.HashMap<>();
        long at = event.getTimestamp().toEpochMilli();
        span.put("b" + timeBucket + ".hi", at);
        span.put("b" + timeBucket + ".lo", -at);
        if (entry.getString("businessDate") != null) {
            long day = LocalDate.parse(entry.getString("businessDate")).toEpochDay();
            span.put("b" + timeBucket + ".dhi", day);
            span.put("b" + timeBucket + ".dlo", -day);
        }
        BatchedWrites.upsert(keys, SPANS + (timeBucket >> SPAN_BITS), Map.of(), span);
        BatchedWrites.upsert(keys, BUCKETS, Map.of(), Map.of("lastTime", timeBucket));
    }

    /** Positions per list by time (128), and lists per document of spans (64). */
    static final int TIME_BITS = 7;
    static final int SPAN_BITS = 6;

    private static final String TIME = "t|";
    private static final String SPANS = "s|";

    private static List<String> keys(Collection<String> bodies, Collection<String> acts, Collection<String> persons) {
        List<String> out = new ArrayList<>();
        bodies.forEach(b -> out.add("b:" + b));
        acts.forEach(a -> out.add("x:" + a));
        persons.forEach(p -> out.add("p:" + p));
        return out;
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
        KeyLists.clear(mongo, KEYS, BY_TIME);
        keyed = true;
        timed = true;
    }

    public record Page(long total, int page, int size, List<Document> entries) {
    }

    @QueryHandler
    public Page handle(FindAuditTrail q) {
        // entries written before the exact keys existed have none: such a trail is queried as before until rebuilt
        if (keyed && q.aggregateId() != null) {
            return page(q, ofAggregate(q.aggregateId()).stream().filter(d -> matches(d, q)).toList());
        }
        if (keyed && (q.body() != null || q.act() != null || q.person() != null)) {
            return byKeys(q);
        }
        if (timed && (q.recordedFrom() != null || q.recordedTo() != null || q.businessFrom() != null || q.businessTo() != null)) {
            return byTime(q);
        }
        return scan(q);
    }

    /**
     * An aggregate's entries by their exact keys ({@code aggregate:sequence}, dense from 0), a few hundred per lookup:
     * the cost is the aggregate's own size, whatever the size of the store.
     */
    private List<Document> ofAggregate(String aggregateId) {
        List<Document> out = new ArrayList<>();
        for (int from = 0; ; from += PROBE) {
            List<String> ids = new ArrayList<>(PROBE);
            for (int s = from; s < from + PROBE; s++) {
                ids.add(aggregateId + ":" + s);
            }
            List<Document> found = new ArrayList<>();
            mongo.getCollection(COLLECTION).find(new Document("k", new Document("$in", ids))).into(found);
            out.addAll(found);
            if (found.size() < PROBE) {
                break;
            }
        }
        out.sort(java.util.Comparator.comparingLong(d -> ((Number) d.get("sequence")).longValue()));
        return out;
    }

    /**
     * By body, act or person: the key lists of each named key (one exact lookup per bucket of the store's sequence), the
     * dates filtered on the list, then only the page's entries fetched by id. The cost is the key's own size.
     */
    private Page byKeys(FindAuditTrail q) {
        Document buckets = mongo.getCollection(KEYS).find(new Document("_id", BUCKETS)).first();
        long last = buckets == null ? 0 : ((Number) buckets.get("last")).longValue();
        Map<String, Posting> selected = null;
        for (String key : keys(q.body() == null ? List.of() : List.of(q.body()), q.act() == null ? List.of() : List.of(q.act()),
                q.person() == null ? List.of() : List.of(q.person()))) {
            Map<String, Posting> list = postings(key, last);
            if (selected == null) {
                selected = list;
            } else {
                selected.keySet().retainAll(list.keySet());
            }
        }
        List<Map.Entry<String, Posting>> matching = selected.entrySet().stream().filter(e -> e.getValue().matches(q))
                .sorted(java.util.Comparator.comparingLong(e -> e.getValue().g())).toList();
        return fetched(q, matching);
    }

    /** The page of the matching postings, its entries fetched by id. */
    private Page fetched(FindAuditTrail q, List<Map.Entry<String, Posting>> matching) {
        int from = (int) Math.min(matching.size(), (long) q.page() * q.size());
        List<String> ids = matching.subList(from, Math.min(matching.size(), from + q.size())).stream().map(Map.Entry::getKey).toList();
        Map<Object, Document> docs = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", ids))).forEach(d -> docs.put(d.get("_id"), d));
        }
        return new Page(matching.size(), q.page(), q.size(), ids.stream().map(docs::get).filter(java.util.Objects::nonNull).toList());
    }

    /**
     * By recording time or business date alone: the spans of the lists by time (one small document per 64 lists of 128
     * positions of the store's sequence) say which lists can hold a match; only their lists are read, filtered, and the page's entries
     * fetched by id. Recording times are nearly in the store's order, so a range of days reads about its own buckets.
     */
    private Page byTime(FindAuditTrail q) {
        Document buckets = mongo.getCollection(KEYS).find(new Document("_id", BUCKETS)).first();
        long last = buckets == null || buckets.get("lastTime") == null ? 0 : ((Number) buckets.get("lastTime")).longValue();
        List<String> spanIds = new ArrayList<>();
        for (long s = 0; s <= last >> SPAN_BITS; s++) {
            spanIds.add(SPANS + s);
        }
        List<String> lists = new ArrayList<>();
        for (Document spans : findByIds(spanIds)) {
            spans.forEach((field, value) -> {
                if (field.startsWith("b") && value instanceof Document span && overlaps(span, q)) {
                    lists.add(TIME + field.substring(1));
                }
            });
        }
        Map<String, Posting> postings = new java.util.HashMap<>();
        findByIds(lists).forEach(d -> read(d, postings));
        List<Map.Entry<String, Posting>> matching = postings.entrySet().stream().filter(e -> e.getValue().matches(q))
                .sorted(java.util.Comparator.comparing((Map.Entry<String, Posting> e) -> e.getValue().recordedAt())
                        .thenComparingLong(e -> e.getValue().g()))
                .toList();
        return fetched(q, matching);
    }

    private static boolean overlaps(Document span, FindAuditTrail q) {
        long lo = -((Number) span.get("lo")).longValue();
        long hi = ((Number) span.get("hi")).longValue();
        if (q.recordedFrom() != null && hi < q.recordedFrom().toEpochMilli()
                || q.recordedTo() != null && lo >= q.recordedTo().toEpochMilli()) {
            return false;
        }
        if (q.businessFrom() == null && q.businessTo() == null) {
            return true;
        }
        if (span.get("dhi") == null) {
            return false;
        }
        long dlo = -((Number) span.get("dlo")).longValue();
        long dhi = ((Number) span.get("dhi")).longValue();
        return (q.businessFrom() == null || dhi >= q.businessFrom().toEpochDay())
                && (q.businessTo() == null || dlo <= q.businessTo().toEpochDay());
    }

    /** Documents of the key lists by id. */
    private List<Document> findByIds(List<String> ids) {
        return ByIds.find(mongo.getCollection(KEYS), "_id", ids);
    }

    /** One entry of a key list: the event's place in the store, its recording time and the day it speaks of. */
    private record Posting(long g, java.util.Date recordedAt, String businessDate) {

        boolean matches(FindAuditTrail q) {
            return (q.recordedFrom() == null || !recordedAt.toInstant().isBefore(q.recordedFrom()))
                    && (q.recordedTo() == null || recordedAt.toInstant().isBefore(q.recordedTo()))
                    && (q.businessFrom() == null || businessDate != null && businessDate.compareTo(q.businessFrom().toString()) >= 0)
                    && (q.businessTo() == null || businessDate != null && businessDate.compareTo(q.businessTo().toString()) <= 0);
        }
    }

    private Map<String, Posting> postings(String key, long last) {
        List<String> ids = new ArrayList<>();
        for (long b = 0; b <= last; b++) {
            ids.add(key + "|" + b);
        }
        Map<String, Posting> out = new java.util.HashMap<>();
        findByIds(ids).forEach(d -> read(d, out));
        return out;
    }

    private static void read(Document list, Map<String, Posting> into) {
        Document entries = list.get("e", Document.class);
        if (entries != null) {
            entries.forEach((eventId, v) -> {
                List<?> p = (List<?>) v;
                into.put(eventId, new Posting(((Number) p.get(0)).longValue(), (java.util.Date) p.get(1), (String) p.get(2)));
            });
        }
    }

    /** A full entry against every criterion, for what an exact-key read did not already select. */
    private static boolean matches(Document d, FindAuditTrail q) {
        return (q.body() == null || d.getList("bodies", String.class, List.of()).contains(q.body()))
                && (q.act() == null || d.getList("acts", String.class, List.of()).contains(q.act()))
                && (q.person() == null || d.getList("persons", String.class, List.of()).contains(q.person()))
                && new Posting(0, d.getDate("recordedAt"), d.getString("businessDate")).matches(q);
    }

    private static Page page(FindAuditTrail q, List<Document> all) {
        int from = (int) Math.min(all.size(), (long) q.page() * q.size());
        return new Page(all.size(), q.page(), q.size(), all.subList(from, Math.min(all.size(), from + q.size())));
    }

    /**
     * Nothing at all, or a store written before its lists: a query on the collection's indexes (used by a real
     * MongoDB; the embedded server reads the collection). The change feed reads the whole trail by position instead.
     */
    Page scan(FindAuditTrail q) {
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
        query.with(Sort.by("recordedAt", "g", "_id")).skip((long) q.page() * q.size()).limit(q.size());
        List<Document> entries = mongo.find(query, Document.class, COLLECTION);
        return new Page(total, q.page(), q.size(), entries);
    }
}
