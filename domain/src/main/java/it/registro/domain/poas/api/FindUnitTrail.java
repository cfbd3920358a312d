package it.registro.domain.poas.api;

public record FindUnitTrail(String unitId) {
}
