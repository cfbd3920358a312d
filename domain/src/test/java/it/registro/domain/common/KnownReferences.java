package it.registro.domain.common;

import java.util.Set;

/** References for fixture tests: the persons and comuni the test says exist. */
public record KnownReferences(Set<String> persons, Set<String> comuni) implements References {

    @Override
    public boolean personExists(String personId) {
        return persons.contains(personId);
    }

    @Override
    public boolean comuneExists(String comuneId) {
        return comuni.contains(comuneId);
    }
}
