package it.registro.domain.proceeding.api;

import java.time.LocalDate;

/** The catalogue of an agency as in force on {@code asOf}. */
public record FindProceedingTypes(String agencyName, LocalDate asOf) {
}
