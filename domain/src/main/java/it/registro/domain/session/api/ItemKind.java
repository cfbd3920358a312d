package it.registro.domain.session.api;

/** What an agenda item is for; only some kinds are voted on. */
public enum ItemKind {
    ELECTION,
    NOMINATION,
    OPINION,
    DELIBERATION,
    INFORMATION,
    OTHER
}
