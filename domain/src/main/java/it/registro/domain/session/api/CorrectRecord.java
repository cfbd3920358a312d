package it.registro.domain.session.api;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A correction of a recorded fact, with its reason: one {@code field} and its {@code value}, or several
 * at once in {@code changes} (field → value), judged together (a whole tally). The fact
 * {@code convocation} is the convocation's data.
 */
public record CorrectRecord(
        @TargetAggregateIdentifier String sessionId,
        String factId,
        String field,
        String value,
        String reason,
        Map<String, String> changes) {

    public CorrectRecord(String sessionId, String factId, String field, String value, String reason) {
        this(sessionId, factId, field, value, reason, null);
    }
}
