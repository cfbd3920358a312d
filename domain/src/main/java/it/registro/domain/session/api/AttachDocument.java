package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import it.registro.domain.document.api.StoredDocument;

/** Attach a stored document to the session, or to one of its agenda items ({@code itemNo}). */
public record AttachDocument(@TargetAggregateIdentifier String sessionId, Integer itemNo, String title, StoredDocument document,
                             String uploadedBy) {
}
