package it.registro.domain.session.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SignMinutes(
        @TargetAggregateIdentifier String sessionId,
        LocalDate on,
        List<Signatory> signatories) {
}
