package it.registro.domain.common;

import java.util.Set;

/** References for fixture tests: the persons and comuni the test says exist. */
public record KnownReferences(Set<String> persons, Set<String> comuni, Set<String> bodies) implements References {

    public KnownReferences(Set<String> persons, Set<String> comuni) {
        this(persons, comuni, Set.of());
    }

    @Override
    public boolean bodyExists(String bodyId) {
        return bodies.contains(bodyId);
    }

    @Override
    public boolean personExists(String personId) {
        return persons.contains(personId);
    }

    @Override
    public boolean comuneExists(String comuneId) {
        return comuni.contains(comuneId);
    }
}
