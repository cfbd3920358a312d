package it.registro.domain.body.api;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A correction of a seat's term as recorded, with its reason: the term is the one of {@code seatId}
 * that began on {@code from}; {@code changes} names the fields and their right values (personId, from,
 * to, comuneId, nameAsRecorded; an empty {@code to} reopens the term), judged together.
 */
public record CorrectTerm(
        @TargetAggregateIdentifier String bodyId,
        String seatId,
        LocalDate from,
        Map<String, String> changes,
        String reason) {
}
