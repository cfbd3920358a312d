package it.registro.domain.person.api;

/** Persons any of whose name forms matches, ignoring case, accents and word order. */
public record FindPersonsByName(String name) {
}
