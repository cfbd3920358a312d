package it.registro.domain.session.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A sitting approved the minutes of an earlier one by the vote {@code factId} on its item {@code itemNo}. */
@Revision("1")
public record MinutesApprovalVoted(String sessionId, String bodyId, String factId, int itemNo, String minutesOf, Instant at) {
}
