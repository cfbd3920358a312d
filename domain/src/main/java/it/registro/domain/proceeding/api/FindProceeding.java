package it.registro.domain.proceeding.api;

/** One proceeding with its full history. */
public record FindProceeding(String proceedingId) {
}
