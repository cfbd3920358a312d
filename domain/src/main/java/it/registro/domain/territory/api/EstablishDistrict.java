package it.registro.domain.territory.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Establish a district of an ASST over whole ambiti, from a day, by an act ("decreto … n. 150 del 29/03/2022 …
 * istituito il Distretto Cremonese corrispondente con l'ambito sociale territoriale di Cremona", seed 000 L2341-2343).
 */
public record EstablishDistrict(@TargetAggregateIdentifier String districtId, String name, String agency, List<String> ambiti,
                                LocalDate from, String byActRef, String source) {
}
