package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProceedingSuspended(
        String proceedingId,
        String reason,
        LocalDate from,
        LocalDate to,
        int days,
        LocalDate dueOnBefore,
        LocalDate dueOn,
        LocalDateTime dueAt) {
}
