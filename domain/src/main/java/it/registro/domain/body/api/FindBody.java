package it.registro.domain.body.api;

/** One body by id. */
public record FindBody(String bodyId) {
}
