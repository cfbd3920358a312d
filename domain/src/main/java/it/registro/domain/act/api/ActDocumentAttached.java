package it.registro.domain.act.api;

import org.axonframework.serialization.Revision;

import it.registro.domain.document.api.StoredDocument;

/** A document of the act (the signed act, an annex) with its hash, size, media type and uploader. */
@Revision("1")
public record ActDocumentAttached(String actId, String attachmentId, String title, StoredDocument document, String uploadedBy) {
}
