package it.registro.app.session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import it.registro.app.body.CompositionRequests.ActRequest;
import it.registro.app.body.CompositionRequests.TallyRequest;
import it.registro.domain.body.api.Office;
import it.registro.domain.session.api.AbsenceBasis;
import it.registro.domain.session.api.ChairBasis;
import it.registro.domain.session.api.Choice;
import it.registro.domain.session.api.DesignationBasis;
import it.registro.domain.session.api.ItemKind;
import it.registro.domain.session.api.OpinionOutcome;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.ParticipantRole;
import it.registro.domain.session.api.SessionMode;
import it.registro.domain.session.api.TimePrecision;
import it.registro.domain.session.api.VoteMode;

/** Request bodies of the session API. Date-times are local times in Italy ("2024-10-18T14:10"). */
public final class SessionRequests {

    private SessionRequests() {
    }

    public record Convene(
            @Size(min = 2, max = 150) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
            @NotBlank @Size(max = 100) String bodyId,
            @Size(max = 50) String number,
            @Size(max = 100) String protocol,
            LocalDate protocolDate,
            @Size(max = 100) String convenerPersonId,
            @Size(max = 200) String convenerNameAsRecorded,
            @NotNull LocalDate date,
            LocalTime scheduledStart,
            SessionMode mode,
            @Size(max = 1000) String venue,
            @Size(max = 4000) String textAsRecorded) {
    }

    /** {@code minutesOf}: for a MINUTES_APPROVAL item, the earlier sitting whose minutes a passed vote approves. */
    public record AgendaItem(@Min(1) @Max(999) int itemNo, @NotNull ItemKind kind, @NotBlank @Size(max = 4000) String title,
                             @Size(max = 200) String minutesOf) {
    }

    public record Intervention(@Min(1) @Max(999) int itemNo, @Size(max = 100) String personId, @Size(max = 200) String speakerAsRecorded,
                               @NotNull LocalDateTime at, @NotBlank @Size(max = 8000) String summaryAsRecorded) {
    }

    public record Title(@NotBlank @Size(max = 4000) String title, @Size(max = 1000) String source) {
    }

    /** Another wording of an item, as the desk's form sends it (the item in the form, not in the address). */
    public record ItemTitle(@Min(1) @Max(999) int itemNo, @NotBlank @Size(max = 4000) String title, @Size(max = 1000) String source) {
    }

    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Participant(@NotBlank @Size(max = 100) String personId, @Size(max = 200) String nameAsRecorded,
                              @NotNull ParticipantRole role, @Size(max = 1000) String roleAsRecorded) {
    }

    public record Attendance(@NotBlank @Size(max = 100) String personId, @NotNull LocalDateTime at, TimePrecision precision,
                             @Size(max = 1000) String textAsRecorded) {
    }

    public record Absence(@NotBlank @Size(max = 100) String personId, @NotNull AbsenceBasis basis,
                          @Size(max = 1000) String textAsRecorded) {
    }

    public record Chair(@NotBlank @Size(max = 100) String personId, @NotNull LocalDateTime at, @NotNull ChairBasis basis,
                        @Size(max = 1000) String labelAsRecorded, @Size(max = 1000) String reasonAsRecorded) {
    }

    public record Quorum(@NotNull LocalDateTime at, @Size(max = 1000) String textAsRecorded, @Min(0) Integer statedPresent) {
    }

    public record At(@NotNull LocalDateTime at, @Size(max = 1000) String textAsRecorded) {
    }

    public record NamedVote(@NotBlank @Size(max = 100) String personId, @NotNull Choice choice) {
    }

    public record Vote(@Min(1) @Max(999) int itemNo, @Size(max = 4000) String subject, @NotNull LocalDateTime at,
                       @NotNull VoteMode mode, @Valid TallyRequest tally, @Size(max = 1000) List<@NotNull @Valid NamedVote> votes,
                       Outcome recordedOutcome, @Size(max = 1000) String outcomeAsRecorded,
                       @Size(max = 1000) String revoteReason) {
    }

    public record Election(@Min(1) @Max(999) int itemNo, @NotNull Office office, @NotBlank @Size(max = 100) String personId,
                           @Size(max = 200) String nameAsRecorded, @NotNull LocalDateTime at, @Valid TallyRequest tally,
                           @Size(max = 1000) String outcomeAsRecorded) {
    }

    public record VoterAttestation(@Min(1) @Max(999) int itemNo, @Min(0) @Max(100000) int count, @NotNull LocalDateTime at,
                                   @Size(max = 1000) String textAsRecorded) {
    }

    public record Candidature(@Min(1) @Max(999) int itemNo,
                              @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+") String candidatureId,
                              @NotBlank @Size(max = 200) String name, @Size(max = 4000) String detailsAsRecorded,
                              @Size(max = 1000) String source) {
    }

    public record Designation(@Min(1) @Max(999) int itemNo, @NotBlank @Size(max = 1000) String office,
                              @NotBlank @Size(max = 100) String candidatureId, @Size(max = 200) String nameAsRecorded,
                              @NotNull LocalDateTime at, @NotNull DesignationBasis basis,
                              @Size(max = 1000) String basisAsRecorded, @Valid TallyRequest tally,
                              @Size(max = 4000) String rationaleAsRecorded, @NotBlank @Size(max = 200) String ratifyingIssuer,
                              @Size(max = 1000) String ratifyingAuthorityAsRecorded, @Min(1) @Max(20) Integer termYears,
                              @Size(max = 4000) String conditionsAsRecorded) {
    }

    /**
     * The ratifying act: a registered act ({@code actId}; its date is the ratification date unless
     * {@code ratifiedOn} says otherwise), or one described by its citation ({@code act}).
     */
    public record Ratification(@Size(max = 150) String actId, @Valid ActRequest act, LocalDate ratifiedOn) {
    }

    public record Opinion(@Min(1) @Max(999) int itemNo, @NotNull @Valid ActRequest act, @NotNull OpinionOutcome outcome,
                          @Size(max = 4000) String conditionsAsRecorded, @Size(max = 4000) String textAsRecorded,
                          @NotNull LocalDateTime at, @Valid TallyRequest tally) {
    }

    public record Presenter(@Size(max = 100) String personId, @Size(max = 200) String nameAsRecorded,
                            @Size(max = 200) String role) {
    }

    public record Information(@Min(1) @Max(999) int itemNo, LocalDateTime at,
                              @Size(max = 50) List<@NotNull @Valid Presenter> presenters,
                              @Size(max = 4000) String summaryAsRecorded) {
    }

    public record FollowUp(@Min(1) @Max(999) int itemNo, LocalDate on, @NotBlank @Size(max = 4000) String descriptionAsRecorded,
                           @Size(max = 100) String reportedByPersonId, @Size(max = 1000) String source) {
    }

    public record Milestone(@NotNull YearMonth period, @Size(max = 200) String labelAsRecorded,
                            @Size(max = 4000) String textAsRecorded, @Size(max = 50) String status, @Size(max = 1000) String source) {
    }

    public record FundingLine(@NotBlank @Size(max = 50) String lineId, @Size(max = 1000) String citedActAsRecorded,
                              @Size(max = 4000) String objectAsRecorded, @DecimalMin("0") BigDecimal amount,
                              @DecimalMin("0") BigDecimal alternativeAmount, @Size(max = 1000) String source) {
    }

    public record TotalCheck(@NotBlank @Size(max = 200) String label, @Size(max = 200) List<@NotBlank String> lineIds,
                             Boolean useAlternative, @Size(max = 50) List<@NotNull BigDecimal> extraAmounts,
                             @NotNull BigDecimal stated, @Size(max = 200) String statedAsRecorded,
                             @Size(max = 1000) String source) {
    }

    public record Figures(@Min(1) @Max(999) int itemNo, @Size(max = 200) List<@NotNull @Valid Milestone> milestones,
                          @Size(max = 500) List<@NotNull @Valid FundingLine> fundingLines,
                          @Size(max = 100) List<@NotNull @Valid TotalCheck> totalChecks) {
    }

    /**
     * A correction: one {@code field} and its {@code value}, or several fields at once in {@code changes}
     * (judged together, e.g. a whole tally); {@code factId} "convocation" for the convocation's data.
     */
    public record Correction(@NotBlank @Size(max = 100) String factId, @Size(max = 50) String field,
                             @Size(max = 4000) String value, @Size(max = 20) java.util.Map<@Size(max = 50) String, @Size(max = 4000) String> changes,
                             @NotBlank @Size(max = 1000) String reason) {
    }

    public record Attachment(@Min(1) @Max(999) Integer itemNo, @NotBlank @Size(max = 1000) String title,
                             @NotBlank @Size(max = 1000) String reference) {
    }

    public record Signatory(@NotBlank @Size(max = 100) String personId, @Size(max = 200) String nameAsRecorded,
                            @Size(max = 1000) String labelAsRecorded) {
    }

    public record Sign(@NotNull LocalDate on, @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Signatory> signatories) {
    }

    public record Distribute(@NotNull LocalDate on, @NotBlank @Size(max = 200) String channel, @Size(max = 200) String address,
                             @Size(max = 1000) String recipientsAsRecorded) {
    }

    public record Publish(@NotNull LocalDate on, @NotBlank @Size(max = 1000) String url, Boolean extractOnly) {
    }
}
