package it.registro.domain.session.api;

/** What an agenda item is for; only some kinds are voted on. */
public enum ItemKind {
    ELECTION,
    NOMINATION,
    OPINION,
    DELIBERATION,
    INFORMATION,
    /** The approval of the minutes of an earlier sitting of the body ("approvazione del verbale della seduta precedente"). */
    MINUTES_APPROVAL,
    OTHER
}
