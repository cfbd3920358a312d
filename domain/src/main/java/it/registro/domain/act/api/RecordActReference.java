package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** This act relates to another registered act: approves, amends, revokes, … */
public record RecordActReference(
        @TargetAggregateIdentifier String actId,
        ReferenceKind kind,
        String targetActId,
        LocalDate effectiveFrom,
        String noteAsRecorded,
        String source) {
}
