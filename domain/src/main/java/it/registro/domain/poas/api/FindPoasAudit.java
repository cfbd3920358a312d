package it.registro.domain.poas.api;

/** Every recorded change of a POAS and of the units it changes, in recording order: who, when, under which act, effective when. */
public record FindPoasAudit(String poasId) {
}
