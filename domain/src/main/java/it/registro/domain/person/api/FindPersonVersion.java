package it.registro.domain.person.api;

/**
 * The version of a person the read model shows (the sequence of the last event it applied), or -1 if it
 * does not show the person yet: what read-your-writes waits on, without the person's history across bodies.
 */
public record FindPersonVersion(String personId) {
}
