package it.registro.domain.poas.api;

import java.time.LocalDate;

/** Units that became active, and units that closed, between two days (after {@code from}, up to {@code to}). */
public record FindUnitDiff(String agency, LocalDate from, LocalDate to) {
}
