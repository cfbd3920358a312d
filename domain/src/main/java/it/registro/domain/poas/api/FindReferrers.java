package it.registro.domain.poas.api;

/** Units recorded as referring to a unit (e.g. a function whose afferenza it is). */
public record FindReferrers(String unitId) {
}
