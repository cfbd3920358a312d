package it.registro.app.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import it.registro.app.audit.ledger.Ledger;
import it.registro.app.web.ApiException;
import it.registro.projections.audit.AuditProjection;

/**
 * The change feed for consumers outside the register (albo pretorio, transparency portals): every
 * event after a position, in order, with no gaps. The position is the ledger's leaf index, dense and
 * never reassigned (the ledger is never rebuilt), so a consumer resumes from the last one it saw. A
 * page stops before the first event the audit trail has not projected yet, so no entry ever lacks
 * its content and nothing is skipped.
 */
@RestController
@RequestMapping("/api/audit/feed")
@Tag(name = "Change feed", description = "Every event after a position, in order, paged or as server-sent events")
public class ChangeFeed {

    static final int MAX_LIMIT = 500;
    private static final long POLL_MILLIS = 500;

    private final MongoTemplate mongo;
    private final AtomicInteger streams = new AtomicInteger();
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "change-feed");
        t.setDaemon(true);
        return t;
    });

    public ChangeFeed(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        pollers.shutdownNow();
    }

    /** Server-sent streams open now. */
    public int openStreams() {
        return streams.get();
    }

    public record Entry(long position, String eventId, String aggregateType, String aggregateId, Long sequence, String type,
                        Date recordedAt, Map<String, Object> metadata, Object payload) {
    }

    public record Page(long after, long next, boolean more, List<Entry> entries) {
    }

    private static long position(String after, String lastEventId) {
        String value = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long p = Long.parseLong(value.strip());
            if (p < -1) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "POSITION_MALFORMED", lastEventId != null && !lastEventId.isBlank()
                    ? "Last-Event-ID" : "after", "A position is a whole number, -1 (before the first event) or more");
        }
    }

    Page read(long after, int limit) {
        // positions are dense from 0: the page is the exact keys after+1 .. after+limit+1, whatever the ledger's size
        List<Long> wanted = new ArrayList<>(limit + 1);
        for (long p = after + 1; p <= after + limit + 1; p++) {
            wanted.add(p);
        }
        List<Document> leaves = new ArrayList<>();
        mongo.getCollection(Ledger.LEAVES).find(new Document("_id", new Document("$in", wanted))).into(leaves);
        leaves.sort(java.util.Comparator.comparingLong(d -> ((Number) d.get("_id")).longValue()));
        Map<String, Document> trail = new HashMap<>();
        List<Object> ids = leaves.stream().map(d -> (Object) d.getString("eventId")).toList();
        if (!ids.isEmpty()) {
            mongo.getCollection(AuditProjection.COLLECTION).find(new Document("_id", new Document("$in", ids)))
                    .forEach(d -> trail.put(String.valueOf(d.get("_id")), d));
        }
        List<Entry> entries = new ArrayList<>();
        long next = after;
        boolean more = leaves.size() > limit;
        for (Document leaf : leaves.subList(0, Math.min(limit, leaves.size()))) {
            long position = ((Number) leaf.get("_id")).longValue();
            Document t = trail.get(leaf.getString("eventId"));
            if (t == null || position != next + 1) {
                more = true; // not projected yet (or the ledger is mid-write): stop here, the consumer asks again
                break;
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (String key : AuditProjection.METADATA_KEYS) {
                if (t.get(key) != null) {
                    metadata.put(key, t.get(key));
                }
            }
            entries.add(new Entry(position, leaf.getString("eventId"), t.getString("aggregateType"), leaf.getString("aggregateId"),
                    leaf.get("sequence") instanceof Number n ? n.longValue() : null, t.getString("type"), t.getDate("recordedAt"),
                    metadata, t.get("payload")));
            next = position;
        }
        return new Page(after, next, more, entries);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Events after a position (default: from the first), in order, at most 'limit'; 'next' is where to resume")
    public Page page(@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "LIMIT_OUT_OF_RANGE", "limit", "A page holds 1 to " + MAX_LIMIT + " events");
        }
        return read(position(after, null), limit);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The same events as server-sent events (id = position); resumes after Last-Event-ID or 'after'")
    public SseEmitter stream(@RequestParam(required = false) String after,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        AtomicLong cursor = new AtomicLong(position(after, lastEventId));
        SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                Page page = read(cursor.get(), 100);
                for (Entry e : page.entries()) {
                    emitter.send(SseEmitter.event().id(String.valueOf(e.position())).name(e.type()).data(e, MediaType.APPLICATION_JSON));
                    cursor.set(e.position());
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away (or the stream timed out): the end of this stream, not an error of the service
                ScheduledFuture<?> f = task.get();
                if (f != null) {
                    f.cancel(false);
                }
                emitter.complete();
            }
        };
        task.set(pollers.scheduleWithFixedDelay(poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
        streams.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable cancel = () -> {
            task.get().cancel(false);
            if (ended.compareAndSet(false, true)) {
                streams.decrementAndGet();
            }
        };
        emitter.onCompletion(cancel);
        emitter.onTimeout(cancel);
        emitter.onError(t -> cancel.run());
        return emitter;
    }
}
