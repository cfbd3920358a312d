package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The act may produce effects from a date; immediately, or (for acts under control) once approved. */
public record DeclareExecutable(
        @TargetAggregateIdentifier String actId,
        LocalDate on,
        boolean immediate,
        String legalBasisAsRecorded,
        String source) {
}
