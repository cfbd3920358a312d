package it.registro.domain.territory.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DistrictEstablished(String districtId, String name, String agency, List<String> ambiti, LocalDate from,
                                  String byActRef, String source) {
}
