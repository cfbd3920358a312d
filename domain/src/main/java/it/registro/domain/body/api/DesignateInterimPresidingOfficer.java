package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Until a President is elected, someone presides, possibly not a member: in seed 004 (L107-108) the
 * ATS Director General "non essendo ancora stato rieletto il Presidente". Ends when a President is elected.
 */
public record DesignateInterimPresidingOfficer(
        @TargetAggregateIdentifier String bodyId,
        String personId,
        String capacity,
        Instant from,
        String basisAsRecorded) {
}
