package it.registro.domain.body.api;

/** The agency a body belongs to, e.g. (ATS, "ATS Val Padana"). */
public record Agency(AgencyKind kind, String name) {
}
