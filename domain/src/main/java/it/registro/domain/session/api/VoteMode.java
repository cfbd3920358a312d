package it.registro.domain.session.api;

/** OPEN_NAMED stores each voter's choice; OPEN_COUNTS and SECRET store counts only (a secret ballot never stores choices). */
public enum VoteMode {
    OPEN_NAMED,
    OPEN_COUNTS,
    SECRET
}
