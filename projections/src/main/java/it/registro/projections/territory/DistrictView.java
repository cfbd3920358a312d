package it.registro.projections.territory;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A district: its ASST and the lists of whole ambiti it covered, each from a day on. */
@Document(DistrictView.COLLECTION)
public record DistrictView(@Id String id, String name, String agency, List<Ambiti> ambiti, long version) {

    public static final String COLLECTION = "territory_districts";

    public record Ambiti(List<String> ambiti, LocalDate from, String byActRef, String source) {
    }
}
