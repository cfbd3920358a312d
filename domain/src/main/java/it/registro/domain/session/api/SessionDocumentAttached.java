package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

import it.registro.domain.document.api.StoredDocument;

/**
 * A document attached to the session or one of its agenda items, with its hash, size and media type, and who
 * uploaded it; the recording time is the event's.
 */
@Revision("1")
public record SessionDocumentAttached(String sessionId, String attachmentId, Integer itemNo, String title, StoredDocument document,
                                      String uploadedBy) {
}
