package it.registro.domain.document.api;

import it.registro.domain.common.Rejection;

/**
 * A file the register keeps (a signed act, slides, the published verbale as PDF/A): where its bytes are
 * ({@code documentId}), what it is, and its SHA-256 (lower-case hex), which the event records so that the
 * file can be proven unchanged later, by the service and by the offline verifier.
 */
public record StoredDocument(String documentId, String fileName, String mediaType, long size, String sha256) {

    /** Why this description is not one the register accepts, or null. */
    public Rejection problem(String field) {
        if (documentId == null || documentId.isBlank()) {
            return Rejection.invalid("FIELD_REQUIRED", field + ".documentId", "A stored document names where its bytes are");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Rejection.invalid("DIGEST_MALFORMED", field + ".sha256", "A document's SHA-256 is 64 lower-case hex digits");
        }
        if (size <= 0) {
            return Rejection.invalid("DOCUMENT_EMPTY", field + ".size", "A document has at least one byte");
        }
        if (mediaType == null || mediaType.isBlank()) {
            return Rejection.invalid("FIELD_REQUIRED", field + ".mediaType", "A document states its media type");
        }
        return null;
    }
}
