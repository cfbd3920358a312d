package it.registro.domain.poas.api;

import java.time.LocalDate;

/** The units of an agency active on a day, under the parent the change list records for them. */
public record FindOrgChart(String agency, LocalDate asOf) {
}
