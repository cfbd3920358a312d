package it.registro.domain.session.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A fact entered after the sitting was closed, while the minutes were still a draft: the fact (its own
 * event, just before this one, keeps its business time; this event's recording time is when it was
 * entered), the instant it is dated in the sitting, and why it was entered late.
 */
@Revision("1")
public record LateEntryNoted(String sessionId, String factId, Instant at, String reason) {
}
