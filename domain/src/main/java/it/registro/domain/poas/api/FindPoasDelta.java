package it.registro.domain.poas.api;

/** The unit changes scheduled under a POAS, with counts. */
public record FindPoasDelta(String poasId) {
}
