package it.registro.projections.albo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.document.api.StoredDocument;

/**
 * One line of the albo: a sitting (its minutes, once published) or an act (once adopted). Kept for every sitting
 * and act from the first event, {@code published} says whether anyone may see it; {@code modified} is when the
 * register last recorded something about it (for re-users asking what changed since).
 */
@Document(AlboEntry.COLLECTION)
public class AlboEntry {

    public static final String COLLECTION = "albo";
    public static final String MINUTES = "VERBALE";

    public record FileRef(String title, String documentId, String fileName, String mediaType, long size, String sha256) {

        static FileRef of(String title, StoredDocument d) {
            return new FileRef(title, d.documentId(), d.fileName(), d.mediaType(), d.size(), d.sha256());
        }
    }

    @Id
    private String id;
    /** VERBALE for a sitting's minutes, else the act's type (DECRETO, DELIBERAZIONE, …). */
    private String type;
    private String ownerId;
    private String bodyId;
    private String number;
    private LocalDate date;
    private Integer year;
    private LocalTime scheduledStart;
    private String venue;
    private String title;
    private List<String> subjects = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private boolean published;
    private LocalDate publishedOn;
    private String url;
    private FileRef pdf;
    private List<FileRef> documents = new ArrayList<>();
    private boolean withdrawn;
    private Instant created;
    private Instant modified;

    AlboEntry() {
    }

    AlboEntry(String id, String type, String ownerId, String bodyId, String number, LocalDate date, String title, Instant at) {
        this.id = id;
        this.type = type;
        this.ownerId = ownerId;
        this.bodyId = bodyId;
        this.number = number;
        this.date = date;
        this.year = date == null ? null : date.getYear();
        this.title = title;
        this.created = at;
        this.modified = at;
    }

    public String getId() { return id; }
    public String getType() { return type; }
    public String getOwnerId() { return ownerId; }
    public String getBodyId() { return bodyId; }
    public String getNumber() { return number; }
    public LocalDate getDate() { return date; }
    public Integer getYear() { return year; }
    public LocalTime getScheduledStart() { return scheduledStart; }
    public String getVenue() { return venue; }
    public String getTitle() { return title; }
    public List<String> getSubjects() { return subjects; }
    public List<String> getWords() { return words; }
    public boolean isPublished() { return published; }
    public LocalDate getPublishedOn() { return publishedOn; }
    public String getUrl() { return url; }
    public FileRef getPdf() { return pdf; }
    public List<FileRef> getDocuments() { return documents; }
    public boolean isWithdrawn() { return withdrawn; }
    public Instant getCreated() { return created; }
    public Instant getModified() { return modified; }

    void schedule(LocalTime start, String venue) {
        this.scheduledStart = start;
        this.venue = venue;
    }

    void subject(String subject) {
        if (subject != null && !subjects.contains(subject)) {
            subjects.add(subject);
        }
        reindex();
    }

    void publish(LocalDate on, String url, FileRef pdf) {
        this.published = true;
        this.publishedOn = on;
        this.url = url;
        this.pdf = pdf;
    }

    void publishedOn(LocalDate on) {
        if (publishedOn == null) {
            publishedOn = on;
        }
    }

    void adopt() {
        this.published = true;
    }

    void withdraw() {
        this.withdrawn = true;
    }

    void document(FileRef file) {
        if (documents.stream().noneMatch(d -> d.documentId().equals(file.documentId()))) {
            documents.add(file);
        }
    }

    void touched(Instant at) {
        if (modified == null || at.isAfter(modified)) {
            modified = at;
        }
    }

    /** The words of the title and subjects, lower-case and without accents' variants, for search by subject words. */
    void reindex() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(words(title));
        subjects.forEach(s -> all.addAll(words(s)));
        words = new ArrayList<>(all);
    }

    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ITALIAN), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        List<String> out = new ArrayList<>();
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }
}
