package it.registro.domain.office.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePowers(@TargetAggregateIdentifier String mandateId, String delegationId, java.time.LocalDate lastDay, String byActRef) {
}
