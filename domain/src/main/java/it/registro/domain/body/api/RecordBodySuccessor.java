package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An organ of a former agency is succeeded by another's, e.g. the DG of the ex Azienda Ospedaliera di
 * Cremona by the DG of ASST Cremona from 2016-01-01. {@code basis} says whether an act states it or it
 * is derived from the sources.
 */
public record RecordBodySuccessor(@TargetAggregateIdentifier String bodyId, String successorBodyId, LocalDate from,
                                  String basis, String source) {
}
