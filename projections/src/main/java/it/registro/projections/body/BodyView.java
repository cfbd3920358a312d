package it.registro.projections.body;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyKind;

/**
 * Read model of one body, one document per body keyed by its id, with the dated history of its
 * names inside (so "as of a date" needs no second lookup). {@code version} is the sequence number
 * of the last event applied: it makes the projection idempotent and serves as the ETag.
 */
@Document(BodyView.COLLECTION)
public record BodyView(
        @Id String id,
        BodyKind kind,
        Agency agency,
        String name,
        String legalBasis,
        List<NameEntry> names,
        long version,
        Instant registeredAt,
        Instant updatedAt) {

    public static final String COLLECTION = "bodies";

    /** One name of the body, from its business date, with when it was recorded and why. */
    public record NameEntry(String name, java.time.LocalDate effectiveFrom, String reason, Instant recordedAt) {
    }

    /** The name in force on a business date (the name at registration before any dated rename). */
    public String nameOn(java.time.LocalDate date) {
        String result = names.get(0).name();
        for (NameEntry entry : names) {
            if (entry.effectiveFrom() == null || !entry.effectiveFrom().isAfter(date)) {
                result = entry.name();
            }
        }
        return result;
    }
}
