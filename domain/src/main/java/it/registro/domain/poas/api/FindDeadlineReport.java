package it.registro.domain.poas.api;

import java.time.LocalDate;

/** The POAS of an agency submitted and not approved within 60 days, as of a date (soft deadline). */
public record FindDeadlineReport(String agencyName, LocalDate asOf) {
}
