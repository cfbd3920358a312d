package it.registro.domain.act.api;

/** Citations that resolve to an act (or, with no act, all citations still open). */
public record FindCitations(String actId) {
}
