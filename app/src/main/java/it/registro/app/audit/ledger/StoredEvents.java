package it.registro.app.audit.ledger;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The event store's own documents, read below Axon: the ledger hashes what is stored, byte for byte,
 * so a change made directly in the database shows. One implementation per storage engine.
 */
public interface StoredEvents {

    /**
     * One stored event: its identifiers, the canonical bytes of its stored document, and the hash chain
     * the engine wrote at append ({@code chain}, {@code chainPrevious}) with the leaf recomputed from
     * the document now ({@code chainLeaf}); the three are null where the engine writes no chain.
     */
    record StoredEvent(String eventId, String aggregateId, long sequence, String type, byte[] bytes, String chain, String chainPrevious,
                       String chainLeaf) {
    }

    Optional<StoredEvent> byEventId(String eventId);

    /** The event stored at a global position, if that position holds this event; a fast path where the engine keys by position. */
    default Optional<StoredEvent> at(long position, String eventId) {
        return Optional.empty();
    }

    /** Every stored event, in no promised order. */
    void forEach(Consumer<StoredEvent> each);

    long count();
}
