package it.registro.domain.poas.api;

/** The version of a POAS the read model shows (the sequence of the last event it applied), or -1 if it does not show it yet. */
public record FindPoasVersion(String poasId) {
}
