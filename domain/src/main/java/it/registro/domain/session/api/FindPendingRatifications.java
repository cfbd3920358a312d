package it.registro.domain.session.api;

/** Designations awaiting ratification, for the bodies of an agency. */
public record FindPendingRatifications(String agencyName) {
}
