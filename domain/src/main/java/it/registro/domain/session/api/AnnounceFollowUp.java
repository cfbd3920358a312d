package it.registro.domain.session.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AnnounceFollowUp(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        LocalDate on,
        String descriptionAsRecorded,
        String reportedByPersonId,
        String source) {
}
