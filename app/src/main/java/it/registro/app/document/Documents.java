package it.registro.app.document;

import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.security.Caller;
import it.registro.app.security.CommandAuthorization;
import it.registro.app.web.ApiException;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.act.api.AttachActDocument;
import it.registro.domain.act.api.FindAct;
import it.registro.domain.document.api.StoredDocument;
import it.registro.domain.session.api.AttachDocument;
import it.registro.domain.session.api.FindSessionRecord;
import it.registro.domain.session.api.MinutesState;
import it.registro.domain.session.api.Recorded;
import it.registro.projections.act.ActProjection;
import it.registro.projections.document.DocumentIndex;
import it.registro.projections.session.SessionRecords;

/**
 * Documents of sessions and acts: an upload is checked (size, media type, and that the bytes are what the type
 * says), authorised, stored, and recorded with its SHA-256 in an event; bytes whose command is refused are
 * discarded. A document is public when its owner is: published minutes, an adopted act.
 */
@Service
public class Documents {

    /** What the register keeps: PDF above all (signed acts, minutes), and the formats annexes come in. */
    static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/png", "image/jpeg",
            "application/vnd.oasis.opendocument.text", "text/plain");

    public record Uploaded(String id, String documentId, String sha256, long size, String mediaType, long version) {
    }

    public record Download(DocumentIndex.Entry entry, byte[] bytes) {
    }

    private final DocumentStore store;
    private final DocumentIndex index;
    private final CommandDispatcher commands;
    private final CommandAuthorization authorization;
    private final QueryGateway queries;
    private final long maxBytes;

    public Documents(DocumentStore store, DocumentIndex index, CommandDispatcher commands, CommandAuthorization authorization,
                     QueryGateway queries, @Value("${registro.documents.max-bytes:20971520}") long maxBytes) {
        this.store = store;
        this.index = index;
        this.commands = commands;
        this.authorization = authorization;
        this.queries = queries;
        this.maxBytes = maxBytes;
    }

    public Uploaded attachToSession(String sessionId, Integer itemNo, String title, String fileName, String mediaType, byte[] bytes) {
        String type = checked(mediaType, bytes, fileName, title);
        authorization.authorize(new AttachDocument(sessionId, itemNo, title, null, null));
        StoredDocument document = store.store(bytes, fileName, type, Caller.currentPrincipal());
        try {
            Recorded recorded = commands.send(new AttachDocument(sessionId, itemNo, title, document, Caller.currentPrincipal()),
                    "SESSION", sessionId);
            return new Uploaded(recorded.id(), document.documentId(), document.sha256(), document.size(), type, recorded.version());
        } catch (RuntimeException refused) {
            store.discard(document.documentId());
            throw refused;
        }
    }

    public Uploaded attachToAct(String actId, String title, String fileName, String mediaType, byte[] bytes) {
        String type = checked(mediaType, bytes, fileName, title);
        authorization.authorize(new AttachActDocument(actId, title, null, null));
        StoredDocument document = store.store(bytes, fileName, type, Caller.currentPrincipal());
        try {
            String id = commands.send(new AttachActDocument(actId, title, document, Caller.currentPrincipal()), "ACT", actId);
            return new Uploaded(id, document.documentId(), document.sha256(), document.size(), type, -1);
        } catch (RuntimeException refused) {
            store.discard(document.documentId());
            throw refused;
        }
    }

    /** Stores the published verbale; the caller records it with the publication, or discards it. */
    public StoredDocument storeMinutesPdf(String sessionId, byte[] pdf) {
        return store.store(pdf, "verbale-" + sessionId + ".pdf", PdfA.MEDIA_TYPE, Caller.currentPrincipal());
    }

    public void discard(StoredDocument document) {
        store.discard(document.documentId());
    }

    /** The bytes of a document the caller may read: anyone for published minutes and adopted acts, else signed-in readers. */
    public Download download(String documentId) {
        Optional<DocumentIndex.Entry> entry = index.find(documentId);
        boolean anonymous = Caller.anonymousRequest();
        if (entry.isEmpty() || anonymous && !isPublic(entry.get())) {
            if (anonymous) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null, "Sign in to read this document");
            }
            throw new ApiException(HttpStatus.NOT_FOUND, "DOCUMENT_NOT_FOUND", "id", "No document with id '" + documentId + "'");
        }
        byte[] bytes = store.read(documentId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "DOCUMENT_NOT_FOUND", "id",
                "The bytes of document '" + documentId + "' are not in the store"));
        return new Download(entry.get(), bytes);
    }

    public Optional<byte[]> bytes(String documentId) {
        return store.read(documentId);
    }

    private boolean isPublic(DocumentIndex.Entry entry) {
        if (entry.kind().equals("ACT")) {
            return queries.query(new FindAct(entry.ownerId(), it.registro.app.web.BusinessTimes.todayIfAbsent(null)), ResponseTypes.optionalInstanceOf(ActProjection.ActRecord.class)).join()
                    .map(a -> a.act().getAdoption() != null).orElse(false);
        }
        return queries.query(new FindSessionRecord(entry.ownerId()), ResponseTypes.optionalInstanceOf(SessionRecords.SessionRecord.class))
                .join().map(r -> r.session().getMinutes().state() == MinutesState.PUBLISHED).orElse(false);
    }

    private String checked(String mediaType, byte[] bytes, String fileName, String title) {
        if (title == null || title.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "FIELD_REQUIRED", "title", "A document has a title (query parameter 'title')");
        }
        if (fileName != null && (fileName.length() > 255 || fileName.contains("/") || fileName.contains("\\"))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "fileName", "A file name has no path and at most 255 characters");
        }
        String type = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!MEDIA_TYPES.contains(type)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MEDIA_TYPE_NOT_ALLOWED", "document",
                    "Documents are " + String.join(", ", new java.util.TreeSet<>(MEDIA_TYPES)) + "; this one is '" + type + "'");
        }
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DOCUMENT_EMPTY", "document", "The document has no bytes");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "DOCUMENT_TOO_LARGE", "document",
                    "A document is at most " + maxBytes + " bytes; this one is " + bytes.length);
        }
        if (!contentMatches(type, bytes)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "DOCUMENT_CONTENT_MISMATCH", "document",
                    "The bytes are not a " + type + " document");
        }
        return type;
    }

    /** The first bytes of each kept format (its "magic number"): a declared type the bytes contradict is refused. */
    static boolean contentMatches(String type, byte[] b) {
        return switch (type) {
            case "application/pdf" -> starts(b, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            case "image/png" -> starts(b, new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            case "image/jpeg" -> starts(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "application/vnd.oasis.opendocument.text" -> starts(b, new byte[]{'P', 'K', 3, 4});
            default -> true;
        };
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
