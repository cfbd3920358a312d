package it.registro.projections.comune;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A comune with its name forms and its dated population figures. */
@Document(ComuneView.COLLECTION)
public record ComuneView(@Id String id, String name, String province, List<Alias> aliases, List<Population> populations,
                         long version, Instant registeredAt, String istatCode) {

    public ComuneView(String id, String name, String province, List<Alias> aliases, List<Population> populations, long version,
                      Instant registeredAt) {
        this(id, name, province, aliases, populations, version, registeredAt, null);
    }

    public static final String COLLECTION = "comuni";

    public record Alias(String alias, String source, Instant recordedAt) {
    }

    public record Population(long population, LocalDate referenceDate, String source, Instant recordedAt) {
    }

    /** The latest figure whose reference date is on or before the date. */
    public Optional<Population> populationOn(LocalDate date) {
        return populations.stream().filter(p -> !p.referenceDate().isAfter(date))
                .max(Comparator.comparing(Population::referenceDate));
    }
}
