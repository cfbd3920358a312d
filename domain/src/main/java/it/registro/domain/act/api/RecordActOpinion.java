package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An opinion given on the act before adoption (e.g. the DA, DS, DSS; a collegial body). */
public record RecordActOpinion(
        @TargetAggregateIdentifier String actId,
        String givenBy,
        String role,
        String outcome,
        LocalDate on,
        String source) {
}
