package it.registro.domain.act.api;

/** The version of an act the read model shows (the sequence of the last event it applied), or -1 if it does not show it yet. */
public record FindActVersion(String actId) {
}
