package it.registro.app.security;

/** What a principal may do. Bodies scope SECRETARIAT; SYSTEM is the service's own processes. */
public enum Role {
    /** Records the sessions and acts of its own bodies. */
    SECRETARIAT,
    /** Reads decisions, sessions, officers, composition. */
    MAYOR,
    /** Reads everything, including history; runs verification; writes nothing. */
    AUDITOR,
    /** Maintains bodies and rule sets; operates the service. */
    ADMIN,
    /** The service itself (e.g. applying an election to the body's officers). Never granted to a user. */
    SYSTEM
}
