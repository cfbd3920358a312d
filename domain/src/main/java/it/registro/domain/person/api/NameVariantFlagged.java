package it.registro.domain.person.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A form of a person's name that is not a subset or reordering of a known form (e.g. "ANDREA
 * VIRGILIO" for "Leonardo Virgilio", seed 004 L243): recorded as an alias all the same, and flagged.
 */
@Revision("1")
public record NameVariantFlagged(String personId, String alias, List<String> knownForms, String source) {
}
