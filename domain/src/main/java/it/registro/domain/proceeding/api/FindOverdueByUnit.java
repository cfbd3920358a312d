package it.registro.domain.proceeding.api;

import java.time.LocalDate;

/** Open proceedings whose due date is before {@code asOf}, grouped by the unit responsible for the inquiry. */
public record FindOverdueByUnit(String agencyName, LocalDate asOf) {
}
