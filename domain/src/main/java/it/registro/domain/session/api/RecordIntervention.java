package it.registro.domain.session.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What someone said on an agenda item, as the minutes summarise it ("Il Sindaco Capucci ritiene…"):
 * the speaker (a member, a delegate or a participant), when, and the summary as recorded.
 */
public record RecordIntervention(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        String personId,
        String speakerAsRecorded,
        Instant at,
        String summaryAsRecorded) {
}
