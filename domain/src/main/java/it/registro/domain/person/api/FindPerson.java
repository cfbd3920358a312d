package it.registro.domain.person.api;

/** A person with the name forms and, across bodies, the seats and offices they held. */
public record FindPerson(String personId) {
}
