package it.registro.domain.territory.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The district covers these ambiti from a day on (replacing the earlier list from that day). */
public record ChangeDistrictAmbiti(@TargetAggregateIdentifier String districtId, List<String> ambiti, LocalDate from, String byActRef,
                                   String source) {
}
