package it.registro.domain.poas.api;

import java.util.List;

import org.axonframework.serialization.Revision;

import it.registro.domain.common.FieldChange;

@Revision("1")
public record UnitChangeCorrected(String unitId, String change, List<FieldChange> changes, String reason) {
}
