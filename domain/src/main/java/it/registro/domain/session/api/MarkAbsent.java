package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkAbsent(
        @TargetAggregateIdentifier String sessionId,
        String personId,
        AbsenceBasis basis,
        String textAsRecorded) {
}
