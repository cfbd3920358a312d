package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AttachmentAdded(
        String sessionId,
        String attachmentId,
        Integer itemNo,
        String title,
        String reference) {
}
