package it.registro.app.support;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;

import it.registro.domain.person.api.PersonAliasRecorded;
import it.registro.domain.person.api.PersonRegistered;

/**
 * A long history written straight through the event storage engine (no commands, no aggregates): persons
 * registered, each followed by forms of the name, so each aggregate has a chain of several events. For
 * tests and benchmarks that need a store of a given size quickly.
 */
public final class SyntheticHistory {

    private static final MetaData CALLER = MetaData.with("principal", "history").and("roles", List.of("ADMIN")).and("channel", "test");

    private SyntheticHistory() {
    }

    /** Appends {@code events} events, {@code perAggregate} per person, in batches of whole aggregates. */
    public static void append(EventStorageEngine engine, String prefix, int events, int perAggregate) {
        List<EventMessage<?>> batch = new ArrayList<>();
        int written = 0;
        for (int a = 0; written < events; a++) {
            String id = prefix + "-" + a;
            for (int s = 0; s < perAggregate && written < events; s++, written++) {
                Object payload = s == 0 ? new PersonRegistered(id, "Persona " + a, "storia sintetica")
                        : new PersonAliasRecorded(id, "Forma " + s + " di Persona " + a, "storia sintetica");
                batch.add(new GenericDomainEventMessage<>("Person", id, s, payload, CALLER));
            }
            if (batch.size() >= 500) {
                engine.appendEvents(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
    }
}
