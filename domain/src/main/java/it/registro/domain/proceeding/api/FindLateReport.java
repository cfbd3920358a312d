package it.registro.domain.proceeding.api;

/** Proceedings concluded late in {@code year}, by type and unit: the yearly report, due by 30 January of the next year. */
public record FindLateReport(String agencyName, int year) {
}
