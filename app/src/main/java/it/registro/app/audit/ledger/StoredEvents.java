package it.registro.app.audit.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The event store's own documents, read below Axon: the ledger hashes what is stored, byte for byte,
 * so a change made directly in the database shows. One implementation per storage engine.
 */
public interface StoredEvents {

    /**
     * One stored event: its global position (-1 where the engine has none), identifiers, the canonical
     * bytes of its stored document, and the hash chain the engine wrote at append ({@code chain},
     * {@code chainPrevious}) with the leaf recomputed from the document now ({@code chainLeaf}); the three
     * are null where the engine writes no chain.
     */
    record StoredEvent(long position, String eventId, String aggregateId, long sequence, String type, byte[] bytes, String chain,
                       String chainPrevious, String chainLeaf) {
    }

    Optional<StoredEvent> byEventId(String eventId);

    /** The events with these ids, by id; those not stored are absent. One exact lookup per few dozen ids. */
    Map<String, StoredEvent> byEventIds(Collection<String> eventIds);

    /** The event stored at a global position, if that position holds this event; a fast path where the engine keys by position. */
    default Optional<StoredEvent> at(long position, String eventId) {
        return Optional.ofNullable(at(List.of(position)).get(position)).filter(e -> e.eventId().equals(eventId));
    }

    /** The events at these global positions (none where the engine has no positions); tombstones are not events. */
    Map<Long, StoredEvent> at(Collection<Long> positions);

    /**
     * Every stored event once, in pages of about {@code pageSize}, in the store's order (global position
     * for the sequenced engine), each page read by exact keys: never one reply holding the whole store.
     */
    default void forEachPage(int pageSize, Consumer<List<StoredEvent>> page) {
        forEachPage(pageSize, position -> false, page);
    }

    /**
     * The same, not reading the positions {@code known} accepts: the caller has read those events already
     * (verification reads every event the ledger names, then only the rest).
     */
    void forEachPage(int pageSize, java.util.function.LongPredicate known, Consumer<List<StoredEvent>> page);

    /** The stored events, tombstones excluded. It may scan: not for a request path. */
    long count();
}
