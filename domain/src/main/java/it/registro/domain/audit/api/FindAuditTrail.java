package it.registro.domain.audit.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Stored events matching every given criterion (null: any), by recording time and by business date,
 * one page at a time in recording order.
 */
public record FindAuditTrail(
        String aggregateId,
        String body,
        String act,
        String person,
        Instant recordedFrom,
        Instant recordedTo,
        LocalDate businessFrom,
        LocalDate businessTo,
        int page,
        int size) {
}
