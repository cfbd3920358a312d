package it.registro.projections.poas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.projections.common.Versioned;

/** One POAS: its approval chain in the order the documents date it, and where it stands. */
@Document(PoasView.COLLECTION)
public class PoasView implements Versioned {

    public static final String COLLECTION = "poas";

    /** A step of the chain; {@code kind} STEP for the dated steps, or ADOPTED, SUBMITTED, REVIEWED, APPROVED. */
    public record Step(String kind, LocalDate on, String step, String actor, String actId, String textAsRecorded,
                       String source, Instant recordedAt) {
    }

    public record Submission(LocalDate on, String protocol, String channel, LocalDate dueOn) {
    }

    public record Review(LocalDate on, String by, String protocol, String outcome, List<String> recommendations) {
    }

    public record Approval(String actId, LocalDate on, String voteAsRecorded, String conformityAsRecorded) {
    }

    /** A version of the plan: 1 from the approval, then one per amendment, each from its act's date. */
    public record Version(int number, String label, LocalDate from, String actId, String proposingActId) {
    }

    public record Flag(String code, String severity, LocalDate dueOn, LocalDate approvedOn, long daysOver) {
    }

    /** A later modification and its own chain; {@code version} is the POAS version it became once approved. */
    public record Modification(String id, String label, String adoptedByActId, LocalDate adoptedOn, Submission submission,
                               List<Review> reviews, Approval approval, Integer version) {

        Modification submitted(Submission s) {
            return new Modification(id, label, adoptedByActId, adoptedOn, s, reviews, approval, version);
        }

        Modification approved(Approval a, int v) {
            return new Modification(id, label, adoptedByActId, adoptedOn, submission, reviews, a, v);
        }
    }

    @Id
    private String id;
    private String agencyName;
    private String period;
    private String label;
    private List<Step> steps = new ArrayList<>();
    private String adoptedByActId;
    private LocalDate adoptedOn;
    private Submission submission;
    private List<Review> reviews = new ArrayList<>();
    private Approval approval;
    private List<Flag> flags = new ArrayList<>();
    private List<Version> versions = new ArrayList<>();
    private List<Modification> modifications = new ArrayList<>();
    private long version;

    protected PoasView() {
    }

    PoasView(String id, String agencyName, String period, String label) {
        this.id = id;
        this.agencyName = agencyName;
        this.period = period;
        this.label = label;
    }

 /** The version in force on a day, or null before the approval's date. */
    public Version versionOn(LocalDate day) {
        return versions.stream().filter(v -> v.from() != null && !v.from().isAfter(day)).reduce((a, b) -> b).orElse(null);
    }

    public String getStatus() {
        if (modifications.stream().anyMatch(m -> m.approval() == null)) {
            return "MODIFICATION_IN_PROGRESS";
        }
        return versions.size() > 1 ? "AMENDED" : approval != null ? "APPROVED" : submission != null ? "SUBMITTED" : adoptedOn != null ? "ADOPTED" : "OPEN";
    }

    void adopted(String actId, LocalDate on) {
        this.adoptedByActId = actId;
        this.adoptedOn = on;
    }

    void submission(Submission s) { this.submission = s; }
    void approval(Approval a) { this.approval = a; }
    @Override
    public void version(long v) { this.version = v; }

    public String getId() { return id; }
    public String getAgencyName() { return agencyName; }
    public String getPeriod() { return period; }
    public String getLabel() { return label; }
    public List<Step> getSteps() { return steps; }
    public String getAdoptedByActId() { return adoptedByActId; }
    public LocalDate getAdoptedOn() { return adoptedOn; }
    public Submission getSubmission() { return submission; }
    public List<Review> getReviews() { return reviews; }
    public Approval getApproval() { return approval; }
    public List<Flag> getFlags() { return flags; }
    public List<Version> getVersions() { return versions; }
    public List<Modification> getModifications() { return modifications; }

    /** The modification adopted by this act, if any: its unit changes wait for its approval, not the POAS's. */
    public java.util.Optional<Modification> modificationAdoptedBy(String actId) {
        return modifications.stream().filter(m -> m.adoptedByActId().equals(actId)).findFirst();
    }

    void modification(String id, java.util.function.UnaryOperator<Modification> change) {
        modifications.replaceAll(m -> m.id().equals(id) ? change.apply(m) : m);
    }
    @Override
    public long getVersion() { return version; }
}
