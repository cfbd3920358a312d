package it.registro.domain.proceeding.api;

/** What a unit's closure left to reassign: every flagged proceeding type and proceeding, and whether it was. */
public record FindUnitClosureReport(String unitId) {
}
