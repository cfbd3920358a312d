package it.registro.projections.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import it.registro.domain.voting.OfficialOutcome;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.ActRef;
import it.registro.domain.session.api.AbsenceBasis;
import it.registro.domain.session.api.ChairBasis;
import it.registro.domain.session.api.DesignationBasis;
import it.registro.domain.session.api.ItemKind;
import it.registro.domain.session.api.MinutesState;
import it.registro.domain.session.api.NamedVote;
import it.registro.domain.session.api.OpinionOutcome;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.ParticipantRole;
import it.registro.domain.session.api.Presenter;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.session.api.SessionMode;
import it.registro.domain.session.api.SessionState;
import it.registro.domain.session.api.Severity;
import it.registro.domain.session.api.Signatory;
import it.registro.domain.session.api.TimePrecision;
import it.registro.domain.session.api.VoteMode;

/**
 * Read model of one sitting: everything its events say, in one document keyed by the session id,
 * with corrections applied to the facts they correct and listed beside them. {@code version} is the
 * sequence number of the last event applied.
 */
@Document(SessionView.COLLECTION)
public class SessionView {

    public static final String COLLECTION = "sessions";

    /** {@code minutesOf}: for a MINUTES_APPROVAL item, the sitting whose minutes it approves. */
    public record AgendaItem(int itemNo, ItemKind kind, List<String> titles, boolean withdrawn, String withdrawalReason, String minutesOf) {
    }

    public record Participant(String personId, String nameAsRecorded, ParticipantRole role, String roleAsRecorded) {
    }

    /** One stay of a member or delegate: from arrival to departure (null while present). */
    public record Stay(String personId, String seatId, boolean delegate, String arrivalFactId, Instant arrival,
                       TimePrecision arrivalPrecision, String arrivalText, String departureFactId, Instant departure,
                       TimePrecision departurePrecision, String departureText) {
    }

    public record Absence(String factId, String personId, AbsenceBasis basis, String textAsRecorded) {
    }

    public record Chair(String factId, String personId, boolean member, Instant from, ChairBasis basis,
                        String labelAsRecorded, String reasonAsRecorded, String replacingPersonId) {
    }

    public record QuorumDeclaration(Instant at, String textAsRecorded, Integer statedPresent, QuorumFigures computed) {
    }

    /**
     * A vote with the figures the voting floor gave (recomputed after a correction): {@code base} and
     * {@code threshold} in heads or, where {@code weightedRule}, inhabitants. {@link #official()} is its
     * outcome as every view shows it.
     */
    public record Vote(String factId, int itemNo, String subject, Instant at, VoteMode mode, Tally tally,
                       List<NamedVote> votes, Tally weightedTally, int presentAtVote, QuorumFigures quorum,
                       Integer ruleSetVersion, String majorityRule, Long threshold, Outcome computedOutcome,
                       Outcome recordedOutcome, String outcomeAsRecorded, Long base, boolean weightedRule, String revoteOf,
                       String revoteReason, OfficialOutcome official) {

        /** {@code official} always follows from the recorded and the computed outcome, whatever is passed. */
        public Vote {
            official = OfficialOutcome.of(recordedOutcome, computedOutcome);
        }

        public Vote(String factId, int itemNo, String subject, Instant at, VoteMode mode, Tally tally, List<NamedVote> votes, Tally weightedTally,
                    int presentAtVote, QuorumFigures quorum, Integer ruleSetVersion, String majorityRule, Long threshold, Outcome computedOutcome,
                    Outcome recordedOutcome, String outcomeAsRecorded, Long base, boolean weightedRule, String revoteOf, String revoteReason) {
            this(factId, itemNo, subject, at, mode, tally, votes, weightedTally, presentAtVote, quorum, ruleSetVersion, majorityRule, threshold,
                    computedOutcome, recordedOutcome, outcomeAsRecorded, base, weightedRule, revoteOf, revoteReason, null);
        }

        Vote withFigures(int present, QuorumFigures quorum, Tally tally, Tally weighted, Integer version, String rule, boolean weightedRule,
                         Long threshold, Long base, Outcome computed) {
            return new Vote(factId, itemNo, subject, at, mode, tally, votes, weighted, present, quorum, version, rule, threshold, computed,
                    recordedOutcome, outcomeAsRecorded, base, weightedRule, revoteOf, revoteReason);
        }
    }

    /** An election: the minutes record the candidate elected, so its recorded outcome is PASSED. */
    public record Election(String factId, int itemNo, Office office, String personId, String nameAsRecorded, Instant at,
                           Tally tally, int presentAtVote, QuorumFigures quorum, Integer ruleSetVersion,
                           String majorityRule, Long threshold, Outcome computedOutcome, String outcomeAsRecorded, Long base,
                           boolean weightedRule, OfficialOutcome official) {

        public Election {
            official = OfficialOutcome.of(Outcome.PASSED, computedOutcome);
        }

        public Election(String factId, int itemNo, Office office, String personId, String nameAsRecorded, Instant at, Tally tally,
                        int presentAtVote, QuorumFigures quorum, Integer ruleSetVersion, String majorityRule, Long threshold,
                        Outcome computedOutcome, String outcomeAsRecorded, Long base, boolean weightedRule) {
            this(factId, itemNo, office, personId, nameAsRecorded, at, tally, presentAtVote, quorum, ruleSetVersion, majorityRule, threshold,
                    computedOutcome, outcomeAsRecorded, base, weightedRule, null);
        }

        Election withFigures(int present, QuorumFigures quorum, Tally tally, Integer version, String rule, Long threshold, Long base,
                             Outcome computed) {
            return new Election(factId, itemNo, office, personId, nameAsRecorded, at, tally, present, quorum, version, rule, threshold,
                    computed, outcomeAsRecorded, base, weightedRule);
        }
    }

    public record Attestation(String factId, int itemNo, int count, Instant at, String textAsRecorded) {
    }

    public record Candidature(int itemNo, String candidatureId, String name, String detailsAsRecorded, String source) {
    }

    public record Ratification(ActRef act, LocalDate ratifiedOn, LocalDate termFrom, LocalDate termTo, Instant recordedAt) {
    }

    public record Designation(String designationId, int itemNo, String office, String candidatureId,
                              String nameAsRecorded, Instant at, DesignationBasis basis, String basisAsRecorded,
                              Tally tally, String rationaleAsRecorded, String ratifyingIssuer,
                              String ratifyingAuthorityAsRecorded, Integer termYears, String conditionsAsRecorded,
                              String status, Ratification ratification, Instant recordedAt) {
    }

    public record Opinion(String factId, int itemNo, ActRef act, OpinionOutcome outcome, String conditionsAsRecorded,
                          String textAsRecorded, Instant at, Tally tally) {
    }

    public record Information(String factId, int itemNo, Instant at, List<Presenter> presenters, String summaryAsRecorded) {
    }

    public record FollowUp(String factId, int itemNo, LocalDate on, String descriptionAsRecorded,
                           String reportedByPersonId, String source) {
    }

    public record Milestone(String period, String labelAsRecorded, String textAsRecorded, String status, String source) {
    }

    public record FundingLine(String lineId, String citedActAsRecorded, String objectAsRecorded, BigDecimal amount,
                              BigDecimal alternativeAmount, String source) {
    }

    public record TotalCheck(String label, List<String> lineIds, boolean useAlternative, BigDecimal computed,
                             BigDecimal stated, String statedAsRecorded, boolean passed, BigDecimal difference,
                             String source) {
    }

    public record Figures(String factId, int itemNo, List<Milestone> milestones, List<FundingLine> fundingLines,
                          List<TotalCheck> totalChecks) {
    }

    public record Flag(String flagId, String code, Severity severity, List<String> factIds, Map<String, String> details,
                       String message, Instant recordedAt) {
    }

    public record Correction(String factId, String field, String previousValue, String newValue, String reason,
                             Instant recordedAt) {
    }

    /** By reference ({@code reference}), or a stored file ({@code document}, with its hash) uploaded by {@code uploadedBy}. */
    public record Attachment(String attachmentId, Integer itemNo, String title, String reference,
                             it.registro.domain.document.api.StoredDocument document, String uploadedBy) {

        public Attachment(String attachmentId, Integer itemNo, String title, String reference) {
            this(attachmentId, itemNo, title, reference, null, null);
        }
    }

    /** What a speaker said on an item, as the minutes summarise it. */
    public record Intervention(String factId, int itemNo, String personId, String speakerAsRecorded, Instant at, String summaryAsRecorded) {
    }

    /** A fact entered after the close: the fact, the instant it is dated in the sitting, when it was entered and why. */
    public record LateEntry(String factId, Instant at, Instant recordedAt, String reason) {
    }

    public record Distribution(LocalDate on, String channel, String address, String recipientsAsRecorded) {
    }

    /** {@code approvedOn}, {@code approvedBySessionId}, {@code approvedByFactId}: the later sitting's vote that approved them. */
    public record Minutes(MinutesState state, LocalDate signedOn, List<Signatory> signatories, Distribution distribution,
                          LocalDate publishedOn, String url, Boolean extractOnly, LocalDate approvedOn, String approvedBySessionId,
                          String approvedByFactId) {

        public Minutes(MinutesState state, LocalDate signedOn, List<Signatory> signatories, Distribution distribution,
                       LocalDate publishedOn, String url, Boolean extractOnly) {
            this(state, signedOn, signatories, distribution, publishedOn, url, extractOnly, null, null, null);
        }
    }

    @Id
    private String id;
    private it.registro.domain.document.api.StoredDocument publishedPdf;
    private String bodyId;
    private String number;
    private String protocol;
    private LocalDate protocolDate;
    private String convenerPersonId;
    private String convenerNameAsRecorded;
    private LocalDate date;
    private LocalTime scheduledStart;
    private SessionMode mode;
    private String venue;
    private String textAsRecorded;
    private SessionState state;
    private Instant openedAt;
    private Instant closedAt;
    private String closedTextAsRecorded;
    private List<AgendaItem> agenda = new ArrayList<>();
    private List<Participant> participants = new ArrayList<>();
    private List<Stay> stays = new ArrayList<>();
    private List<Absence> absences = new ArrayList<>();
    private List<Chair> chairs = new ArrayList<>();
    private List<QuorumDeclaration> quorumDeclarations = new ArrayList<>();
    private List<Vote> votes = new ArrayList<>();
    private List<Election> elections = new ArrayList<>();
    private List<Attestation> attestations = new ArrayList<>();
    private List<Candidature> candidatures = new ArrayList<>();
    private List<Designation> designations = new ArrayList<>();
    private List<Opinion> opinions = new ArrayList<>();
    private List<Information> information = new ArrayList<>();
    private List<FollowUp> followUps = new ArrayList<>();
    private List<Figures> figures = new ArrayList<>();
    private List<Flag> flags = new ArrayList<>();
    private List<Correction> corrections = new ArrayList<>();
    private List<Attachment> attachments = new ArrayList<>();
    private List<Intervention> interventions = new ArrayList<>();
    private List<LateEntry> lateEntries = new ArrayList<>();
    private Minutes minutes = new Minutes(MinutesState.DRAFT, null, List.of(), null, null, null, null);
    private long version;
    private Instant recordedAt;
    private Instant updatedAt;

    protected SessionView() {
    }

    SessionView(String id, String bodyId, String number, String protocol, LocalDate protocolDate, String convenerPersonId,
                String convenerNameAsRecorded, LocalDate date, LocalTime scheduledStart, SessionMode mode, String venue,
                String textAsRecorded, Instant recordedAt) {
        this.id = id;
        this.bodyId = bodyId;
        this.number = number;
        this.protocol = protocol;
        this.protocolDate = protocolDate;
        this.convenerPersonId = convenerPersonId;
        this.convenerNameAsRecorded = convenerNameAsRecorded;
        this.date = date;
        this.scheduledStart = scheduledStart;
        this.mode = mode;
        this.venue = venue;
        this.textAsRecorded = textAsRecorded;
        this.state = SessionState.CONVENED;
        this.recordedAt = recordedAt;
        this.updatedAt = recordedAt;
    }

    void applied(long sequence, Instant at) {
        this.version = sequence;
        this.updatedAt = at;
    }

    void opened(Instant at) {
        this.state = SessionState.OPEN;
        this.openedAt = at;
    }

    void closed(Instant at, String text) {
        this.state = SessionState.CLOSED;
        this.closedAt = at;
        this.closedTextAsRecorded = text;
    }

    void minutes(Minutes minutes) {
        this.minutes = minutes;
    }

    /** A corrected field of the convocation. */
    void convocationCorrected(String field, String value) {
        switch (field) {
            case "number" -> number = value;
            case "protocol" -> protocol = value;
            case "protocolDate" -> protocolDate = value == null ? null : LocalDate.parse(value);
            case "convenerNameAsRecorded" -> convenerNameAsRecorded = value;
            case "scheduledStart" -> scheduledStart = value == null ? null : LocalTime.parse(value);
            case "mode" -> mode = value == null ? null : SessionMode.valueOf(value);
            case "venue" -> venue = value;
            case "textAsRecorded" -> textAsRecorded = value;
            default -> {
                // not a field of the convocation
            }
        }
    }

    public String getId() { return id; }
    public String getBodyId() { return bodyId; }
    public String getNumber() { return number; }
    public String getProtocol() { return protocol; }
    public LocalDate getProtocolDate() { return protocolDate; }
    public String getConvenerPersonId() { return convenerPersonId; }
    public String getConvenerNameAsRecorded() { return convenerNameAsRecorded; }
    public LocalDate getDate() { return date; }
    public LocalTime getScheduledStart() { return scheduledStart; }
    public SessionMode getMode() { return mode; }
    public String getVenue() { return venue; }
    public String getTextAsRecorded() { return textAsRecorded; }
    public SessionState getState() { return state; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedTextAsRecorded() { return closedTextAsRecorded; }
    public List<AgendaItem> getAgenda() { return agenda; }
    public List<Participant> getParticipants() { return participants; }
    public List<Stay> getStays() { return stays; }
    public List<Absence> getAbsences() { return absences; }
    public List<Chair> getChairs() { return chairs; }
    public List<QuorumDeclaration> getQuorumDeclarations() { return quorumDeclarations; }
    public List<Vote> getVotes() { return votes; }
    public List<Election> getElections() { return elections; }
    public List<Attestation> getAttestations() { return attestations; }
    public List<Candidature> getCandidatures() { return candidatures; }
    public List<Designation> getDesignations() { return designations; }
    public List<Opinion> getOpinions() { return opinions; }
    public List<Information> getInformation() { return information; }
    public List<FollowUp> getFollowUps() { return followUps; }
    public List<Figures> getFigures() { return figures; }
    public List<Flag> getFlags() { return flags; }
    public List<Correction> getCorrections() { return corrections; }
    public List<Attachment> getAttachments() { return attachments; }
    public List<Intervention> getInterventions() {
        if (interventions == null) {
            interventions = new ArrayList<>();
        }
        return interventions;
    }
    public List<LateEntry> getLateEntries() {
        if (lateEntries == null) {
            lateEntries = new ArrayList<>();
        }
        return lateEntries;
    }
    public Minutes getMinutes() { return minutes; }

    /** The verbale as published, PDF/A, with the SHA-256 its publication recorded. */
    public it.registro.domain.document.api.StoredDocument getPublishedPdf() { return publishedPdf; }

    public void publishedPdf(it.registro.domain.document.api.StoredDocument pdf) { this.publishedPdf = pdf; }
    public long getVersion() { return version; }
    public Instant getRecordedAt() { return recordedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
