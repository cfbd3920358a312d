package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclareQuorum(
        @TargetAggregateIdentifier String sessionId,
        Instant at,
        String textAsRecorded,
        Integer statedPresent) {
}
