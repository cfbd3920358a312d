package it.registro.projections.territory;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An ambito: its comuni over time, the ASSTs serving them over time, the populations documents declare for it. */
@Document(AmbitoView.COLLECTION)
public record AmbitoView(@Id String id, String nationalCode, String name, String source, List<Member> comuni,
                         List<Assignment> agencies, List<Declared> populations, long version) {

    public static final String COLLECTION = "territory_ambiti";

    /** A comune's period in the ambito, {@code until} excluded (null while open). */
    public record Member(String comuneId, LocalDate from, LocalDate until, String source) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /** An ASST serving the ambito's comuni ({@code comuni} empty: all of them) from a day on. */
    public record Assignment(it.registro.domain.territory.api.AgencyLevel level, String agency, List<String> comuni, LocalDate from, String source) {
    }

    /** The population a document declares for the whole ambito, and how many comuni it counts. */
    public record Declared(long population, int comuni, LocalDate referenceDate, String source) {
    }
}
