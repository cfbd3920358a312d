package it.registro.domain.session.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PresentInformation(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        Instant at,
        List<Presenter> presenters,
        String summaryAsRecorded) {
}
