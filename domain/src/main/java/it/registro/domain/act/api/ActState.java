package it.registro.domain.act.api;

/** Where an act stands on a date. */
public enum ActState {
    /** Known (e.g. cited) but not yet adopted as far as the register knows. */
    REGISTERED,
    ADOPTED,
    /** Adopted, but its executability waits for a higher authority's approval. */
    PENDING_CONTROL,
    EXECUTIVE,
    REVOKED,
    ANNULLED
}
