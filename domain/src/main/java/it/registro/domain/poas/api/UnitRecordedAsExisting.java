package it.registro.domain.poas.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitRecordedAsExisting(
        String unitId,
        String agency,
        UnitType type,
        String code,
        String name,
        String presidio,
        String refersToUnitId,
        String source) {
}
