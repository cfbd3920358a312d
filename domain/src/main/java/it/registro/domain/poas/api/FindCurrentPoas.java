package it.registro.domain.poas.api;

import java.time.LocalDate;

/** The POAS of an agency in force on a date: the latest approved on or before it. */
public record FindCurrentPoas(String agencyName, LocalDate asOf) {
}
