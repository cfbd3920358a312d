package it.registro.domain.session.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RatifyDesignation(
        @TargetAggregateIdentifier String sessionId,
        String designationId,
        ActRef act,
        LocalDate ratifiedOn) {
}
