package it.registro.domain.territory.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The ASST that serves the ambito's comuni (or, at level ATS, the ATS whose territory they are in) from a day on: all of them ({@code comuni} empty), or those named, when
 * the ambito spans two ASSTs ("Oglio Po | ASST Cremona ASST Mantova", seed 000 L10388-10394). A later assignment of
 * the same comuni replaces an earlier one from its day.
 */
public record AssignAmbitoAgency(@TargetAggregateIdentifier String ambitoId, AgencyLevel level, String agency, List<String> comuni,
                                 LocalDate from, String source) {
}
