package it.registro.app.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import it.registro.app.store.engine.SequencedEventStorageEngine;
import it.registro.domain.body.BodyHistory;
import it.registro.domain.body.Terms;
import it.registro.domain.body.api.Office;
import it.registro.domain.comune.api.PopulationRecorded;
import it.registro.domain.session.BodyFacts;

/**
 * Tells a session about its body from the body's own events (and its members' comuni's), never from a
 * read model that may lag: a command sent the instant after a composition was written is judged on the
 * whole composition (ADR 0015). Each stream is folded once and kept with the sequence number it reached;
 * a later question reads only what was appended since: the body's tail, and for the comuni one read by
 * exact keys saying which of them have anything new.
 */
@Component
public class EventStoreBodyFacts implements BodyFacts {

    private final EventStore eventStore;
    private final EventStorageEngine engine;
    /** Bounded by size (least recently used out): Lombardy has some 150 bodies and 1,500 comuni; a folded stream let go is read again. */
    private final Map<String, Folded<BodyHistory>> bodies = lru(1_000);
    private final Map<String, Folded<BodyOnDates.Populations>> comuni = lru(4_000);

    public EventStoreBodyFacts(EventStore eventStore, EventStorageEngine engine) {
        this.eventStore = eventStore;
        this.engine = engine;
    }

    @Override
    public Optional<BodyOnDate> bodyOn(String bodyId, LocalDate date) {
        BodyHistory.OnDay day;
        List<Terms.SeatByOffice> byOffice;
        List<String> seatOrder;
        Folded<BodyHistory> body = bodies.computeIfAbsent(bodyId, id -> new Folded<>(BodyHistory::new));
        synchronized (body) {
            readOn(bodyId, body, body.state::apply);
            if (!body.state.registered()) {
                return Optional.empty();
            }
            day = body.state.on(date);
            byOffice = body.state.terms().byOfficeOn(date);
            seatOrder = body.state.terms().seatIds();
        }
        // seats held by virtue of another body's office: that body's officer, each body folded under its own lock in turn
        Map<String, Terms.Term> holders = new HashMap<>();
        for (Terms.SeatByOffice seat : byOffice) {
            Folded<BodyHistory> other = bodies.computeIfAbsent(seat.byOffice().bodyId(), id -> new Folded<>(BodyHistory::new));
            synchronized (other) {
                readOn(seat.byOffice().bodyId(), other, other.state::apply);
                other.state.holderByOffice(seat, date).ifPresent(t -> holders.put(seat.seatId(), t));
            }
        }
        day = BodyHistory.withHolders(day, seatOrder, holders);
        Map<String, Long> populations = populationsOn(day.held().stream().map(Terms.Term::comuneId)
                .filter(java.util.Objects::nonNull).toList(), date);
        return Optional.of(BodyOnDates.of(bodyId, day, id -> Optional.ofNullable(populations.get(id))));
    }

    @Override
    public Optional<String> officeHolderAt(String bodyId, Office office, Instant at) {
        Folded<BodyHistory> body = bodies.computeIfAbsent(bodyId, id -> new Folded<>(BodyHistory::new));
        synchronized (body) {
            readOn(bodyId, body, body.state::apply);
            return body.state.officeHolderAt(office, at);
        }
    }

    /** The population of each comune on a date, as its own events record it. */
    private Map<String, Long> populationsOn(List<String> comuneIds, LocalDate date) {
        Set<String> ids = new LinkedHashSet<>(comuneIds);
        Map<String, Long> known = new HashMap<>();
        Map<String, Folded<BodyOnDates.Populations>> held = new HashMap<>();
        for (String id : ids) {
            Folded<BodyOnDates.Populations> f = comuni.get(id);
            if (f != null) {
                held.put(id, f);
                synchronized (f) {
                    known.put(id, f.next);
                }
            }
        }
        Set<String> toRead = new LinkedHashSet<>(ids);
        toRead.removeAll(known.keySet());
        toRead.addAll(engine instanceof SequencedEventStorageEngine sequenced ? sequenced.advanced(known) : known.keySet());
        for (String id : toRead) {
            Folded<BodyOnDates.Populations> f = comuni.computeIfAbsent(id, k -> new Folded<>(BodyOnDates.Populations::new));
            held.put(id, f);
            synchronized (f) {
                readOn(id, f, f.state::apply);
            }
        }
        Map<String, Long> result = new HashMap<>();
        for (String id : ids) {
            Folded<BodyOnDates.Populations> f = held.get(id);
            synchronized (f) {
                f.state.on(date).ifPresent(p -> result.put(id, p));
            }
        }
        return result;
    }

    private static <V> Map<String, V> lru(int max) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        });
    }

    private void readOn(String aggregateId, Folded<?> folded, java.util.function.Consumer<Object> apply) {
        DomainEventStream events = eventStore.readEvents(aggregateId, folded.next);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            apply.accept(event.getPayload());
            folded.next = event.getSequenceNumber() + 1;
        }
    }

    /** A stream folded up to {@code next}, the sequence number of the first event not yet applied. */
    private static final class Folded<T> {
        final T state;
        long next;

        Folded(Supplier<T> initial) {
            this.state = initial.get();
        }
    }
}
