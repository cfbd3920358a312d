package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The approving act (a DGR); its number and date may be unknown at first (seed 000 gives neither). */
public record ApprovePoas(
        @TargetAggregateIdentifier String poasId,
        String actId,
        LocalDate on,
        String voteAsRecorded,
        String conformityAsRecorded,
        String source) {
}
