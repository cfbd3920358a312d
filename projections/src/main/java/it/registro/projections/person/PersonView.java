package it.registro.projections.person;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person and every form of their name, each with its source. {@code nameKeys} holds the
 * matching key of each form, for look-ups by any spelling.
 */
@Document(PersonView.COLLECTION)
public record PersonView(@Id String id, String name, String source, List<Alias> aliases, List<String> nameKeys,
                         List<NameVariant> nameVariants, long version, Instant registeredAt) {

    public static final String COLLECTION = "persons";

    public record Alias(String alias, String source, Instant recordedAt) {
    }

    /** A NAME_VARIANT flag (WARNING): a form that is not a subset or reordering of the known ones. */
    public record NameVariant(String code, String severity, String alias, List<String> knownForms, String source,
                              Instant recordedAt) {
    }
}
