package it.registro.domain.poas.api;

/** STATED when an act says so; INFERRED when the register deduces it (same name and site, close on D, open on D+1). */
public enum SuccessionBasis {
    STATED,
    INFERRED
}
