package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InertiaRecorded(String proceedingId, LocalDate dueOn, LocalDate observedOn, long daysOverdue) {
}
