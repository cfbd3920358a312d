package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The act was submitted to a higher authority for review or approval. */
public record RecordSubmission(
        @TargetAggregateIdentifier String actId,
        String to,
        String channel,
        String protocol,
        LocalDate on,
        String source) {
}
