package it.registro.domain.body.api;

/** Bodies, optionally only of one kind and/or one agency (by agency name, case-insensitive). */
public record FindBodies(BodyKind kind, String agencyName) {
}
