package it.registro.domain.poas.api;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A correction of a step of a POAS's chain as recorded, with its reason: {@code step} ADOPTION,
 * SUBMISSION or APPROVAL, of the plan or (with {@code modificationId}) of one of its modifications;
 * {@code changes} field → right value (on; for a submission protocol, channel; for an approval
 * voteAsRecorded, conformityAsRecorded), judged together.
 */
public record CorrectPoasRecord(
        @TargetAggregateIdentifier String poasId,
        String step,
        String modificationId,
        Map<String, String> changes,
        String reason) {
}
