package it.registro.domain.act.api;

/** How one act relates to another. */
public enum ReferenceKind {
    APPROVES,
    TRANSPOSES,
    AMENDS,
    RECTIFIES,
    REVOKES,
    RATIFIES,
    TAKES_NOTE_OF,
    IMPLEMENTS,
    CITES,
    ANNEXES
}
