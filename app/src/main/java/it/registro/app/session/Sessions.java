package it.registro.app.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.document.Documents;
import it.registro.app.document.PdfA;
import it.registro.app.security.Caller;
import it.registro.app.security.CommandAuthorization;
import it.registro.app.web.ApiException;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.document.api.StoredDocument;
import it.registro.domain.session.Session;
import it.registro.domain.session.api.FindSessionRecord;
import it.registro.domain.session.api.FindSessionsByBody;
import it.registro.domain.session.api.MinutesState;
import it.registro.domain.session.api.PublishMinutes;
import it.registro.domain.session.api.Recorded;
import it.registro.projections.session.SessionRecords;
import it.registro.projections.session.SessionView;

/**
 * Sittings, for the REST controller and the pages alike: their reads (anonymous readers get published minutes
 * only) and the sending of their commands, with a late entry's reason and the publication that stores the PDF/A.
 */
@Service
public class Sessions {

    /** What a recording call stored: the fact's (or the session's) id and the session's version after it. */
    public record Sent(String id, long version) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final Documents documents;
    private final CommandAuthorization authorization;
    private final it.registro.app.web.ReadModelAwaiter awaiter;

    public Sessions(CommandDispatcher commands, QueryGateway queries, Documents documents, CommandAuthorization authorization,
                    it.registro.app.web.ReadModelAwaiter awaiter) {
        this.awaiter = awaiter;
        this.commands = commands;
        this.queries = queries;
        this.documents = documents;
        this.authorization = authorization;
    }

    public Optional<SessionRecords.SessionRecord> findRecord(String sessionId) {
        return queries.query(new FindSessionRecord(sessionId), ResponseTypes.optionalInstanceOf(SessionRecords.SessionRecord.class)).join();
    }

    public Optional<SessionView> find(String sessionId) {
        return findRecord(sessionId).map(SessionRecords.SessionRecord::session);
    }

    public SessionRecords.SessionRecord record(String sessionId) {
        return findRecord(sessionId).orElseThrow(() -> notFound(sessionId));
    }

    /** The record, if the caller may read its minutes: anyone once published, signed-in readers at any stage. */
    public SessionRecords.SessionRecord readable(String sessionId) {
        SessionRecords.SessionRecord record = record(sessionId);
        if (Caller.anonymousRequest() && record.session().getMinutes().state() != MinutesState.PUBLISHED) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null, "These minutes are not published: sign in to read them");
        }
        return record;
    }

    public Minutes minutes(String sessionId) {
        return Minutes.of(readable(sessionId));
    }

    public List<SessionView> byBody(String body, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "to", "'to' is before 'from'");
        }
        return queries.query(new FindSessionsByBody(body, from, to), ResponseTypes.multipleInstancesOf(SessionView.class)).join();
    }

    /** Sends a session command; {@code lateEntryReason} (may be null) is what a fact entered after the close needs. */
    public Sent send(String sessionId, Object command, String lateEntryReason) {
        Map<String, String> metadata = Map.of();
        if (lateEntryReason != null && !lateEntryReason.isBlank()) {
            if (lateEntryReason.length() > 1000) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", Session.LATE_ENTRY,
                        Session.LATE_ENTRY + " is at most 1000 characters");
            }
            metadata = Map.of(Session.LATE_ENTRY, lateEntryReason.strip());
        }
        Object result = commands.send(command, metadata, "SESSION", sessionId, "DUPLICATE_SESSION");
        if (result instanceof Recorded recorded) {
            return new Sent(recorded.id(), recorded.version());
        }
        return new Sent(sessionId, result instanceof Long v ? v : 0); // a creation answers the new aggregate's id
    }

    /** Waits (bounded) until the session's read model shows this write: the page that follows shows it. */
    public boolean awaitProjected(String sessionId, Sent sent) {
        return awaiter.awaitOwnWrite(() -> find(sessionId).map(SessionView::getVersion).orElse(-1L), sent.version());
    }

    /**
     * Publishes the minutes: renders them as PDF/A as they read once published, stores the file, and sends the
     * publication with its SHA-256; a refused publication leaves no file behind.
     */
    public Sent publish(String sessionId, LocalDate on, String url, Boolean extractOnly) {
        authorization.authorize(new PublishMinutes(sessionId, on, url, extractOnly));
        SessionRecords.SessionRecord record = record(sessionId);
        StoredDocument pdf = null;
        MinutesState state = record.session().getMinutes().state();
        if (on != null && url != null && state != MinutesState.DRAFT && state != MinutesState.PUBLISHED) {
            Minutes published = Minutes.of(record).published(on, url.strip(), extractOnly);
            pdf = documents.storeMinutesPdf(sessionId, PdfA.render(MinutesHtml.render(published)));
        }
        try {
            return send(sessionId, new PublishMinutes(sessionId, on, url, extractOnly, pdf), null);
        } catch (RuntimeException refused) {
            if (pdf != null) {
                documents.discard(pdf);
            }
            throw refused;
        }
    }

    /** The verbale as PDF/A: once published, the very file whose SHA-256 the publication recorded. */
    public Pdf pdf(String sessionId) {
        SessionRecords.SessionRecord record = readable(sessionId);
        StoredDocument stored = record.session().getPublishedPdf();
        byte[] bytes = stored == null ? null : documents.bytes(stored.documentId()).orElse(null);
        if (bytes == null) {
            bytes = PdfA.render(MinutesHtml.render(Minutes.of(record)));
        }
        return new Pdf(bytes, stored == null ? null : stored.sha256());
    }

    public record Pdf(byte[] bytes, String recordedSha256) {
    }

    static ApiException notFound(String sessionId) {
        return new ApiException(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "id", "No session with id '" + sessionId + "'");
    }
}
