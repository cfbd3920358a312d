package it.registro.domain.act.api;

/** How one act relates to another. */
public enum ReferenceKind {
    APPROVES,
    TRANSPOSES,
    AMENDS,
    RECTIFIES,
    REVOKES,
    /** Annulment (annullamento), e.g. in self-correction or by a court: like a revocation, usually from the act's own date. */
    ANNULS,
    RATIFIES,
    TAKES_NOTE_OF,
    IMPLEMENTS,
    CITES,
    ANNEXES
}
