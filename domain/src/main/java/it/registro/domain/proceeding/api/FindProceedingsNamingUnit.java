package it.registro.domain.proceeding.api;

/** Proceeding types and open proceedings whose inquiry or final-act unit is {@code unitId}. */
public record FindProceedingsNamingUnit(String unitId) {
}
