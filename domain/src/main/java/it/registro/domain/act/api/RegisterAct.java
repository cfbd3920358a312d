package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register an act under its identity (issuer, type, number, year); the citation is kept verbatim. */
public record RegisterAct(
        @TargetAggregateIdentifier String actId,
        String issuerBodyId,
        ActType type,
        String number,
        Integer year,
        LocalDate date,
        String title,
        String citationAsRecorded,
        boolean subjectToControl,
        String source) {
}
