package it.registro.app.albo;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.web.ApiException;
import it.registro.app.web.Italiano;
import it.registro.domain.body.api.FindBody;
import it.registro.domain.common.BusinessTime;
import it.registro.projections.albo.AlboEntry;
import it.registro.projections.albo.AlboProjection;
import it.registro.projections.body.BodyView;

/**
 * The albo: what anyone may read (published minutes, adopted acts), filtered and searched; the same entries in an
 * OParl-style listing for re-users who copy what changed; a body's sittings as an iCalendar feed. Unpublished
 * minutes and acts not adopted never appear.
 */
@Service
public class Albo {

    public static final int MAX_PAGE_SIZE = 100;

    /** A file of an entry: where to download it and the SHA-256 the register recorded. */
    public record FileLink(String title, String href, String mediaType, long size, String sha256) {
    }

    public record Item(String kind, String id, String type, String typeLabel, String bodyId, String bodyName, String number,
                       LocalDate date, String title, List<String> subjects, LocalDate publishedOn, String publishedAt, String page,
                       String pdf, List<FileLink> documents, boolean withdrawn, Instant modified) {
    }

    public record Page(List<Item> items, int page, int size, long total, int pages) {
    }

    private final AlboProjection albo;
    private final QueryGateway queries;

    public Albo(AlboProjection albo, QueryGateway queries) {
        this.albo = albo;
        this.queries = queries;
    }

    public Page find(String body, Integer year, String type, String q, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "page", "page is 0 or more");
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "size", "size is between 1 and " + MAX_PAGE_SIZE);
        }
        if (q != null && q.length() > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "q", "q is at most 200 characters");
        }
        AlboProjection.Page found = albo.find(body, year, type == null || type.isBlank() ? null : type.strip().toUpperCase(java.util.Locale.ROOT),
                q, p, s);
        return page(found);
    }

    public Page modifiedSince(boolean minutes, OffsetDateTime since, Integer page, Integer size) {
        int p = page == null ? 0 : Math.max(0, page);
        int s = size == null ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.max(1, size));
        return page(albo.modifiedSince(minutes, since == null ? null : since.toInstant(), p, s));
    }

    private Page page(AlboProjection.Page found) {
        Map<String, String> names = new HashMap<>();
        List<Item> items = new ArrayList<>();
        for (AlboEntry e : found.entries()) {
            items.add(item(e, names.computeIfAbsent(e.getBodyId(), this::bodyName)));
        }
        int pages = (int) ((found.total() + found.size() - 1) / found.size());
        return new Page(items, found.page(), found.size(), found.total(), pages);
    }

    private String bodyName(String bodyId) {
        return queries.query(new FindBody(bodyId), ResponseTypes.optionalInstanceOf(BodyView.class)).join()
                .map(BodyView::getName).orElse(bodyId);
    }

    private static Item item(AlboEntry e, String bodyName) {
        boolean minutes = AlboEntry.MINUTES.equals(e.getType());
        List<FileLink> files = new ArrayList<>();
        e.getDocuments().forEach(d -> files.add(new FileLink(d.title(), "/api/documents/" + d.documentId(), d.mediaType(), d.size(), d.sha256())));
        String pdf = minutes ? "/api/sessions/" + e.getOwnerId() + "/minutes.pdf" : "/api/acts/" + e.getOwnerId() + "/sheet.pdf";
        if (minutes && e.getPdf() != null) {
            files.add(0, new FileLink(e.getPdf().title(), pdf, e.getPdf().mediaType(), e.getPdf().size(), e.getPdf().sha256()));
        }
        String typeLabel = minutes ? "Verbale" : Italiano.word(e.getType());
        String title = minutes ? e.getTitle() + " del " + Italiano.date(e.getDate()) + " — " + bodyName
                : typeLabel + (e.getNumber() == null ? "" : " n. " + e.getNumber()) + (e.getDate() == null ? "" : " del " + Italiano.date(e.getDate()))
                + (e.getTitle() == null ? "" : ": " + e.getTitle());
        return new Item(minutes ? "verbale" : "atto", e.getOwnerId(), e.getType(), typeLabel, e.getBodyId(), bodyName, e.getNumber(),
                e.getDate(), title, e.getSubjects(), e.getPublishedOn(), e.getUrl(),
                minutes ? "/web/sessions/" + e.getOwnerId() : "/web/acts/" + e.getOwnerId(), pdf, files, e.isWithdrawn(), e.getModified());
    }

    /** The body's sittings as iCalendar: each a two-hour event from its convened start, in UTC, with its agenda. */
    public String calendar(String bodyId, String baseUrl) {
        List<AlboEntry> sittings = albo.sittings(bodyId);
        String name = bodyName(bodyId);
        if (sittings.isEmpty() && name.equals(bodyId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "BODY_NOT_FOUND", "id", "No body with id '" + bodyId + "'");
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Registro//Sedute " + name + "//IT"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (AlboEntry s : sittings) {
            if (s.getDate() == null) {
                continue;
            }
            LocalTime start = s.getScheduledStart() == null ? LocalTime.of(9, 0) : s.getScheduledStart();
            Instant at = s.getDate().atTime(start).atZone(BusinessTime.ZONE).toInstant();
            VEvent event = new VEvent(at, Duration.ofHours(2), "Seduta" + (s.getNumber() == null ? "" : " n. " + s.getNumber()) + " — " + name);
            event.add(new Uid(s.getOwnerId() + "@registro"));
            if (s.getVenue() != null) {
                event.add(new Location(s.getVenue()));
            }
            StringBuilder agenda = new StringBuilder("Ordine del giorno:");
            for (int i = 0; i < s.getSubjects().size(); i++) {
                agenda.append("\n").append(i + 1).append(". ").append(s.getSubjects().get(i));
            }
            if (s.isPublished()) {
                agenda.append("\nVerbale: ").append(baseUrl).append("/api/sessions/").append(s.getOwnerId()).append("/minutes.pdf");
            }
            event.add(new Description(agenda.toString()));
            if (s.getModified() != null) {
                event.add(new LastModified(s.getModified()));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** OParl-style objects for re-users: Meeting for minutes, Paper for acts, with File objects and absolute links. */
    public Map<String, Object> oparl(boolean minutes, OffsetDateTime since, Integer page, String baseUrl, String self) {
        Page found = modifiedSince(minutes, since, page, MAX_PAGE_SIZE);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Item i : found.items()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", baseUrl + (minutes ? "/api/sessions/" : "/api/acts/") + i.id());
            o.put("type", minutes ? "https://schema.oparl.org/1.1/Meeting" : "https://schema.oparl.org/1.1/Paper");
            o.put("name", i.title());
            if (minutes) {
                o.put("start", i.date() == null ? null : i.date().toString());
                o.put("organization", List.of(baseUrl + "/api/bodies/" + i.bodyId()));
                o.put("agendaItem", i.subjects());
                o.put("verbatimProtocol", i.documents().isEmpty() ? null : file(i.documents().get(0), baseUrl));
                o.put("auxiliaryFile", i.documents().stream().skip(1).map(f -> file(f, baseUrl)).toList());
            } else {
                o.put("reference", i.number());
                o.put("date", i.date() == null ? null : i.date().toString());
                o.put("paperType", i.typeLabel());
                o.put("publisher", List.of(baseUrl + "/api/bodies/" + i.bodyId()));
                o.put("mainFile", Map.of("type", "https://schema.oparl.org/1.1/File", "name", "Scheda dell'atto (PDF/A)",
                        "mimeType", "application/pdf", "accessUrl", baseUrl + i.pdf()));
                o.put("auxiliaryFile", i.documents().stream().map(f -> file(f, baseUrl)).toList());
            }
            o.put("web", baseUrl + i.page());
            o.put("deleted", i.withdrawn());
            o.put("modified", i.modified() == null ? null : i.modified().toString());
            data.add(o);
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("totalElements", found.total());
        pagination.put("elementsPerPage", found.size());
        pagination.put("currentPage", found.page() + 1);
        pagination.put("totalPages", found.pages());
        Map<String, Object> links = new LinkedHashMap<>();
        String query = since == null ? "" : "modified_since=" + java.net.URLEncoder.encode(since.toString(), java.nio.charset.StandardCharsets.UTF_8) + "&";
        links.put("first", self + "?" + query + "page=1");
        if (found.page() > 0) {
            links.put("prev", self + "?" + query + "page=" + found.page());
        }
        if (found.page() + 1 < found.pages()) {
            links.put("next", self + "?" + query + "page=" + (found.page() + 2));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("pagination", pagination);
        out.put("links", links);
        return out;
    }

    private static Map<String, Object> file(FileLink f, String baseUrl) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "https://schema.oparl.org/1.1/File");
        o.put("name", f.title());
        o.put("mimeType", f.mediaType());
        o.put("size", f.size());
        o.put("accessUrl", baseUrl + f.href());
        o.put("sha256Checksum", f.sha256());
        return o;
    }
}
