package it.registro.domain.poas.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitPlaced(
        String unitId,
        String parentUnitId,
        String actId,
        String source) {
}
