package it.registro.domain.session.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** {@code pdf}: the verbale as published, PDF/A, with its SHA-256 (absent in events of revision 1). */
@Revision("2")
public record MinutesPublished(
        String sessionId,
        LocalDate on,
        String url,
        Boolean extractOnly,
        it.registro.domain.document.api.StoredDocument pdf) {
}
