package it.registro.domain.act.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import it.registro.domain.document.api.StoredDocument;

/** Attach a stored document (the signed act, an annex) to an act. */
public record AttachActDocument(@TargetAggregateIdentifier String actId, String title, StoredDocument document, String uploadedBy) {
}
