package it.registro.domain.proceeding.api;

/** An agency's open proceedings, by due date (those without one last). */
public record FindOpenProceedings(String agencyName) {
}
