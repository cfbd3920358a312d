package it.registro.domain.proceeding.api;

import org.axonframework.serialization.Revision;

import it.registro.domain.body.api.Agency;

@Revision("1")
public record ProceedingTypeDefined(String proceedingTypeId, Agency agency, TypeVersion version) {
}
