package it.registro.domain.comune.api;

/** A comune with its name forms and dated population figures. */
public record FindComune(String comuneId) {
}
