package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a member was elected to an office at an instant (normally in a session). */
public record ElectOfficer(
        @TargetAggregateIdentifier String bodyId,
        Office office,
        String personId,
        String nameAsRecorded,
        Instant at,
        String sessionRef,
        Tally tally) {
}
