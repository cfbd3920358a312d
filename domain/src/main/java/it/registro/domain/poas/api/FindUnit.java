package it.registro.domain.poas.api;

/** One unit with its scheduled changes, effective dates resolved where the approval is dated, and its audit trail. */
public record FindUnit(String unitId) {
}
