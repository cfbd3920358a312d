package it.registro.domain.proceeding.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProceedingTypeRevised(String proceedingTypeId, TypeVersion version) {
}
