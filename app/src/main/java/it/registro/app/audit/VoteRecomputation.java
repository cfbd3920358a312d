package it.registro.app.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import it.registro.app.session.BodyOnDates;
import it.registro.domain.body.BodyHistory;
import it.registro.domain.session.SessionReplay;

/**
 * The auditor's recomputation (issue 20 #9): every vote, election and declared quorum of every sitting
 * judged again from the stored events alone — the sitting's own, its body's as its record now stands
 * (corrections included), its members' comuni's populations — with the voting floor the service decides
 * with, and every difference from the figures recorded listed. One pass over the store, in stored order.
 * The offline verifier does the same over an audit bundle ({@link Recomputer} is shared).
 */
@Component
public class VoteRecomputation {

    private static final Logger log = LoggerFactory.getLogger(VoteRecomputation.class);

    /**
     * {@code clean}: every recorded figure is what the rules give now. An outcome the minutes state against the
     * rules ({@code outcomeAsStated}, flagged OUTCOME_RULE_MISMATCH when recorded) is listed too, and counted in
     * {@code statedAgainstRules}, but is the record of the sitting, not a fault of it.
     */
    public record Report(boolean clean, long events, int sessions, int votes, int elections, int statedAgainstRules,
                         List<SessionReplay.Difference> differences, Instant startedAt, long durationMillis) {
    }

    public static final String STATED_OUTCOME = "outcomeAsStated";

    public record Progress(boolean running, String phase, long done, double ratePerSecond, Instant startedAt) {
    }

    /** Folds events of sittings, bodies and comuni in stored order, then judges every sitting again. */
    public static final class Recomputer {
        private final Map<String, BodyHistory> bodies = new HashMap<>();
        private final Map<String, BodyOnDates.Populations> comuni = new HashMap<>();
        private final Map<String, SessionReplay> sessions = new LinkedHashMap<>();

        /** Whether events of this aggregate type matter here (others need not even be read). */
        public static boolean wanted(String aggregateType) {
            return "Session".equals(aggregateType) || "Body".equals(aggregateType) || "Comune".equals(aggregateType);
        }

        public void accept(String aggregateType, String aggregateId, Object payload) {
            switch (aggregateType) {
                case "Session" -> sessions.computeIfAbsent(aggregateId, k -> new SessionReplay()).apply(payload);
                case "Body" -> bodies.computeIfAbsent(aggregateId, k -> new BodyHistory()).apply(payload);
                case "Comune" -> comuni.computeIfAbsent(aggregateId, k -> new BodyOnDates.Populations()).apply(payload);
                default -> {
                }
            }
        }

        public int sessions() {
            return sessions.size();
        }

        public List<SessionReplay.Difference> recompute(java.util.function.IntConsumer progress) {
            List<SessionReplay.Difference> out = new ArrayList<>();
            int n = 0;
            for (SessionReplay s : sessions.values()) {
                BodyHistory body = s.bodyId() == null ? null : bodies.get(s.bodyId());
                if (body == null) {
                    out.add(new SessionReplay.Difference(s.sessionId(), null, "SESSION", 0, null, "body", s.bodyId(), "not in the store"));
                } else {
                    out.addAll(s.recompute(BodyOnDates.of(s.bodyId(), body.on(s.date(), id -> Optional.ofNullable(bodies.get(id))), comune -> Optional.ofNullable(comuni.get(comune))
                            .flatMap(p -> p.on(s.date())))));
                }
                progress.accept(++n);
            }
            return out;
        }

        public int votes() {
            return sessions.values().stream().mapToInt(SessionReplay::votes).sum();
        }

        public int elections() {
            return sessions.values().stream().mapToInt(SessionReplay::elections).sum();
        }
    }

    private final EventStorageEngine engine;
    private volatile Progress progress = new Progress(false, null, 0, 0, null);
    private volatile Report last;

    public VoteRecomputation(EventStorageEngine engine) {
        this.engine = engine;
    }

    public Progress progress() {
        return progress;
    }

    public Optional<Report> last() {
        return Optional.ofNullable(last);
    }

    public synchronized Report run() {
        Instant start = Instant.now();
        Recomputer r = new Recomputer();
        long[] events = {0};
        progress = new Progress(true, "events", 0, 0, start);
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            stream.forEach(m -> {
                events[0]++;
                if (m instanceof DomainEventMessage<?> d && Recomputer.wanted(d.getType())) {
                    r.accept(d.getType(), d.getAggregateIdentifier(), d.getPayload());
                }
                if (events[0] % 10_000 == 0) {
                    progress = new Progress(true, "events", events[0], rate(events[0], start), start);
                }
            });
        }
        Instant sessionsStart = Instant.now();
        List<SessionReplay.Difference> differences = r.recompute(n -> {
            if (n % 500 == 0) {
                progress = new Progress(true, "sessions", n, rate(n, sessionsStart), start);
            }
        });
        long millis = Duration.between(start, Instant.now()).toMillis();
        progress = new Progress(false, "done", r.sessions(), rate(r.sessions(), sessionsStart), start);
        int stated = (int) differences.stream().filter(d -> d.field().equals(STATED_OUTCOME)).count();
        Report report = new Report(differences.size() == stated, events[0], r.sessions(), r.votes(), r.elections(), stated, differences,
                start, millis);
        log.info("Recomputation: {} events, {} sittings, {} votes, {} elections, {} differences, {} ms", events[0], r.sessions(), r.votes(),
                r.elections(), differences.size(), millis);
        last = report;
        return report;
    }

    private static double rate(long done, Instant since) {
        long ms = Math.max(1, Duration.between(since, Instant.now()).toMillis());
        return Math.round(done * 10_000.0 / ms) / 10.0;
    }
}
