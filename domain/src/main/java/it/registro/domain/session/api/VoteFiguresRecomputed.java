package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

import it.registro.domain.body.api.Tally;

/**
 * A vote's or an election's figures as the voting floor gives them after a correction changed what they
 * depend on (a tally, an arrival or departure time): everything derived follows the corrected record.
 * {@code correctionOf} names the corrected fact.
 */
@Revision("1")
public record VoteFiguresRecomputed(
        String sessionId,
        String factId,
        int presentAtVote,
        QuorumFigures quorum,
        Tally tally,
        Tally weightedTally,
        Integer ruleSetVersion,
        String majorityRule,
        boolean weightedRule,
        Long threshold,
        Long base,
        Outcome computedOutcome,
        String correctionOf) {
}
