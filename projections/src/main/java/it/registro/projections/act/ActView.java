package it.registro.projections.act;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.act.api.ActState;
import it.registro.domain.act.api.ActType;
import it.registro.domain.act.api.ReferenceKind;
import it.registro.domain.body.api.Tally;
import it.registro.projections.common.Versioned;

/** Read model of one act: identity, dated life, references both ways, and the history of its facts. */
@Document(ActView.COLLECTION)
public class ActView implements Versioned {

    public static final String COLLECTION = "acts";

    public record Opinion(String givenBy, String role, String outcome, LocalDate on, String source) {
    }

    /**
     * The act's formalities as recorded: signatories, the responsabile del procedimento, attestations of regularity and
     * whether it says it is digitally signed.
     */
    public record Formalities(List<it.registro.domain.act.api.ActSignatory> signatories, String responsibleOfficerAsRecorded,
                              List<it.registro.domain.act.api.ActAttestation> attestations, Boolean digitallySigned) {

        public static final Formalities NONE = new Formalities(List.of(), null, List.of(), null);

        /** What another recording adds: its signatories and attestations, a responsabile or a signature it names. */
        public Formalities with(it.registro.domain.act.api.ActFormalitiesRecorded e) {
            List<it.registro.domain.act.api.ActSignatory> s = new ArrayList<>(signatories);
            s.addAll(e.signatories());
            List<it.registro.domain.act.api.ActAttestation> a = new ArrayList<>(attestations);
            a.addAll(e.attestations());
            return new Formalities(s, e.responsibleOfficerAsRecorded() != null ? e.responsibleOfficerAsRecorded() : responsibleOfficerAsRecorded,
                    a, e.digitallySigned() != null ? e.digitallySigned() : digitallySigned);
        }
    }

    public record Consultation(String consulted, String kind, LocalDate on, String outcomeAsRecorded, String minutesRef,
                               String source, String sessionId, Integer itemNo) {
    }

    public record Adoption(LocalDate on, String signedByAsRecorded, Boolean unanimous, Tally tally, String voteAsRecorded) {
    }

    public record Submission(String to, String channel, String protocol, LocalDate on) {
    }

    /** A stored file of the act (the signed act, an annex) with its hash, who uploaded it and when it was recorded. */
    public record ActDocument(String attachmentId, String title, it.registro.domain.document.api.StoredDocument document, String uploadedBy,
                           Instant recordedAt) {
    }

    public record Publication(String where, LocalDate from, LocalDate until, String registerNumber) {
    }

    public record Executability(LocalDate from, Boolean immediate, String cause, String byActId, String legalBasisAsRecorded) {
    }

    public record Effect(LocalDate from, String scopeAsRecorded) {
    }

    public record Reference(ReferenceKind kind, String actId, LocalDate actDate, LocalDate effectiveFrom, String noteAsRecorded) {
    }

    public record Revocation(LocalDate from, String byActId) {
    }

    /** One fact of the act's life: what, its business date, when it was recorded. */
    public record HistoryEntry(String fact, LocalDate businessDate, Instant recordedAt, String source) {
    }

    @Id
    private String id;
    private String issuerBodyId;
    private ActType type;
    private String number;
    private Integer year;
    private LocalDate date;
    private String title;
    private String citationAsRecorded;
    private boolean subjectToControl;
    private List<Opinion> opinions = new ArrayList<>();
    private Formalities formalities = Formalities.NONE;
    private List<Consultation> consultations = new ArrayList<>();
    private Adoption adoption;
    private List<Submission> submissions = new ArrayList<>();
    private List<Publication> publications = new ArrayList<>();
    private List<ActDocument> documents = new ArrayList<>();
    private Revocation annulment;
    private Executability executability;
    private List<Effect> effects = new ArrayList<>();
    private List<Reference> outgoing = new ArrayList<>();
    private List<Reference> incoming = new ArrayList<>();
    private Revocation revocation;
    private List<HistoryEntry> history = new ArrayList<>();
    private long version;

    protected ActView() {
    }

    ActView(String id, String issuerBodyId, ActType type, String number, Integer year, LocalDate date, String title,
            String citationAsRecorded, boolean subjectToControl) {
        this.id = id;
        this.issuerBodyId = issuerBodyId;
        this.type = type;
        this.number = number;
        this.year = year;
        this.date = date;
        this.title = title;
        this.citationAsRecorded = citationAsRecorded;
        this.subjectToControl = subjectToControl;
    }

    /** Where the act stands on a business date. */
    public ActState stateOn(LocalDate day) {
        if (annulment != null && annulment.from() != null && !annulment.from().isAfter(day)) {
            return ActState.ANNULLED;
        }
        if (revocation != null && revocation.from() != null && !revocation.from().isAfter(day)) {
            return ActState.REVOKED;
        }
        if (executability != null && !executability.from().isAfter(day)) {
            return ActState.EXECUTIVE;
        }
        if (adoption != null && !adoption.on().isAfter(day)) {
            return subjectToControl ? ActState.PENDING_CONTROL : ActState.ADOPTED;
        }
        return ActState.REGISTERED;
    }

    public boolean amendedOn(LocalDate day) {
        return incoming.stream().anyMatch(r -> r.kind() == ReferenceKind.AMENDS && r.effectiveFrom() != null
                && !r.effectiveFrom().isAfter(day));
    }

    void adoption(Adoption a) { this.adoption = a; }
    void executability(Executability e) { this.executability = e; }
    void revocation(Revocation r) { this.revocation = r; }
    void annulment(Revocation r) { this.annulment = r; }
    public Revocation getAnnulment() { return annulment; }
    @Override
    public void version(long v) { this.version = v; }

    public String getId() { return id; }
    public String getIssuerBodyId() { return issuerBodyId; }
    public ActType getType() { return type; }
    public String getNumber() { return number; }
    public Integer getYear() { return year; }
    public LocalDate getDate() { return date; }
    public String getTitle() { return title; }
    public String getCitationAsRecorded() { return citationAsRecorded; }
    public boolean isSubjectToControl() { return subjectToControl; }
    public List<Opinion> getOpinions() { return opinions; }
    public Formalities getFormalities() { return formalities == null ? Formalities.NONE : formalities; }
    public void formalities(Formalities formalities) { this.formalities = formalities; }
    public List<Consultation> getConsultations() { return consultations; }
    public Adoption getAdoption() { return adoption; }
    public List<Submission> getSubmissions() { return submissions; }
    public List<Publication> getPublications() { return publications; }

    public List<ActDocument> getDocuments() { return documents; }

    /**
     * A stable IRI-like name in the manner of URN:NIR, built from the act's identity, which never changes:
     * {@code urn:nir:<issuer>:<type>:<year>;<number>} (a date-only act without number uses its date).
     */
    public String getIri() {
        String n = number == null ? (date == null ? id : date.toString()) : number.toLowerCase(java.util.Locale.ROOT).replace('/', '-');
        return "urn:nir:" + issuerBodyId + ":" + type.name().toLowerCase(java.util.Locale.ROOT) + ":" + (year == null ? "" : year) + ";" + n;
    }
    public Executability getExecutability() { return executability; }
    public List<Effect> getEffects() { return effects; }
    public List<Reference> getOutgoing() { return outgoing; }
    public List<Reference> getIncoming() { return incoming; }
    public Revocation getRevocation() { return revocation; }
    public List<HistoryEntry> getHistory() { return history; }
    @Override
    public long getVersion() { return version; }
}
