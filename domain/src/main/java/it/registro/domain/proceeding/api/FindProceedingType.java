package it.registro.domain.proceeding.api;

public record FindProceedingType(String proceedingTypeId) {
}
