package it.registro.domain.poas.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitSuccessionLinked(
        String unitId,
        String predecessorUnitId,
        SuccessionKind kind,
        SuccessionBasis basis,
        String evidence,
        String source) {
}
