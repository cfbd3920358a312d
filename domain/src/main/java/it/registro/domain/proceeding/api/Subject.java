package it.registro.domain.proceeding.api;

/** What an access request asks to see: a session's minutes or an act. */
public record Subject(Kind kind, String id) {

    public enum Kind {
        SESSION,
        ACT
    }
}
