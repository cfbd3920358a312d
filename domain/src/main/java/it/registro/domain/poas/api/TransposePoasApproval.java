package it.registro.domain.poas.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency transposes (recepisce) the approving DGR by its own act, e.g. "recepita con deliberazione n. 104". */
public record TransposePoasApproval(@TargetAggregateIdentifier String poasId, String actId, LocalDate on, String source) {
}
