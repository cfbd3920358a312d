package it.registro.domain.session.api;

import it.registro.domain.body.api.Tally;
import it.registro.domain.common.ActRef;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GiveOpinion(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        ActRef act,
        OpinionOutcome outcome,
        String conditionsAsRecorded,
        String textAsRecorded,
        Instant at,
        Tally tally) {
}
