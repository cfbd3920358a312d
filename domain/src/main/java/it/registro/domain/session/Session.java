package it.registro.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.References;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.session.BodyFacts.BodyOnDate;
import it.registro.domain.session.api.*;
import it.registro.domain.voting.VotingFloor;
import it.registro.domain.common.FieldChange;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A sitting (seduta) of a body, from convocation to published minutes. Everything the verbale says
 * is an event; each decision is checked at the instant it was taken against the body's members,
 * delegations and rule set on the session's date, and the figures that judged it are recorded with
 * it. Inconsistencies in the record are flagged as events, never fixed.
 */
public class Session {

    private static final int MAX_LONG_TEXT = 4000;

    @AggregateIdentifier
    private String sessionId;
    private String bodyId;
    private LocalDate date;
    private LocalDate convocationDate;
    private SessionState state;
    private Instant openedAt;
    private Instant closedAt;
    private MinutesState minutes = MinutesState.DRAFT;

    private final Agenda agenda = new Agenda();
    private final Attendance attendance = new Attendance();
    private final Ballots ballots = new Ballots();
    private final RecordedFacts facts = new RecordedFacts();
    /** The instants at which the quorum was declared, with the figures the voting floor gave then. */
    private final Map<Instant, QuorumFigures> quorumDeclarations = new LinkedHashMap<>();
    private String chair;
    private final Map<Office, String> electedHere = new EnumMap<>(Office.class);
    private final Map<Office, Instant> electedHereAt = new EnumMap<>(Office.class);
    private final Map<Integer, Set<String>> candidatures = new HashMap<>();
    private final Map<String, Designation> designations = new LinkedHashMap<>();
    private final Set<String> flagKeys = new HashSet<>();
    private int factCount;
    private int flagCount;
    private int designationCount;
    private int attachmentCount;

    private record Designation(Instant at, String ratifyingIssuer, Integer termYears, boolean ratified) {
    }

    protected Session() {
    }

    // ================================================================== convocation and agenda

    @CommandHandler
    public Session(ConveneSession command, BodyFacts bodyFacts) {
        Verdict.firstRejection(
                command.sessionId() != null && command.sessionId().matches("[a-z0-9]+(-[a-z0-9]+)*")
                        && command.sessionId().length() <= 150
                        ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("SESSION_ID_MALFORMED", "id",
                        "A session id is a lower-case slug of at most 150 characters")),
                required(command.bodyId(), "bodyId"),
                required(command.date(), "date"),
                optionalText(command.number(), "number", 50),
                optionalText(command.protocol(), "protocol", 100),
                optionalText(command.convenerNameAsRecorded(), "convenerNameAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.venue(), "venue", MAX_TEXT_LENGTH),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_LONG_TEXT)
        ).orThrow();
        if (bodyFacts.bodyOn(command.bodyId(), command.date()).isEmpty()) {
            throw rejected(Rejection.notFound("BODY_NOT_FOUND", "bodyId", "No body with id '" + command.bodyId() + "'"));
        }
        if (command.protocolDate() != null && command.protocolDate().isAfter(command.date())) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "protocolDate",
                    "The convocation (" + command.protocolDate() + ") cannot follow the sitting (" + command.date() + ")"));
        }
        AggregateLifecycle.apply(new SessionConvened(command.sessionId(), command.bodyId(), Text.collapse(command.number()),
                Text.collapse(command.protocol()), command.protocolDate(), command.convenerPersonId(),
                Text.collapse(command.convenerNameAsRecorded()), command.date(), command.scheduledStart(), command.mode(),
                Text.collapse(command.venue()), Text.collapse(command.textAsRecorded())));
    }

    @CommandHandler
    public long handle(AddAgendaItem command, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(
                command.itemNo() < 1 || command.itemNo() > 999
                        ? Verdict.rejected(Rejection.invalid("ITEM_NUMBER_OUT_OF_RANGE", "itemNo", "Items are numbered 1 to 999"))
                        : Verdict.allowed(),
                required(command.kind(), "kind"),
                requiredText(command.title(), "title", MAX_LONG_TEXT)
        ).orThrow();
        Late late = notClosed(null, lateEntryReason);
        if (state == SessionState.OPEN) {
            throw rejected(Rejection.invalid("SESSION_ALREADY_OPEN", "itemNo", "Items are added to the agenda before opening"));
        }
        agenda.mayAdd(command.itemNo()).orThrow();
        String minutesOf = Text.isBlank(command.minutesOf()) ? null : command.minutesOf().strip();
        if (command.kind() == ItemKind.MINUTES_APPROVAL && minutesOf == null) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "minutesOf", "An approval of minutes names the sitting whose minutes it approves"));
        }
        if (command.kind() != ItemKind.MINUTES_APPROVAL && minutesOf != null) {
            throw rejected(Rejection.invalid("FIELD_NOT_ALLOWED", "minutesOf", "Only a MINUTES_APPROVAL item names minutes to approve"));
        }
        if (sessionId.equals(minutesOf)) {
            throw rejected(Rejection.invalid("SELF_REFERENCE", "minutesOf", "A sitting approves the minutes of an earlier one"));
        }
        AggregateLifecycle.apply(new AgendaItemAdded(sessionId, command.itemNo(), command.kind(), Text.collapse(command.title()), minutesOf));
        noteIfLate(late, "item-" + command.itemNo(), null);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddAgendaItemTitle command) {
        requiredText(command.title(), "title", MAX_LONG_TEXT).orThrow();
        agenda.item(command.itemNo());
        AggregateLifecycle.apply(new AgendaItemTitleAdded(sessionId, command.itemNo(), Text.collapse(command.title()),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(WithdrawAgendaItem command) {
        requiredText(command.reason(), "reason", MAX_TEXT_LENGTH).orThrow();
        notClosed(null, null);
        agenda.item(command.itemNo());
        if (state == SessionState.OPEN) {
            throw rejected(Rejection.invalid("SESSION_ALREADY_OPEN", "itemNo", "Items are withdrawn before opening"));
        }
        agenda.mayWithdraw(command.itemNo()).orThrow();
        AggregateLifecycle.apply(new AgendaItemWithdrawn(sessionId, command.itemNo(), Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RegisterParticipant command, BodyFacts bodyFacts, References references, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(
                required(command.personId(), "personId"),
                required(command.role(), "role"),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.roleAsRecorded(), "roleAsRecorded", MAX_TEXT_LENGTH)
        ).orThrow();
        Late late = notClosed(null, lateEntryReason);
        if (!references.personExists(command.personId())) {
            throw rejected(Rejection.invalid("UNKNOWN_PERSON", "personId", "No person " + command.personId() + " is registered"));
        }
        BodyOnDate body = body(bodyFacts);
        if (body.member(command.personId()).isPresent()) {
            throw rejected(Rejection.invalid("ALREADY_A_MEMBER", "personId",
                    "Person " + command.personId() + " is a member of the body: members attend, they are not participants"));
        }
        if (attendance.participant(command.personId())) {
            throw rejected(Rejection.conflict("ALREADY_A_PARTICIPANT", "personId", "Already registered"));
        }
        AggregateLifecycle.apply(new ParticipantRegistered(sessionId, command.personId(),
                Text.collapse(command.nameAsRecorded()), command.role(), Text.collapse(command.roleAsRecorded())));
        noteIfLate(late, "participant:" + command.personId(), null);
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== attendance and chair

    @CommandHandler
    public Recorded handle(RecordArrival command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Late late = notClosed(command.at(), lateEntryReason);
        onSessionDay(command.at(), "at");
        BodyOnDate body = body(bodyFacts);
        String seatId;
        boolean delegate = false;
        Optional<BodyFacts.Member> member = body.member(command.personId());
        if (member.isPresent()) {
            seatId = member.get().seatId();
        } else {
            Optional<BodyFacts.DelegationFact> delegation = body.delegationOf(command.personId(), command.at());
            if (delegation.isEmpty()) {
                throw rejected(Rejection.invalid("NOT_A_MEMBER", "personId",
                        "Person " + command.personId() + " is neither a member of the body nor a delegate on "
                                + BusinessTime.dateOf(command.at())));
            }
            seatId = delegation.get().seatId();
            delegate = true;
        }
        attendance.mayArrive(command.personId(), command.at()).orThrow();
        String factId = nextFactId();
        AggregateLifecycle.apply(new MemberArrived(sessionId, factId, command.personId(), seatId, delegate, command.at(),
                precision(command.precision()), Text.collapse(command.textAsRecorded())));
        checkCompositionAct(body);
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordDeparture command, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Late late = notClosed(command.at(), lateEntryReason);
        Attendance.Stay open = attendance.openStay(command.personId()).orElse(null);
        if (open == null || command.at().isBefore(open.from())) {
            throw rejected(Rejection.invalid("DEPARTURE_BEFORE_ARRIVAL", "at", open == null
                    ? "Person " + command.personId() + " has no arrival to leave from"
                    : "The departure " + command.at() + " is before the arrival " + open.from()));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new MemberLeft(sessionId, factId, command.personId(), command.at(),
                precision(command.precision()), Text.collapse(command.textAsRecorded())));
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(MarkAbsent command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.basis(), "basis"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Late late = notClosed(null, lateEntryReason);
        BodyOnDate body = body(bodyFacts);
        if (body.member(command.personId()).isEmpty()) {
            throw rejected(Rejection.invalid("NOT_A_MEMBER", "personId", "Only members are marked absent"));
        }
        if (attendance.attended(command.personId())) {
            throw rejected(Rejection.conflict("ALREADY_PRESENT", "personId", "Person " + command.personId() + " attended"));
        }
        if (attendance.absent(command.personId())) {
            throw rejected(Rejection.conflict("MARKED_ABSENT", "personId", "Already marked absent"));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new MemberMarkedAbsent(sessionId, factId, command.personId(), command.basis(),
                Text.collapse(command.textAsRecorded())));
        checkCompositionAct(body);
        noteIfLate(late, factId, null);
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AssignChair command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.at(), "at"),
                required(command.basis(), "basis"),
                optionalText(command.labelAsRecorded(), "labelAsRecorded", MAX_TEXT_LENGTH),
                optionalText(command.reasonAsRecorded(), "reasonAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Late late = notClosed(command.at(), lateEntryReason);
        onSessionDay(command.at(), "at");
        BodyOnDate body = body(bodyFacts);
        boolean member = body.member(command.personId()).isPresent();
        boolean present = member ? attendance.presentAt(command.personId(), command.at())
                : attendance.participant(command.personId()) || attendance.presentAt(command.personId(), command.at());
        if (!present) {
            throw rejected(Rejection.invalid("CHAIR_NOT_PRESENT", "personId",
                    "Person " + command.personId() + " is not present at " + command.at()));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new ChairAssumed(sessionId, factId, command.personId(), member, command.at(),
                command.basis(), Text.collapse(command.labelAsRecorded()), Text.collapse(command.reasonAsRecorded()),
                chair));
        String label = command.labelAsRecorded() == null ? "" : command.labelAsRecorded().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (label.contains("vicepresidente")) {
            String vicePresident = officeHolderAt(bodyFacts, Office.VICE_PRESIDENT, command.at()).orElse(null);
            if (!command.personId().equals(vicePresident)) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("label", Text.collapse(command.labelAsRecorded()));
                details.put("labelledPerson", command.personId());
                details.put("electedVicePresident", vicePresident);
                flag("VP_LABEL_MISMATCH", Severity.WARNING, "VP_LABEL_MISMATCH:" + factId, List.of(factId), details,
                        "The minutes call the chair Vice President, but the elected Vice President is someone else");
            }
        }
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    // ================================================================== quorum, opening, closing

    @CommandHandler
    public long handle(DeclareQuorum command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Late late = notClosed(command.at(), lateEntryReason);
        onSessionDay(command.at(), "at");
        QuorumFigures computed = floor(bodyFacts).quorumAt(command.at());
        AggregateLifecycle.apply(new QuorumDeclared(sessionId, command.at(), Text.collapse(command.textAsRecorded()),
                command.statedPresent(), computed));
        noteIfLate(late, "quorum@" + command.at(), command.at());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(OpenSession command, BodyFacts bodyFacts) {
        required(command.at(), "at").orThrow();
        notClosed(null, null);
        onSessionDay(command.at(), "at");
        if (state == SessionState.OPEN) {
            throw rejected(Rejection.conflict("SESSION_ALREADY_OPEN", "at", "The session was opened at " + openedAt));
        }
        QuorumFigures quorum = floor(bodyFacts).quorumAt(command.at());
        if (!quorum.met()) {
            throw rejected(quorumNotMet(quorum));
        }
        AggregateLifecycle.apply(new SessionOpened(sessionId, command.at()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CloseSession command) {
        Verdict.firstRejection(required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        notClosed(null, null);
        onSessionDay(command.at(), "at");
        if (openedAt != null && command.at().isBefore(openedAt)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "at", "The session opened at " + openedAt));
        }
        AggregateLifecycle.apply(new SessionClosed(sessionId, command.at(), Text.collapse(command.textAsRecorded())));
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== votes and elections

    @CommandHandler
    public Recorded handle(RecordVote command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.at(), "at"), required(command.mode(), "mode"),
                optionalText(command.subject(), "subject", MAX_LONG_TEXT),
                optionalText(command.outcomeAsRecorded(), "outcomeAsRecorded", MAX_TEXT_LENGTH),
                optionalText(command.revoteReason(), "revoteReason", MAX_TEXT_LENGTH)).orThrow();
        agenda.votable(command.itemNo());
        Late late = inOpenSession(command.at(), lateEntryReason);
        ballots.mayVote(command.itemNo(), command.subject(), command.mode(), command.revoteReason()).orThrow();
        VotingFloor floor = floor(bodyFacts);
        Tally tally;
        List<NamedVote> named = null;
        Tally weighted = null;
        if (command.mode() == VoteMode.OPEN_NAMED) {
            if (command.votes() == null || command.votes().isEmpty()) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "votes", "A named vote lists each voter's choice"));
            }
            named = List.copyOf(command.votes());
            tally = orThrow(floor.namedTally(named, command.at()));
        } else {
            if (command.votes() != null && !command.votes().isEmpty()) {
                throw rejected(Rejection.invalid(command.mode() == VoteMode.SECRET ? "SECRET_BALLOT_CHOICES" : "FIELD_NOT_ALLOWED",
                        "votes", "A " + command.mode() + " vote records counts only, never individual choices"));
            }
            required(command.tally(), "tally").orThrow();
            tally = command.tally();
            nonNegative(tally);
        }
        QuorumFigures quorum = floor.quorumAt(command.at());
        tallyWithinPresent(tally, quorum.present());
        if (!quorum.met()) {
            throw rejected(quorumNotMet(quorum));
        }
        if (floor.seating().rules() != null && floor.seating().rules().weighted()) {
            if (named == null) {
                throw rejected(Rejection.invalid("WEIGHTED_VOTE_NEEDS_NAMES", "mode",
                        "The body weighs votes by population: record the vote with each voter's choice (OPEN_NAMED)"));
            }
            weighted = orThrow(floor.weightedTally(named, command.at()));
        }
        VotingFloor.Decision d = floor.decide(command.at(), tally, weighted);
        String revoteOf = command.revoteReason() == null || command.revoteReason().isBlank() ? null
                : ballots.latestOn(command.itemNo(), command.subject()).map(Ballots.Ballot::factId).orElse(null);
        String factId = nextFactId();
        AggregateLifecycle.apply(new VoteRecorded(sessionId, factId, command.itemNo(), Text.collapse(command.subject()),
                command.at(), command.mode(), tally, named, weighted, d.presentAtVote(), d.quorum(), d.ruleSetVersion(), d.rule(),
                d.threshold(), d.computedOutcome(), command.recordedOutcome(), Text.collapse(command.outcomeAsRecorded()), d.base(),
                d.weightedRule(), revoteOf, revoteOf == null ? null : Text.collapse(command.revoteReason())));
        if (d.computedOutcome() != null && command.recordedOutcome() != null && d.computedOutcome() != command.recordedOutcome()) {
            outcomeMismatch(factId, command.recordedOutcome(), d);
        }
        Agenda.Item voted = agenda.item(command.itemNo());
        if (voted.minutesOf() != null
                && it.registro.domain.voting.OfficialOutcome.of(command.recordedOutcome(), d.computedOutcome()).official() == Outcome.PASSED) {
            AggregateLifecycle.apply(new MinutesApprovalVoted(sessionId, bodyId, factId, command.itemNo(), voted.minutesOf(), command.at()));
        }
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordElection command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.office(), "office"), required(command.personId(), "personId"),
                required(command.at(), "at"),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.outcomeAsRecorded(), "outcomeAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Agenda.Item item = agenda.votable(command.itemNo());
        if (item.kind() != ItemKind.ELECTION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not an election"));
        }
        Late late = inOpenSession(command.at(), lateEntryReason);
        VotingFloor floor = floor(bodyFacts);
        if (floor.seating().seatOf(command.personId()).isEmpty()) {
            throw rejected(Rejection.invalid("CANDIDATE_NOT_MEMBER", "personId",
                    "Person " + command.personId() + " is not a member of the body on " + date));
        }
        Tally tally = command.tally() == null ? new Tally(null, null, null) : command.tally();
        nonNegative(tally);
        QuorumFigures quorum = floor.quorumAt(command.at());
        tallyWithinPresent(tally, quorum.present());
        if (!quorum.met()) {
            throw rejected(quorumNotMet(quorum));
        }
        VotingFloor.Decision d = floor.decideElection(command.at(), command.tally() == null ? null : tally);
        String factId = nextFactId();
        AggregateLifecycle.apply(new ElectionRecorded(sessionId, factId, bodyId, command.itemNo(), command.office(),
                command.personId(), Text.collapse(command.nameAsRecorded()), command.at(), tally, d.presentAtVote(), d.quorum(),
                d.ruleSetVersion(), d.rule(), d.threshold(), d.computedOutcome(), Text.collapse(command.outcomeAsRecorded()), d.base(),
                false));
        if (d.computedOutcome() == Outcome.NOT_PASSED) {
            // The minutes record the candidate as elected; the rule in force says otherwise. Keep both.
            outcomeMismatch(factId, Outcome.PASSED, d);
        }
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AttestVoters command) {
        Verdict.firstRejection(required(command.at(), "at"),
                command.count() < 0 ? Verdict.rejected(Rejection.invalid("NEGATIVE_COUNT", "count", "count cannot be negative"))
                        : Verdict.allowed(),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        agenda.item(command.itemNo());
        String factId = nextFactId();
        AggregateLifecycle.apply(new VotersAttested(sessionId, factId, command.itemNo(), command.count(), command.at(),
                Text.collapse(command.textAsRecorded())));
        for (Ballots.Ballot b : ballots.all()) {
            if (b.itemNo() == command.itemNo()) {
                int computed = b.figures().presentAtVote();
                if (computed != command.count()) {
                    flag("VOTER_COUNT_MISMATCH", Severity.WARNING, "VOTER_COUNT_MISMATCH:" + b.factId() + ":" + factId,
                            List.of(b.factId(), factId),
                            Map.of("attested", String.valueOf(command.count()), "computed", String.valueOf(computed)),
                            "The minutes attest " + command.count() + " voters; " + computed + " were present at the vote");
                }
            }
        }
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    // ================================================================== designations

    @CommandHandler
    public long handle(RegisterCandidature command) {
        Verdict.firstRejection(required(command.candidatureId(), "candidatureId"),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                optionalText(command.detailsAsRecorded(), "detailsAsRecorded", MAX_LONG_TEXT)).orThrow();
        Agenda.Item item = agenda.item(command.itemNo());
        if (item.kind() != ItemKind.NOMINATION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not a nomination"));
        }
        if (candidatures.getOrDefault(command.itemNo(), Set.of()).contains(command.candidatureId())) {
            throw rejected(Rejection.conflict("DUPLICATE_CANDIDATURE", "candidatureId", "Already registered"));
        }
        AggregateLifecycle.apply(new CandidatureRegistered(sessionId, command.itemNo(), command.candidatureId(),
                Text.collapse(command.name()), Text.collapse(command.detailsAsRecorded()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Recorded handle(DesignateAppointee command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(requiredText(command.office(), "office", MAX_TEXT_LENGTH),
                required(command.candidatureId(), "candidatureId"), required(command.at(), "at"),
                required(command.basis(), "basis"),
                requiredText(command.ratifyingIssuer(), "ratifyingIssuer", MAX_NAME_LENGTH),
                optionalText(command.rationaleAsRecorded(), "rationaleAsRecorded", MAX_LONG_TEXT),
                optionalText(command.conditionsAsRecorded(), "conditionsAsRecorded", MAX_LONG_TEXT),
                command.termYears() != null && (command.termYears() < 1 || command.termYears() > 20)
                        ? Verdict.rejected(Rejection.invalid("TERM_OUT_OF_RANGE", "termYears", "A term is 1 to 20 years"))
                        : Verdict.allowed()).orThrow();
        Agenda.Item item = agenda.votable(command.itemNo());
        if (item.kind() != ItemKind.NOMINATION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not a nomination"));
        }
        Late late = inOpenSession(command.at(), lateEntryReason);
        if (!candidatures.getOrDefault(command.itemNo(), Set.of()).contains(command.candidatureId())) {
            throw rejected(Rejection.invalid("CANDIDATE_NOT_REGISTERED", "candidatureId",
                    "'" + command.candidatureId() + "' is not among the candidatures of item " + command.itemNo()));
        }
        if (command.basis() == DesignationBasis.MAJORITY) {
            required(command.tally(), "tally").orThrow();
        }
        if (command.tally() != null) {
            nonNegative(command.tally());
            tallyWithinPresent(command.tally(), floor(bodyFacts).presenceAt(command.at()).present());
        }
        String designationId = "designation-" + (designationCount + 1);
        AggregateLifecycle.apply(new AppointeeDesignated(sessionId, designationId, command.itemNo(),
                Text.collapse(command.office()), command.candidatureId(), Text.collapse(command.nameAsRecorded()),
                command.at(), command.basis(), Text.collapse(command.basisAsRecorded()), command.tally(),
                Text.collapse(command.rationaleAsRecorded()), Text.collapse(command.ratifyingIssuer()),
                Text.collapse(command.ratifyingAuthorityAsRecorded()), command.termYears(),
                Text.collapse(command.conditionsAsRecorded())));
        noteIfLate(late, designationId, command.at());
        return new Recorded(designationId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public long handle(RatifyDesignation command) {
        Verdict.firstRejection(required(command.designationId(), "designationId"), required(command.act(), "act"),
                required(command.ratifiedOn(), "ratifiedOn")).orThrow();
        Designation d = designations.get(command.designationId());
        if (d == null) {
            throw rejected(Rejection.notFound("DESIGNATION_NOT_FOUND", "designationId", "No designation " + command.designationId()));
        }
        if (d.ratified()) {
            throw rejected(Rejection.conflict("ALREADY_RATIFIED", "designationId", "The designation is already ratified"));
        }
        String issuer = command.act().issuer() == null ? "" : Text.collapse(command.act().issuer());
        if (!issuer.equalsIgnoreCase(d.ratifyingIssuer())) {
            throw rejected(Rejection.invalid("WRONG_RATIFYING_AUTHORITY", "act.issuer",
                    "The designation is ratified by an act of " + d.ratifyingIssuer() + ", not of '" + issuer + "'"));
        }
        LocalDate designatedOn = BusinessTime.dateOf(d.at());
        if (command.ratifiedOn().isBefore(designatedOn)
                || command.act().date() != null && command.act().date().isBefore(designatedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "ratifiedOn",
                    "A ratification cannot precede the designation of " + designatedOn));
        }
        LocalDate termTo = d.termYears() == null ? null : command.ratifiedOn().plusYears(d.termYears()).minusDays(1);
        AggregateLifecycle.apply(new DesignationRatified(sessionId, command.designationId(), command.act(),
                command.ratifiedOn(), command.ratifiedOn(), termTo));
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== opinions, information, figures

    @CommandHandler
    public Recorded handle(GiveOpinion command, BodyFacts bodyFacts, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.act(), "act"), required(command.outcome(), "outcome"),
                required(command.at(), "at"),
                optionalText(command.conditionsAsRecorded(), "conditionsAsRecorded", MAX_LONG_TEXT),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_LONG_TEXT)).orThrow();
        Agenda.Item item = agenda.votable(command.itemNo());
        if (item.kind() != ItemKind.OPINION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not an opinion"));
        }
        if (command.outcome() == OpinionOutcome.FAVOURABLE_WITH_CONDITIONS && Text.isBlank(command.conditionsAsRecorded())) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "conditionsAsRecorded", "A conditional opinion states its conditions"));
        }
        Late late = inOpenSession(command.at(), lateEntryReason);
        if (command.tally() != null) {
            nonNegative(command.tally());
            tallyWithinPresent(command.tally(), floor(bodyFacts).presenceAt(command.at()).present());
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new OpinionGiven(sessionId, factId, command.itemNo(), command.act(), command.outcome(),
                Text.collapse(command.conditionsAsRecorded()), Text.collapse(command.textAsRecorded()), command.at(),
                command.tally()));
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(PresentInformation command, @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(optionalText(command.summaryAsRecorded(), "summaryAsRecorded", MAX_LONG_TEXT)).orThrow();
        Late late = notClosed(command.at(), lateEntryReason);
        Agenda.Item item = agenda.item(command.itemNo());
        if (item.withdrawn()) {
            throw rejected(Rejection.invalid("ITEM_WITHDRAWN", "itemNo", "Item " + command.itemNo() + " was withdrawn"));
        }
        if (command.at() != null) {
            onSessionDay(command.at(), "at");
        }
        List<Presenter> presenters = command.presenters() == null ? List.of() : List.copyOf(command.presenters());
        for (int i = 0; i < presenters.size(); i++) {
            Presenter p = presenters.get(i);
            if (p == null || p.personId() == null && Text.isBlank(p.nameAsRecorded())) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "presenters[" + i + "]", "A presenter is a person or a name"));
            }
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new InformationPresented(sessionId, factId, command.itemNo(), command.at(), presenters,
                Text.collapse(command.summaryAsRecorded())));
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    /** What someone said, as the minutes summarise it: a member, a delegate, a participant, or a speaker named only as recorded. */
    @CommandHandler
    public Recorded handle(RecordIntervention command, BodyFacts bodyFacts,
                           @org.axonframework.messaging.annotation.MetaDataValue(LATE_ENTRY) String lateEntryReason) {
        Verdict.firstRejection(required(command.at(), "at"), requiredText(command.summaryAsRecorded(), "summaryAsRecorded", MAX_LONG_TEXT),
                optionalText(command.speakerAsRecorded(), "speakerAsRecorded", MAX_NAME_LENGTH)).orThrow();
        if (command.personId() == null && Text.isBlank(command.speakerAsRecorded())) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "personId", "An intervention has a speaker: a person, or the name as recorded"));
        }
        Late late = notClosed(command.at(), lateEntryReason);
        onSessionDay(command.at(), "at");
        agenda.item(command.itemNo());
        if (command.personId() != null) {
            BodyOnDate body = body(bodyFacts);
            boolean known = body.member(command.personId()).isPresent() || body.delegationOf(command.personId(), command.at()).isPresent()
                    || attendance.participant(command.personId());
            if (!known) {
                throw rejected(Rejection.invalid("SPEAKER_NOT_IN_SESSION", "personId", "Person " + command.personId()
                        + " is neither a member, a delegate nor a registered participant: register them, or give the name as recorded"));
            }
            if (!attendance.participant(command.personId()) && !attendance.presentAt(command.personId(), command.at())) {
                throw rejected(Rejection.invalid("SPEAKER_NOT_PRESENT", "at", "Person " + command.personId()
                        + " was not present at " + BusinessTime.local(command.at()) + ": a member speaks while present"));
            }
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new InterventionRecorded(sessionId, factId, command.itemNo(), command.personId(),
                Text.collapse(command.speakerAsRecorded()), command.at(), Text.collapse(command.summaryAsRecorded())));
        noteIfLate(late, factId, command.at());
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AnnounceFollowUp command) {
        requiredText(command.descriptionAsRecorded(), "descriptionAsRecorded", MAX_LONG_TEXT).orThrow();
        agenda.item(command.itemNo());
        String factId = nextFactId();
        AggregateLifecycle.apply(new FollowUpAnnounced(sessionId, factId, command.itemNo(), command.on(),
                Text.collapse(command.descriptionAsRecorded()), command.reportedByPersonId(), Text.collapse(command.source())));
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordFigures command) {
        agenda.item(command.itemNo());
        List<Milestone> milestones = command.milestones() == null ? List.of() : List.copyOf(command.milestones());
        List<FundingLine> lines = command.fundingLines() == null ? List.of() : List.copyOf(command.fundingLines());
        List<TotalCheck> checks = command.totalChecks() == null ? List.of() : List.copyOf(command.totalChecks());
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) == null || milestones.get(i).period() == null) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "milestones[" + i + "].period", "A milestone has a period"));
            }
        }
        Map<String, FundingLine> byId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            FundingLine line = lines.get(i);
            if (line == null || Text.isBlank(line.lineId())) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "fundingLines[" + i + "].lineId", "A line has an id"));
            }
            if (negative(line.amount()) || negative(line.alternativeAmount())) {
                throw rejected(Rejection.invalid("NEGATIVE_AMOUNT", "fundingLines[" + i + "].amount", "Amounts cannot be negative"));
            }
            if (byId.put(line.lineId(), line) != null) {
                throw rejected(Rejection.invalid("DUPLICATE_LINE", "fundingLines[" + i + "].lineId", "Line ids are unique"));
            }
        }
        List<TotalCheckResult> results = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            TotalCheck check = checks.get(i);
            if (check == null || check.stated() == null) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "totalChecks[" + i + "].stated", "A check has a stated total"));
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (String lineId : check.lineIds() == null ? List.<String>of() : check.lineIds()) {
                FundingLine line = byId.get(lineId);
                if (line == null) {
                    throw rejected(Rejection.invalid("UNKNOWN_LINE", "totalChecks[" + i + "].lineIds",
                            "No funding line '" + lineId + "'"));
                }
                BigDecimal amount = check.useAlternative() && line.alternativeAmount() != null ? line.alternativeAmount() : line.amount();
                if (amount != null) {
                    sum = sum.add(amount); // a line with no amount is left out of the sum, never guessed
                }
            }
            for (BigDecimal extra : check.extraAmounts() == null ? List.<BigDecimal>of() : check.extraAmounts()) {
                sum = sum.add(extra);
            }
            boolean passed = sum.compareTo(check.stated()) == 0;
            results.add(new TotalCheckResult(check.label(), sum, check.stated(), check.statedAsRecorded(), passed,
                    sum.subtract(check.stated()), check.source()));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new FiguresRecorded(sessionId, factId, command.itemNo(), milestones, lines, checks, results));
        for (TotalCheckResult r : results) {
            if (!r.passed()) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("stated", r.stated().toPlainString());
                details.put("computed", r.computed().toPlainString());
                details.put("difference", r.difference().abs().toPlainString());
                details.put("item", String.valueOf(command.itemNo()));
                flag("SUBTOTAL_MISMATCH", Severity.WARNING, "SUBTOTAL_MISMATCH:" + factId + ":" + r.label(),
                        List.of(factId), details, "Stated total " + r.statedAsRecorded() + " differs from the sum of its lines");
            }
        }
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    // ================================================================== corrections

    /**
     * A correction of one fact, one field or several at once, with its reason, judged as a whole: the
     * corrected record must still hold together (a tally within the voters present, a departure after
     * its arrival, every recorded vote still possible with the corrected attendance). Everything derived
     * follows: the figures of every vote, election and quorum declaration the correction touches are
     * computed again by the voting floor and recorded beside it, so the verbale, the exports and the
     * officers show the corrected record, and the history shows the original, the correction and nothing in between.
     */
    @CommandHandler
    public long handle(CorrectRecord command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.factId(), "factId"),
                requiredText(command.reason(), "reason", MAX_TEXT_LENGTH),
                optionalText(command.value(), "value", MAX_LONG_TEXT)).orThrow();
        Map<String, String> requested = new LinkedHashMap<>();
        if (command.changes() != null) {
            requested.putAll(command.changes());
        }
        if (command.field() != null) {
            requested.put(command.field(), command.value());
        }
        if (requested.isEmpty()) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "field", "Name the field to correct (field and value), or several in changes"));
        }
        RecordedFacts.Fact fact = facts.get(command.factId());
        if (fact == null) {
            throw rejected(Rejection.notFound("UNKNOWN_FACT", "factId", "No correctable fact " + command.factId()));
        }
        Map<String, String> changes = RecordedFacts.normalise(fact, requested, date);
        Optional<Ballots.Ballot> ballot = ballots.get(command.factId());
        if (ballot.isPresent() && ballot.get().named() && changes.keySet().stream().anyMatch(RecordedFacts.COUNTS::contains)) {
            throw rejected(Rejection.invalid("FIELD_NOT_CORRECTABLE", "field",
                    "The counts of a named vote follow from its named choices; they are not corrected by themselves"));
        }
        if (changes.containsKey("outcome") && OpinionOutcome.FAVOURABLE_WITH_CONDITIONS.name().equals(changes.get("outcome"))
                && Text.isBlank(changes.getOrDefault("conditionsAsRecorded", fact.values().get("conditionsAsRecorded")))) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "conditionsAsRecorded", "A conditional opinion states its conditions"));
        }
        // the corrected attendance, to judge every ballot against
        Attendance corrected = attendance;
        if (changes.containsKey("at")) {
            Instant at = Instant.parse(changes.get("at"));
            Attendance.Stay stay = attendance.stayOf(fact.personId(), command.factId()).orElseThrow(() -> rejected(
                    Rejection.notFound("UNKNOWN_FACT", "factId", "No stay for " + command.factId())));
            if (fact.kind().equals("arrival") ? stay.to() != null && stay.to().isBefore(at) : at.isBefore(stay.from())) {
                throw rejected(Rejection.invalid("DEPARTURE_BEFORE_ARRIVAL", "value",
                        "The corrected time would put the departure before the arrival"));
            }
            if (!BusinessTime.dateOf(at).equals(date)) {
                throw rejected(Rejection.invalid("NOT_ON_SESSION_DAY", "value", at + " is not on the session day " + date));
            }
            corrected = attendance.withTime(fact.personId(), command.factId(), at);
        }
        Map<String, Ballots.Ballot> rejudged = rejudge(bodyFacts, corrected, command.factId(), changes, fact);
        List<FieldChange> fieldChanges = new ArrayList<>();
        changes.forEach((field, value) -> fieldChanges.add(new FieldChange(field, fact.values().get(field), value)));
        AggregateLifecycle.apply(new RecordCorrected(sessionId, command.factId(), fieldChanges, Text.collapse(command.reason())));
        for (Ballots.Ballot b : rejudged.values()) {
            Ballots.Figures f = b.figures();
            AggregateLifecycle.apply(new VoteFiguresRecomputed(sessionId, b.factId(), f.presentAtVote(), f.quorum(), b.tally(), f.weighted(),
                    f.ruleSetVersion(), f.rule(), f.weightedRule(), f.threshold(), f.base(), f.computed(), command.factId()));
            Outcome recorded = b.election() ? Outcome.PASSED : b.recordedOutcome();
            if (recorded != null && f.computed() != null && recorded != f.computed()) {
                outcomeMismatch(b.factId(), recorded, f.computed(), f.rule(), f.threshold(), f.weightedRule());
            }
        }
        if (fact.kind().equals("election")) {
            // what the election made follows its corrected record: the body's officer
            Ballots.Ballot b = rejudged.getOrDefault(command.factId(), ballots.get(command.factId()).orElseThrow());
            Map<String, String> v = new HashMap<>(fact.values());
            v.putAll(changes);
            AggregateLifecycle.apply(new ElectionCorrected(sessionId, command.factId(), bodyId, b.office(), b.personId(),
                    changes.keySet().stream().anyMatch(RecordedFacts.COUNTS::contains) ? tallyOf(fact.values(), changes) : b.tally(),
                    v.get("nameAsRecorded"), Text.collapse(command.reason())));
        }
        if (corrected != attendance) {
            VotingFloor floor = new VotingFloor(body(bodyFacts).seating(), corrected);
            for (Map.Entry<Instant, QuorumFigures> declared : quorumDeclarations.entrySet()) {
                QuorumFigures now = floor.quorumAt(declared.getKey());
                if (!now.equals(declared.getValue())) {
                    AggregateLifecycle.apply(new QuorumRecomputed(sessionId, declared.getKey(), now, command.factId()));
                }
            }
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Every ballot whose figures the correction changes, with its new figures; refused when the corrected
     * record cannot hold (a tally above the voters present, a named voter no longer there).
     */
    private Map<String, Ballots.Ballot> rejudge(BodyFacts bodyFacts, Attendance room, String factId, Map<String, String> changes,
                                                RecordedFacts.Fact fact) {
        boolean attendanceChanged = room != attendance;
        boolean countsChanged = changes.keySet().stream().anyMatch(RecordedFacts.COUNTS::contains);
        Map<String, Ballots.Ballot> out = new LinkedHashMap<>();
        if (!attendanceChanged && !(countsChanged && ballots.get(factId).isPresent())
                && !(changes.containsKey("recordedOutcome") && ballots.get(factId).isPresent())) {
            if (countsChanged && fact.values().get(AT) != null) {
                // an opinion's or a designation's counts: within the voters present when it was given
                Tally t = tallyOf(fact.values(), changes);
                tallyWithinPresent(t, new VotingFloor(body(bodyFacts).seating(), room).presenceAt(Instant.parse(fact.values().get(AT))).present());
            }
            return out;
        }
        VotingFloor floor = new VotingFloor(body(bodyFacts).seating(), room);
        for (Ballots.Ballot b : ballots.all()) {
            if (!attendanceChanged && !b.factId().equals(factId)) {
                continue;
            }
            Tally tally = b.tally();
            Tally weighted = null;
            if (b.named()) {
                VotingFloor.Result<Tally> named = floor.namedTally(b.choices(), b.at());
                if (named.refusal() != null) {
                    throw rejected(Rejection.invalid("CORRECTION_CONTRADICTS_BALLOT", "value", "With this correction the vote "
                            + b.factId() + " could not have been cast: " + named.refusal().message()));
                }
                tally = named.value();
            } else if (b.factId().equals(factId) && countsChanged) {
                tally = tallyOf(fact.values(), changes);
            }
            QuorumFigures quorum = floor.quorumAt(b.at());
            if (tally != null && tally.total() > quorum.present()) {
                throw rejected(Rejection.invalid(b.factId().equals(factId) ? "TALLY_EXCEEDS_PRESENT" : "CORRECTION_CONTRADICTS_BALLOT",
                        b.factId().equals(factId) ? "tally" : "value", "With this correction the tally of " + b.factId() + " ("
                                + tally.total() + ") exceeds the voters present (" + quorum.present() + ")")
                        .withDetails(Map.of("tally", tally.total(), "presentMembers", quorum.present(), "ballot", b.factId())));
            }
            VotingFloor.Decision d;
            if (b.election()) {
                boolean counted = tally != null && (tally.inFavour() != null || tally.against() != null || tally.abstained() != null);
                d = floor.decideElection(b.at(), counted ? tally : null);
            } else {
                if (b.named() && floor.seating().rules() != null && floor.seating().rules().weighted()) {
                    weighted = orThrow(floor.weightedTally(b.choices(), b.at()));
                }
                d = floor.decide(b.at(), tally, weighted);
            }
            Ballots.Figures figures = new Ballots.Figures(d.presentAtVote(), d.quorum(), d.weighted(), d.ruleSetVersion(), d.rule(),
                    d.weightedRule(), d.threshold(), d.base(), d.computedOutcome());
            if (!figures.equals(b.figures()) || !java.util.Objects.equals(tally, b.tally())) {
                out.put(b.factId(), b.with(tally, figures));
            }
        }
        return out;
    }

    /** The counts of a fact with corrected ones in place. */
    private static Tally tallyOf(Map<String, String> values, Map<String, String> changes) {
        return new Tally(count(changes.getOrDefault("inFavour", values.get("inFavour"))),
                count(changes.getOrDefault("against", values.get("against"))),
                count(changes.getOrDefault("abstained", values.get("abstained"))));
    }

    // ================================================================== minutes

    @CommandHandler
    public Recorded handle(AddAttachment command) {
        Verdict.firstRejection(requiredText(command.title(), "title", MAX_TEXT_LENGTH),
                requiredText(command.reference(), "reference", MAX_TEXT_LENGTH)).orThrow();
        if (command.itemNo() != null) {
            agenda.item(command.itemNo());
        }
        String attachmentId = "attachment-" + (attachmentCount + 1);
        AggregateLifecycle.apply(new AttachmentAdded(sessionId, attachmentId, command.itemNo(),
                Text.collapse(command.title()), command.reference().strip()));
        return new Recorded(attachmentId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AttachDocument command) {
        Verdict.firstRejection(requiredText(command.title(), "title", MAX_TEXT_LENGTH), required(command.document(), "document")).orThrow();
        if (command.document().problem("document") != null) {
            throw rejected(command.document().problem("document"));
        }
        if (command.itemNo() != null) {
            agenda.item(command.itemNo());
        }
        if (minutes == MinutesState.PUBLISHED) {
            throw rejected(Rejection.conflict("MINUTES_ALREADY_PUBLISHED", "document", "The minutes are published: their documents are closed"));
        }
        String attachmentId = "attachment-" + (attachmentCount + 1);
        AggregateLifecycle.apply(new SessionDocumentAttached(sessionId, attachmentId, command.itemNo(),
                Text.collapse(command.title()), command.document(), command.uploadedBy()));
        return new Recorded(attachmentId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public long handle(SignMinutes command) {
        Verdict.firstRejection(required(command.on(), "on"), required(command.signatories(), "signatories")).orThrow();
        if (state != SessionState.CLOSED) {
            throw rejected(Rejection.invalid("SESSION_NOT_CLOSED", "on", "Minutes are signed after the session is closed"));
        }
        if (minutes != MinutesState.DRAFT) {
            throw rejected(Rejection.conflict("MINUTES_ALREADY_SIGNED", "on", "The minutes are " + minutes));
        }
        if (command.signatories().isEmpty()) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "signatories", "At least one signatory"));
        }
        if (command.on().isBefore(date)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", "Minutes cannot be signed before the sitting"));
        }
        for (int i = 0; i < command.signatories().size(); i++) {
            Signatory s = command.signatories().get(i);
            if (s == null || s.personId() == null) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "signatories[" + i + "].personId", "A signatory is a person"));
            }
            if (!attendance.attended(s.personId()) && !attendance.participant(s.personId())) {
                throw rejected(Rejection.invalid("SIGNATORY_NOT_IN_SESSION", "signatories[" + i + "].personId",
                        "Person " + s.personId() + " neither attended nor took part"));
            }
        }
        AggregateLifecycle.apply(new MinutesSigned(sessionId, command.on(), List.copyOf(command.signatories())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DistributeMinutes command) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.channel(), "channel", MAX_NAME_LENGTH),
                optionalText(command.address(), "address", MAX_NAME_LENGTH),
                optionalText(command.recipientsAsRecorded(), "recipientsAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        if (minutes == MinutesState.DRAFT) {
            throw rejected(Rejection.invalid("MINUTES_NOT_SIGNED", "on", "Minutes are distributed once signed"));
        }
        AggregateLifecycle.apply(new MinutesDistributed(sessionId, command.on(), Text.collapse(command.channel()),
                Text.collapse(command.address()), Text.collapse(command.recipientsAsRecorded())));
        return AggregateLifecycle.getVersion();
    }

    /** Approved by a vote of a later sitting of the same body, once signed. */
    @CommandHandler
    public long handle(ApproveMinutes command) {
        Verdict.firstRejection(required(command.on(), "on"), required(command.approvingSessionId(), "approvingSessionId")).orThrow();
        if (!java.util.Objects.equals(command.bodyId(), bodyId)) {
            throw rejected(Rejection.invalid("MINUTES_OF_ANOTHER_BODY", "minutesOf", "The minutes of " + sessionId + " are of body " + bodyId
                    + ": a sitting of " + command.bodyId() + " does not approve them"));
        }
        if (minutes == MinutesState.DRAFT) {
            throw rejected(Rejection.invalid("MINUTES_NOT_SIGNED", "minutesOf", "Minutes are approved once signed"));
        }
        if (minutes != MinutesState.SIGNED) {
            throw rejected(Rejection.conflict("MINUTES_ALREADY_APPROVED", "minutesOf", "The minutes are " + minutes.name().toLowerCase()));
        }
        if (command.on().isBefore(date)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", "Minutes are approved after the sitting"));
        }
        AggregateLifecycle.apply(new MinutesApproved(sessionId, command.on(), command.approvingSessionId(), command.approvingFactId()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PublishMinutes command) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.url(), "url", MAX_TEXT_LENGTH)).orThrow();
        if (minutes == MinutesState.PUBLISHED) {
            throw rejected(Rejection.conflict("ALREADY_PUBLISHED", "on", "The minutes are already published"));
        }
        if (minutes != MinutesState.SIGNED && minutes != MinutesState.APPROVED) {
            throw rejected(Rejection.invalid("MINUTES_NOT_SIGNED", "on", "Minutes are published once signed"));
        }
        if (!command.url().strip().matches("https?://\\S+")) {
            throw rejected(Rejection.invalid("URL_MALFORMED", "url", "The publication address is an http(s) URL"));
        }
        if (command.pdf() != null && command.pdf().problem("pdf") != null) {
            throw rejected(command.pdf().problem("pdf"));
        }
        AggregateLifecycle.apply(new MinutesPublished(sessionId, command.on(), command.url().strip(), command.extractOnly(), command.pdf()));
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== helpers (read state only)

    private static CommandRejectedException rejected(Rejection rejection) {
        return new CommandRejectedException(rejection);
    }

    private static boolean negative(BigDecimal amount) {
        return amount != null && amount.signum() < 0;
    }

    private static TimePrecision precision(TimePrecision p) {
        return p == null ? TimePrecision.EXACT : p;
    }

    private String nextFactId() {
        return "fact-" + (factCount + 1);
    }

    private BodyOnDate body(BodyFacts bodyFacts) {
        return bodyFacts.bodyOn(bodyId, date).orElseThrow(() -> rejected(Rejection.notFound("BODY_NOT_FOUND", "bodyId",
                "No body with id '" + bodyId + "'")));
    }

    /** The metadata key a late entry's reason travels under (set by the API from the request's {@code lateEntryReason}). */
    public static final String LATE_ENTRY = "lateEntryReason";

    /** Whether a fact is entered after the close, and why: noted as a late entry once its own event is applied. */
    private record Late(boolean late, String reason) {
        static final Late NO = new Late(false, null);
    }

    /**
     * A fact may be recorded while the sitting is open or before; after the close only as a late entry: with a
     * reason, while the minutes are a draft, dated inside the sitting.
     */
    private Late notClosed(Instant at, String lateReason) {
        if (state != SessionState.CLOSED) {
            return Late.NO;
        }
        if (minutes != MinutesState.DRAFT) {
            throw rejected(Rejection.invalid("MINUTES_ALREADY_SIGNED", "sessionId", "The minutes are " + minutes.name().toLowerCase()
                    + ": a fact is no longer added to them (a correction with its reason still is)"));
        }
        if (Text.isBlank(lateReason)) {
            throw rejected(Rejection.invalid("SESSION_CLOSED", "lateEntryReason", "The session closed at " + BusinessTime.local(closedAt)
                    + ": a fact entered after the close, while the minutes are a draft, needs lateEntryReason"));
        }
        if (Text.collapse(lateReason).length() > MAX_TEXT_LENGTH) {
            throw rejected(Rejection.invalid("TEXT_TOO_LONG", "lateEntryReason", "At most " + MAX_TEXT_LENGTH + " characters"));
        }
        if (at != null && (at.isAfter(closedAt)  || !BusinessTime.dateOf(at).equals(date))) {
            throw rejected(Rejection.invalid("LATE_ENTRY_OUTSIDE_SITTING", "at", "A late entry is dated inside the sitting, which closed at "
                    + BusinessTime.local(closedAt)));
        }
        return new Late(true, Text.collapse(lateReason));
    }

    private void noteIfLate(Late late, String factId, Instant at) {
        if (late.late()) {
            AggregateLifecycle.apply(new LateEntryNoted(sessionId, factId, at, late.reason()));
        }
    }

    private void onSessionDay(Instant at, String field) {
        if (!BusinessTime.dateOf(at).equals(date)) {
            throw rejected(Rejection.invalid("NOT_ON_SESSION_DAY", field, at + " is not on the session day " + date));
        }
    }

    /** A decision is taken while the sitting is open; after the close it is entered late, dated between the opening and the close. */
    private Late inOpenSession(Instant at, String lateReason) {
        Late late = notClosed(at, lateReason);
        if (late.late() ? openedAt == null || at.isBefore(openedAt) : state != SessionState.OPEN || at.isBefore(openedAt)) {
            throw rejected(Rejection.invalid("SESSION_NOT_OPEN", "at", openedAt == null ? "The session was not opened"
                    : "The session opened at " + BusinessTime.local(openedAt) + ", after " + BusinessTime.local(at)));
        }
        return late;
    }

    /** The voting floor of this sitting: the body's seats on its date and who was in the room when. */
    private VotingFloor floor(BodyFacts bodyFacts) {
        return new VotingFloor(body(bodyFacts).seating(), attendance);
    }

    private static <T> T orThrow(VotingFloor.Result<T> result) {
        if (result.refusal() != null) {
            throw rejected(result.refusal());
        }
        return result.value();
    }

    private static Rejection quorumNotMet(QuorumFigures q) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", q.rule());
        details.put("ruleSetVersion", q.ruleSetVersion());
        details.put("present", q.present());
        details.put("required", q.required());
        details.put("members", q.members());
        details.put("presentPopulation", q.presentPopulation());
        details.put("requiredPopulation", q.requiredPopulation());
        return Rejection.invalid("QUORUM_NOT_MET", "at", "Quorum not met: " + q.present() + " present, " + q.required()
                + " required" + (q.requiredPopulation() > 0 ? ", population " + q.presentPopulation() + " of "
                + q.requiredPopulation() + " required" : "")).withDetails(details);
    }

    private static void nonNegative(Tally tally) {
        if (tally.inFavour() != null && tally.inFavour() < 0 || tally.against() != null && tally.against() < 0
                || tally.abstained() != null && tally.abstained() < 0) {
            throw rejected(Rejection.invalid("NEGATIVE_COUNT", "tally", "Vote counts cannot be negative"));
        }
    }

    private static void tallyWithinPresent(Tally tally, int present) {
        if (tally.total() > present) {
            throw rejected(Rejection.invalid("TALLY_EXCEEDS_PRESENT", "tally",
                    "The tally (" + tally.total() + ") exceeds the members present (" + present + ")")
                    .withDetails(Map.of("tally", tally.total(), "presentMembers", present)));
        }
    }

    private Optional<String> officeHolderAt(BodyFacts bodyFacts, Office office, Instant at) {
        if (electedHere.containsKey(office) && !at.isBefore(electedHereAt.get(office))) {
            return Optional.of(electedHere.get(office));
        }
        return bodyFacts.officeHolderAt(bodyId, office, at);
    }

    private void checkCompositionAct(BodyOnDate body) {
        if (body.compositionAct() == null || convocationDate == null) {
            return;
        }
        LocalDate actDate = body.compositionAct().act() != null && body.compositionAct().act().date() != null
                ? body.compositionAct().act().date() : body.compositionAct().effectiveFrom();
        if (actDate.isAfter(convocationDate)) {
            String citation = body.compositionAct().act() == null ? null : body.compositionAct().act().citation();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("convocation", convocationDate.toString());
            details.put("act", citation);
            details.put("actDate", actDate.toString());
            flag("COMPOSITION_ACT_AFTER_CONVOCATION", Severity.WARNING, "COMPOSITION_ACT_AFTER_CONVOCATION:" + citation + actDate,
                    List.of(), details, "The act fixing the composition is dated after the convocation");
        }
    }

    private void outcomeMismatch(String factId, Outcome recorded, VotingFloor.Decision d) {
        outcomeMismatch(factId, recorded, d.computedOutcome(), d.rule(), d.threshold(), d.weightedRule());
    }

    private void outcomeMismatch(String factId, Outcome recorded, Outcome computed, String rule, Long threshold, boolean weighted) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("recorded", recorded.name());
        details.put("computed", computed.name());
        details.put("rule", rule);
        details.put("threshold", String.valueOf(threshold));
        details.put("weighted", String.valueOf(weighted));
        flag("OUTCOME_RULE_MISMATCH", Severity.WARNING, "OUTCOME_RULE_MISMATCH:" + factId, List.of(factId), details,
                "The recorded outcome differs from the outcome under the majority rule in force");
    }

    private void flag(String code, Severity severity, String key, List<String> factIds, Map<String, String> details,
                      String message) {
        if (flagKeys.contains(key)) {
            return;
        }
        AggregateLifecycle.apply(new DiscrepancyFlagged(sessionId, "flag-" + (flagCount + 1) + ":" + key, code, severity,
                factIds, details, message));
    }

    private static Integer count(String value) {
        return value == null || value.equals("null") ? null : Integer.valueOf(value);
    }

    private static Map<String, String> tallyValues(Tally t, int present) {
        return RecordedFacts.values("inFavour", t == null ? null : t.inFavour(), "against", t == null ? null : t.against(),
                "abstained", t == null ? null : t.abstained(), "presentAtVote", present);
    }

    /** The instant of a fact, kept beside its correctable fields (not itself correctable). */
    private static final String AT = "_at";

    // ================================================================== event sourcing handlers

    @EventSourcingHandler
    void on(SessionConvened e) {
        sessionId = e.sessionId();
        bodyId = e.bodyId();
        date = e.date();
        convocationDate = e.protocolDate();
        state = SessionState.CONVENED;
        facts.put(RecordedFacts.CONVOCATION, new RecordedFacts.Fact(RecordedFacts.CONVOCATION, null, 0, RecordedFacts.values(
                "number", e.number(), "protocol", e.protocol(), "protocolDate", e.protocolDate(),
                "convenerNameAsRecorded", e.convenerNameAsRecorded(), "scheduledStart", e.scheduledStart(),
                "mode", e.mode() == null ? null : e.mode().name(), "venue", e.venue(), "textAsRecorded", e.textAsRecorded())));
    }

    @EventSourcingHandler
    void on(AgendaItemAdded e) {
        agenda.added(e.itemNo(), e.kind(), e.minutesOf());
    }

    @EventSourcingHandler
    void on(AgendaItemWithdrawn e) {
        agenda.withdrawn(e.itemNo());
    }

    @EventSourcingHandler
    void on(ParticipantRegistered e) {
        attendance.participantRegistered(e.personId(), e.role());
    }

    @EventSourcingHandler
    void on(MemberArrived e) {
        factCount++;
        attendance.arrived(e.personId(), e.factId(), e.at());
        facts.put(e.factId(), new RecordedFacts.Fact("arrival", e.personId(), 0,
                RecordedFacts.values("at", e.at(), "textAsRecorded", e.textAsRecorded())));
    }

    @EventSourcingHandler
    void on(MemberLeft e) {
        factCount++;
        attendance.left(e.personId(), e.factId(), e.at());
        facts.put(e.factId(), new RecordedFacts.Fact("departure", e.personId(), 0,
                RecordedFacts.values("at", e.at(), "textAsRecorded", e.textAsRecorded())));
    }

    @EventSourcingHandler
    void on(MemberMarkedAbsent e) {
        factCount++;
        attendance.markedAbsent(e.personId());
        facts.put(e.factId(), new RecordedFacts.Fact("absence", e.personId(), 0, RecordedFacts.values("textAsRecorded", e.textAsRecorded())));
    }

    @EventSourcingHandler
    void on(ChairAssumed e) {
        factCount++;
        chair = e.personId();
        facts.put(e.factId(), new RecordedFacts.Fact("chair", e.personId(), 0, RecordedFacts.values("labelAsRecorded", e.labelAsRecorded())));
    }

    @EventSourcingHandler
    void on(QuorumDeclared e) {
        if (e.computed() != null) {
            quorumDeclarations.put(e.at(), e.computed());
        }
    }

    @EventSourcingHandler
    void on(QuorumRecomputed e) {
        quorumDeclarations.put(e.at(), e.computed());
    }

    @EventSourcingHandler
    void on(SessionOpened e) {
        state = SessionState.OPEN;
        openedAt = e.at();
    }

    @EventSourcingHandler
    void on(SessionClosed e) {
        state = SessionState.CLOSED;
        closedAt = e.at();
    }

    @EventSourcingHandler
    void on(VoteRecorded e) {
        factCount++;
        Map<String, String> v = tallyValues(e.tally(), e.presentAtVote());
        v.put("outcomeAsRecorded", e.outcomeAsRecorded());
        v.put("recordedOutcome", e.recordedOutcome() == null ? null : e.recordedOutcome().name());
        v.put("subject", e.subject());
        facts.put(e.factId(), new RecordedFacts.Fact("vote", null, e.itemNo(), v));
        ballots.recorded(new Ballots.Ballot(e.factId(), e.itemNo(), Ballots.motion(e.itemNo(), e.subject()), e.at(), e.mode(), e.tally(),
                e.votes() == null ? List.of() : e.votes(), e.recordedOutcome(), null, null,
                new Ballots.Figures(e.presentAtVote(), e.quorum(), e.weightedTally(), e.ruleSetVersion(), e.majorityRule(), e.weightedRule(),
                        e.threshold(), e.base(), e.computedOutcome())));
    }

    @EventSourcingHandler
    void on(ElectionRecorded e) {
        factCount++;
        electedHere.put(e.office(), e.personId());
        electedHereAt.put(e.office(), e.at());
        Map<String, String> v = tallyValues(e.tally(), e.presentAtVote());
        v.put("nameAsRecorded", e.nameAsRecorded());
        v.put("outcomeAsRecorded", e.outcomeAsRecorded());
        facts.put(e.factId(), new RecordedFacts.Fact("election", e.personId(), e.itemNo(), v));
        ballots.recorded(new Ballots.Ballot(e.factId(), e.itemNo(), "election:" + e.office(), e.at(), VoteMode.OPEN_COUNTS, e.tally(),
                List.of(), Outcome.PASSED, e.office(), e.personId(), new Ballots.Figures(e.presentAtVote(), e.quorum(), null,
                e.ruleSetVersion(), e.majorityRule(), false, e.threshold(), e.base(), e.computedOutcome())));
    }

    @EventSourcingHandler
    void on(VoteFiguresRecomputed e) {
        ballots.get(e.factId()).ifPresent(b -> ballots.replaced(b.with(e.tally(), new Ballots.Figures(e.presentAtVote(), e.quorum(),
                e.weightedTally(), e.ruleSetVersion(), e.majorityRule(), e.weightedRule(), e.threshold(), e.base(), e.computedOutcome()))));
        RecordedFacts.Fact f = facts.get(e.factId());
        if (f != null) {
            facts.corrected(e.factId(), RecordedFacts.values("presentAtVote", e.presentAtVote()));
        }
    }

    @EventSourcingHandler
    void on(VotersAttested e) {
        factCount++;
    }

    @EventSourcingHandler
    void on(CandidatureRegistered e) {
        candidatures.computeIfAbsent(e.itemNo(), k -> new HashSet<>()).add(e.candidatureId());
    }

    @EventSourcingHandler
    void on(AppointeeDesignated e) {
        designationCount++;
        designations.put(e.designationId(), new Designation(e.at(), e.ratifyingIssuer(), e.termYears(), false));
        Map<String, String> v = tallyValues(e.tally(), 0);
        v.remove("presentAtVote");
        v.putAll(RecordedFacts.values("office", e.office(), "nameAsRecorded", e.nameAsRecorded(), "basisAsRecorded", e.basisAsRecorded(),
                "rationaleAsRecorded", e.rationaleAsRecorded(), "termYears", e.termYears(), "conditionsAsRecorded", e.conditionsAsRecorded(),
                AT, e.at()));
        facts.put(e.designationId(), new RecordedFacts.Fact("designation", null, e.itemNo(), v));
    }

    @EventSourcingHandler
    void on(DesignationRatified e) {
        Designation d = designations.get(e.designationId());
        designations.put(e.designationId(), new Designation(d.at(), d.ratifyingIssuer(), d.termYears(), true));
    }

    @EventSourcingHandler
    void on(OpinionGiven e) {
        factCount++;
        Map<String, String> v = tallyValues(e.tally(), 0);
        v.remove("presentAtVote");
        v.putAll(RecordedFacts.values("outcome", e.outcome() == null ? null : e.outcome().name(), "conditionsAsRecorded",
                e.conditionsAsRecorded(), "textAsRecorded", e.textAsRecorded(), AT, e.at()));
        facts.put(e.factId(), new RecordedFacts.Fact("opinion", null, e.itemNo(), v));
    }

    @EventSourcingHandler
    void on(InformationPresented e) {
        factCount++;
        facts.put(e.factId(), new RecordedFacts.Fact("information", null, e.itemNo(), RecordedFacts.values("summaryAsRecorded", e.summaryAsRecorded())));
    }

    @EventSourcingHandler
    void on(InterventionRecorded e) {
        factCount++;
        facts.put(e.factId(), new RecordedFacts.Fact("intervention", e.personId(), e.itemNo(), RecordedFacts.values(
                "speakerAsRecorded", e.speakerAsRecorded(), "summaryAsRecorded", e.summaryAsRecorded(), AT, e.at())));
    }

    @EventSourcingHandler
    void on(FollowUpAnnounced e) {
        factCount++;
    }

    @EventSourcingHandler
    void on(FiguresRecorded e) {
        factCount++;
    }

    @EventSourcingHandler
    void on(DiscrepancyFlagged e) {
        flagCount++;
        flagKeys.add(e.flagId().substring(e.flagId().indexOf(':') + 1));
    }

    @EventSourcingHandler
    void on(RecordCorrected e) {
        Map<String, String> values = new HashMap<>();
        e.allChanges().forEach(c -> values.put(c.field(), c.value()));
        RecordedFacts.Fact f = facts.get(e.factId());
        facts.corrected(e.factId(), values);
        if (values.containsKey("at")) {
            attendance.timeCorrected(f.personId(), e.factId(), Instant.parse(values.get("at")));
        }
        if (values.containsKey("recordedOutcome")) {
            ballots.get(e.factId()).ifPresent(b -> ballots.replaced(b.withRecordedOutcome(
                    values.get("recordedOutcome") == null ? null : Outcome.valueOf(values.get("recordedOutcome")))));
        }
        if (values.containsKey("protocolDate")) {
            convocationDate = values.get("protocolDate") == null ? null : LocalDate.parse(values.get("protocolDate"));
        }
    }

    @EventSourcingHandler
    void on(AttachmentAdded e) {
        attachmentCount++;
    }

    @EventSourcingHandler
    void on(SessionDocumentAttached e) {
        attachmentCount++;
    }

    @EventSourcingHandler
    void on(MinutesSigned e) {
        minutes = MinutesState.SIGNED;
    }

    @EventSourcingHandler
    void on(MinutesApproved e) {
        minutes = MinutesState.APPROVED;
    }

    @EventSourcingHandler
    void on(MinutesPublished e) {
        minutes = MinutesState.PUBLISHED;
    }
}
