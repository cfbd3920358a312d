package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AttestVoters(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        int count,
        Instant at,
        String textAsRecorded) {
}
