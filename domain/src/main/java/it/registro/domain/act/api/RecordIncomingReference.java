package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Another act relates to this one (sent by the service when the other act records it). */
public record RecordIncomingReference(
        @TargetAggregateIdentifier String actId,
        ReferenceKind kind,
        String sourceActId,
        LocalDate sourceDate,
        LocalDate effectiveFrom) {
}
