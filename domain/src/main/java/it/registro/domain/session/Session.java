package it.registro.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
import it.registro.domain.rules.MajorityPolicy;
import it.registro.domain.rules.QuorumPolicy;
import it.registro.domain.session.BodyFacts.BodyOnDate;
import it.registro.domain.session.api.*;

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

    private final Map<Integer, Item> agenda = new LinkedHashMap<>();
    private final Map<String, ParticipantRole> participants = new HashMap<>();
    private final Map<String, List<Presence>> attendance = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    private String chair;
    private final Map<Office, String> electedHere = new EnumMap<>(Office.class);
    private final Map<Office, Instant> electedHereAt = new EnumMap<>(Office.class);
    private final Map<Integer, Set<String>> candidatures = new HashMap<>();
    private final Map<String, Designation> designations = new LinkedHashMap<>();
    private final Map<String, Fact> facts = new HashMap<>();
    private final Set<String> flagKeys = new HashSet<>();
    private int factCount;
    private int flagCount;
    private int designationCount;
    private int attachmentCount;

    private record Item(ItemKind kind, boolean withdrawn) {
    }

    /** A stay in the sitting: {@code to} null while still there. */
    private record Presence(String arrivalFactId, Instant from, String departureFactId, Instant to) {
        boolean at(Instant t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    private record Designation(Instant at, String ratifyingIssuer, Integer termYears, boolean ratified) {
    }

    /** A correctable fact: its kind, who it is about, and the current value of each correctable field. */
    private record Fact(String kind, String personId, int itemNo, Map<String, String> values) {
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
    public long handle(AddAgendaItem command) {
        Verdict.firstRejection(
                command.itemNo() < 1 || command.itemNo() > 999
                        ? Verdict.rejected(Rejection.invalid("ITEM_NUMBER_OUT_OF_RANGE", "itemNo", "Items are numbered 1 to 999"))
                        : Verdict.allowed(),
                required(command.kind(), "kind"),
                requiredText(command.title(), "title", MAX_LONG_TEXT)
        ).orThrow();
        notClosed();
        if (state == SessionState.OPEN) {
            throw rejected(Rejection.invalid("SESSION_ALREADY_OPEN", "itemNo", "Items are added to the agenda before opening"));
        }
        if (agenda.containsKey(command.itemNo())) {
            throw rejected(Rejection.conflict("DUPLICATE_ITEM", "itemNo", "Item " + command.itemNo() + " is on the agenda"));
        }
        AggregateLifecycle.apply(new AgendaItemAdded(sessionId, command.itemNo(), command.kind(), Text.collapse(command.title())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddAgendaItemTitle command) {
        requiredText(command.title(), "title", MAX_LONG_TEXT).orThrow();
        item(command.itemNo());
        AggregateLifecycle.apply(new AgendaItemTitleAdded(sessionId, command.itemNo(), Text.collapse(command.title()),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(WithdrawAgendaItem command) {
        requiredText(command.reason(), "reason", MAX_TEXT_LENGTH).orThrow();
        notClosed();
        Item item = item(command.itemNo());
        if (state == SessionState.OPEN) {
            throw rejected(Rejection.invalid("SESSION_ALREADY_OPEN", "itemNo", "Items are withdrawn before opening"));
        }
        if (item.withdrawn()) {
            throw rejected(Rejection.conflict("ITEM_WITHDRAWN", "itemNo", "Item " + command.itemNo() + " is already withdrawn"));
        }
        AggregateLifecycle.apply(new AgendaItemWithdrawn(sessionId, command.itemNo(), Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RegisterParticipant command, BodyFacts bodyFacts, References references) {
        Verdict.firstRejection(
                required(command.personId(), "personId"),
                required(command.role(), "role"),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.roleAsRecorded(), "roleAsRecorded", MAX_TEXT_LENGTH)
        ).orThrow();
        notClosed();
        if (!references.personExists(command.personId())) {
            throw rejected(Rejection.invalid("UNKNOWN_PERSON", "personId", "No person " + command.personId() + " is registered"));
        }
        BodyOnDate body = body(bodyFacts);
        if (body.member(command.personId()).isPresent()) {
            throw rejected(Rejection.invalid("ALREADY_A_MEMBER", "personId",
                    "Person " + command.personId() + " is a member of the body: members attend, they are not participants"));
        }
        if (participants.containsKey(command.personId())) {
            throw rejected(Rejection.conflict("ALREADY_A_PARTICIPANT", "personId", "Already registered"));
        }
        AggregateLifecycle.apply(new ParticipantRegistered(sessionId, command.personId(),
                Text.collapse(command.nameAsRecorded()), command.role(), Text.collapse(command.roleAsRecorded())));
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== attendance and chair

    @CommandHandler
    public Recorded handle(RecordArrival command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        notClosed();
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
        if (absent.contains(command.personId())) {
            throw rejected(Rejection.conflict("MARKED_ABSENT", "personId", "Person " + command.personId() + " is recorded as absent"));
        }
        for (Presence p : attendance.getOrDefault(command.personId(), List.of())) {
            if (p.to() == null || command.at().isBefore(p.to())) {
                throw rejected(Rejection.conflict("ALREADY_PRESENT", "at",
                        "Person " + command.personId() + " is already present from " + p.from()));
            }
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new MemberArrived(sessionId, factId, command.personId(), seatId, delegate, command.at(),
                precision(command.precision()), Text.collapse(command.textAsRecorded())));
        checkCompositionAct(body);
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordDeparture command) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        notClosed();
        Presence open = attendance.getOrDefault(command.personId(), List.of()).stream()
                .filter(p -> p.to() == null).findFirst().orElse(null);
        if (open == null || command.at().isBefore(open.from())) {
            throw rejected(Rejection.invalid("DEPARTURE_BEFORE_ARRIVAL", "at", open == null
                    ? "Person " + command.personId() + " has no arrival to leave from"
                    : "The departure " + command.at() + " is before the arrival " + open.from()));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new MemberLeft(sessionId, factId, command.personId(), command.at(),
                precision(command.precision()), Text.collapse(command.textAsRecorded())));
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(MarkAbsent command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.basis(), "basis"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        notClosed();
        BodyOnDate body = body(bodyFacts);
        if (body.member(command.personId()).isEmpty()) {
            throw rejected(Rejection.invalid("NOT_A_MEMBER", "personId", "Only members are marked absent"));
        }
        if (attendance.containsKey(command.personId())) {
            throw rejected(Rejection.conflict("ALREADY_PRESENT", "personId", "Person " + command.personId() + " attended"));
        }
        if (absent.contains(command.personId())) {
            throw rejected(Rejection.conflict("MARKED_ABSENT", "personId", "Already marked absent"));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new MemberMarkedAbsent(sessionId, factId, command.personId(), command.basis(),
                Text.collapse(command.textAsRecorded())));
        checkCompositionAct(body);
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AssignChair command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.personId(), "personId"), required(command.at(), "at"),
                required(command.basis(), "basis"),
                optionalText(command.labelAsRecorded(), "labelAsRecorded", MAX_TEXT_LENGTH),
                optionalText(command.reasonAsRecorded(), "reasonAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        notClosed();
        onSessionDay(command.at(), "at");
        BodyOnDate body = body(bodyFacts);
        boolean member = body.member(command.personId()).isPresent();
        boolean present = member ? presentAt(command.personId(), command.at())
                : participants.containsKey(command.personId()) || presentAt(command.personId(), command.at());
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
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    // ================================================================== quorum, opening, closing

    @CommandHandler
    public long handle(DeclareQuorum command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.at(), "at"),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        notClosed();
        onSessionDay(command.at(), "at");
        QuorumFigures computed = quorumAt(body(bodyFacts), command.at());
        AggregateLifecycle.apply(new QuorumDeclared(sessionId, command.at(), Text.collapse(command.textAsRecorded()),
                command.statedPresent(), computed));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(OpenSession command, BodyFacts bodyFacts) {
        required(command.at(), "at").orThrow();
        notClosed();
        onSessionDay(command.at(), "at");
        if (state == SessionState.OPEN) {
            throw rejected(Rejection.conflict("SESSION_ALREADY_OPEN", "at", "The session was opened at " + openedAt));
        }
        QuorumFigures quorum = quorumAt(body(bodyFacts), command.at());
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
        notClosed();
        onSessionDay(command.at(), "at");
        if (openedAt != null && command.at().isBefore(openedAt)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "at", "The session opened at " + openedAt));
        }
        AggregateLifecycle.apply(new SessionClosed(sessionId, command.at(), Text.collapse(command.textAsRecorded())));
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== votes and elections

    @CommandHandler
    public Recorded handle(RecordVote command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.at(), "at"), required(command.mode(), "mode"),
                optionalText(command.subject(), "subject", MAX_LONG_TEXT),
                optionalText(command.outcomeAsRecorded(), "outcomeAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        votableItem(command.itemNo());
        inOpenSession(command.at());
        BodyOnDate body = body(bodyFacts);
        Tally tally;
        List<NamedVote> named = null;
        if (command.mode() == VoteMode.OPEN_NAMED) {
            if (command.votes() == null || command.votes().isEmpty()) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", "votes", "A named vote lists each voter's choice"));
            }
            named = List.copyOf(command.votes());
            tally = namedTally(body, named, command.at());
        } else {
            if (command.votes() != null && !command.votes().isEmpty()) {
                throw rejected(Rejection.invalid(command.mode() == VoteMode.SECRET ? "SECRET_BALLOT_CHOICES" : "FIELD_NOT_ALLOWED",
                        "votes", "A " + command.mode() + " vote records counts only, never individual choices"));
            }
            required(command.tally(), "tally").orThrow();
            tally = command.tally();
            nonNegative(tally);
        }
        int present = votersPresent(body, command.at());
        tallyWithinPresent(tally, present);
        QuorumFigures quorum = quorumAt(body, command.at());
        if (!quorum.met()) {
            throw rejected(quorumNotMet(quorum));
        }
        BodyFacts.RuleSetFact rules = body.ruleSet();
        Tally weighted = null;
        long membersWeight = body.members().size();
        if (rules != null && rules.weighting() == Weighting.POPULATION) {
            if (named == null) {
                throw rejected(Rejection.invalid("WEIGHTED_VOTE_NEEDS_NAMES", "mode",
                        "The body weighs votes by population: record the vote with each voter's choice (OPEN_NAMED)"));
            }
            weighted = weightedTally(body, named, command.at());
            membersWeight = body.totalPopulation();
        }
        MajorityPolicy.Result result = rules == null ? null
                : MajorityPolicy.evaluate(rules.majority(), weighted != null ? weighted : tally, membersWeight);
        Outcome computed = result == null ? null : result.outcome() == MajorityPolicy.Outcome.PASSED ? Outcome.PASSED : Outcome.NOT_PASSED;
        String factId = nextFactId();
        AggregateLifecycle.apply(new VoteRecorded(sessionId, factId, command.itemNo(), Text.collapse(command.subject()),
                command.at(), command.mode(), tally, named, weighted, present, quorum,
                rules == null ? null : rules.version(), result == null ? null : result.rule(),
                result == null ? null : result.threshold(), computed, command.recordedOutcome(),
                Text.collapse(command.outcomeAsRecorded())));
        if (computed != null && command.recordedOutcome() != null && computed != command.recordedOutcome()) {
            outcomeMismatch(factId, command.recordedOutcome(), computed, result);
        }
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordElection command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.office(), "office"), required(command.personId(), "personId"),
                required(command.at(), "at"),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.outcomeAsRecorded(), "outcomeAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        Item item = votableItem(command.itemNo());
        if (item.kind() != ItemKind.ELECTION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not an election"));
        }
        inOpenSession(command.at());
        BodyOnDate body = body(bodyFacts);
        if (body.member(command.personId()).isEmpty()) {
            throw rejected(Rejection.invalid("CANDIDATE_NOT_MEMBER", "personId",
                    "Person " + command.personId() + " is not a member of the body on " + date));
        }
        Tally tally = command.tally() == null ? new Tally(null, null, null) : command.tally();
        nonNegative(tally);
        int present = votersPresent(body, command.at());
        tallyWithinPresent(tally, present);
        QuorumFigures quorum = quorumAt(body, command.at());
        if (!quorum.met()) {
            throw rejected(quorumNotMet(quorum));
        }
        BodyFacts.RuleSetFact rules = body.ruleSet();
        MajorityPolicy.Result result = rules == null || command.tally() == null ? null
                : MajorityPolicy.evaluate(rules.majority(), tally, body.members().size());
        Outcome computed = result == null ? null : result.outcome() == MajorityPolicy.Outcome.PASSED ? Outcome.PASSED : Outcome.NOT_PASSED;
        String factId = nextFactId();
        AggregateLifecycle.apply(new ElectionRecorded(sessionId, factId, bodyId, command.itemNo(), command.office(),
                command.personId(), Text.collapse(command.nameAsRecorded()), command.at(), tally, present, quorum,
                rules == null ? null : rules.version(), result == null ? null : result.rule(),
                result == null ? null : result.threshold(), computed, Text.collapse(command.outcomeAsRecorded())));
        if (computed == Outcome.NOT_PASSED) {
            // The minutes record the candidate as elected; the rule in force says otherwise. Keep both.
            outcomeMismatch(factId, Outcome.PASSED, computed, result);
        }
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AttestVoters command) {
        Verdict.firstRejection(required(command.at(), "at"),
                command.count() < 0 ? Verdict.rejected(Rejection.invalid("NEGATIVE_COUNT", "count", "count cannot be negative"))
                        : Verdict.allowed(),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        item(command.itemNo());
        String factId = nextFactId();
        AggregateLifecycle.apply(new VotersAttested(sessionId, factId, command.itemNo(), command.count(), command.at(),
                Text.collapse(command.textAsRecorded())));
        for (Map.Entry<String, Fact> e : facts.entrySet()) {
            Fact f = e.getValue();
            if ((f.kind().equals("vote") || f.kind().equals("election")) && f.itemNo() == command.itemNo()) {
                int computed = Integer.parseInt(f.values().get("presentAtVote"));
                if (computed != command.count()) {
                    flag("VOTER_COUNT_MISMATCH", Severity.WARNING, "VOTER_COUNT_MISMATCH:" + e.getKey() + ":" + factId,
                            List.of(e.getKey(), factId),
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
        Item item = item(command.itemNo());
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
    public Recorded handle(DesignateAppointee command, BodyFacts bodyFacts) {
        Verdict.firstRejection(requiredText(command.office(), "office", MAX_TEXT_LENGTH),
                required(command.candidatureId(), "candidatureId"), required(command.at(), "at"),
                required(command.basis(), "basis"),
                requiredText(command.ratifyingIssuer(), "ratifyingIssuer", MAX_NAME_LENGTH),
                optionalText(command.rationaleAsRecorded(), "rationaleAsRecorded", MAX_LONG_TEXT),
                optionalText(command.conditionsAsRecorded(), "conditionsAsRecorded", MAX_LONG_TEXT),
                command.termYears() != null && (command.termYears() < 1 || command.termYears() > 20)
                        ? Verdict.rejected(Rejection.invalid("TERM_OUT_OF_RANGE", "termYears", "A term is 1 to 20 years"))
                        : Verdict.allowed()).orThrow();
        Item item = votableItem(command.itemNo());
        if (item.kind() != ItemKind.NOMINATION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not a nomination"));
        }
        inOpenSession(command.at());
        if (!candidatures.getOrDefault(command.itemNo(), Set.of()).contains(command.candidatureId())) {
            throw rejected(Rejection.invalid("CANDIDATE_NOT_REGISTERED", "candidatureId",
                    "'" + command.candidatureId() + "' is not among the candidatures of item " + command.itemNo()));
        }
        if (command.basis() == DesignationBasis.MAJORITY) {
            required(command.tally(), "tally").orThrow();
        }
        if (command.tally() != null) {
            nonNegative(command.tally());
            tallyWithinPresent(command.tally(), votersPresent(body(bodyFacts), command.at()));
        }
        String designationId = "designation-" + (designationCount + 1);
        AggregateLifecycle.apply(new AppointeeDesignated(sessionId, designationId, command.itemNo(),
                Text.collapse(command.office()), command.candidatureId(), Text.collapse(command.nameAsRecorded()),
                command.at(), command.basis(), Text.collapse(command.basisAsRecorded()), command.tally(),
                Text.collapse(command.rationaleAsRecorded()), Text.collapse(command.ratifyingIssuer()),
                Text.collapse(command.ratifyingAuthorityAsRecorded()), command.termYears(),
                Text.collapse(command.conditionsAsRecorded())));
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
    public Recorded handle(GiveOpinion command, BodyFacts bodyFacts) {
        Verdict.firstRejection(required(command.act(), "act"), required(command.outcome(), "outcome"),
                required(command.at(), "at"),
                optionalText(command.conditionsAsRecorded(), "conditionsAsRecorded", MAX_LONG_TEXT),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_LONG_TEXT)).orThrow();
        Item item = votableItem(command.itemNo());
        if (item.kind() != ItemKind.OPINION) {
            throw rejected(Rejection.invalid("ITEM_KIND_MISMATCH", "itemNo", "Item " + command.itemNo() + " is not an opinion"));
        }
        if (command.outcome() == OpinionOutcome.FAVOURABLE_WITH_CONDITIONS && Text.isBlank(command.conditionsAsRecorded())) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "conditionsAsRecorded", "A conditional opinion states its conditions"));
        }
        inOpenSession(command.at());
        if (command.tally() != null) {
            nonNegative(command.tally());
            tallyWithinPresent(command.tally(), votersPresent(body(bodyFacts), command.at()));
        }
        String factId = nextFactId();
        AggregateLifecycle.apply(new OpinionGiven(sessionId, factId, command.itemNo(), command.act(), command.outcome(),
                Text.collapse(command.conditionsAsRecorded()), Text.collapse(command.textAsRecorded()), command.at(),
                command.tally()));
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(PresentInformation command) {
        Verdict.firstRejection(optionalText(command.summaryAsRecorded(), "summaryAsRecorded", MAX_LONG_TEXT)).orThrow();
        notClosed();
        Item item = item(command.itemNo());
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
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(AnnounceFollowUp command) {
        requiredText(command.descriptionAsRecorded(), "descriptionAsRecorded", MAX_LONG_TEXT).orThrow();
        item(command.itemNo());
        String factId = nextFactId();
        AggregateLifecycle.apply(new FollowUpAnnounced(sessionId, factId, command.itemNo(), command.on(),
                Text.collapse(command.descriptionAsRecorded()), command.reportedByPersonId(), Text.collapse(command.source())));
        return new Recorded(factId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordFigures command) {
        item(command.itemNo());
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

    private static final Map<String, Set<String>> CORRECTABLE = Map.of(
            "arrival", Set.of("at", "textAsRecorded"),
            "departure", Set.of("at", "textAsRecorded"),
            "vote", Set.of("inFavour", "against", "abstained", "outcomeAsRecorded"),
            "election", Set.of("inFavour", "against", "abstained", "nameAsRecorded", "outcomeAsRecorded"),
            "chair", Set.of("labelAsRecorded"),
            "absence", Set.of("textAsRecorded"));

    @CommandHandler
    public long handle(CorrectRecord command) {
        Verdict.firstRejection(required(command.factId(), "factId"), required(command.field(), "field"),
                requiredText(command.reason(), "reason", MAX_TEXT_LENGTH),
                optionalText(command.value(), "value", MAX_LONG_TEXT)).orThrow();
        Fact fact = facts.get(command.factId());
        if (fact == null) {
            throw rejected(Rejection.notFound("UNKNOWN_FACT", "factId", "No correctable fact " + command.factId()));
        }
        if (!CORRECTABLE.getOrDefault(fact.kind(), Set.of()).contains(command.field())) {
            throw rejected(Rejection.invalid("FIELD_NOT_CORRECTABLE", "field",
                    "A " + fact.kind() + " can be corrected in " + CORRECTABLE.get(fact.kind())));
        }
        String value = command.value() == null ? null : Text.collapse(command.value());
        switch (command.field()) {
            case "at" -> {
                Instant at = parseLocalTime(value);
                Presence p = presenceOf(fact, command.factId());
                if (fact.kind().equals("arrival") ? p.to() != null && p.to().isBefore(at) : at.isBefore(p.from())) {
                    throw rejected(Rejection.invalid("DEPARTURE_BEFORE_ARRIVAL", "value",
                            "The corrected time would put the departure before the arrival"));
                }
                value = at.toString();
            }
            case "inFavour", "against", "abstained" -> {
                int n = parseCount(value);
                Map<String, String> v = new HashMap<>(fact.values());
                v.put(command.field(), String.valueOf(n));
                Tally corrected = new Tally(count(v.get("inFavour")), count(v.get("against")), count(v.get("abstained")));
                tallyWithinPresent(corrected, Integer.parseInt(v.get("presentAtVote")));
                value = String.valueOf(n);
            }
            default -> {
                // free text fields
            }
        }
        AggregateLifecycle.apply(new RecordCorrected(sessionId, command.factId(), command.field(),
                fact.values().get(command.field()), value, Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    // ================================================================== minutes

    @CommandHandler
    public Recorded handle(AddAttachment command) {
        Verdict.firstRejection(requiredText(command.title(), "title", MAX_TEXT_LENGTH),
                requiredText(command.reference(), "reference", MAX_TEXT_LENGTH)).orThrow();
        if (command.itemNo() != null) {
            item(command.itemNo());
        }
        String attachmentId = "attachment-" + (attachmentCount + 1);
        AggregateLifecycle.apply(new AttachmentAdded(sessionId, attachmentId, command.itemNo(),
                Text.collapse(command.title()), command.reference().strip()));
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
            if (!attendance.containsKey(s.personId()) && !participants.containsKey(s.personId())) {
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

    @CommandHandler
    public long handle(PublishMinutes command) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.url(), "url", MAX_TEXT_LENGTH)).orThrow();
        if (minutes == MinutesState.PUBLISHED) {
            throw rejected(Rejection.conflict("ALREADY_PUBLISHED", "on", "The minutes are already published"));
        }
        if (minutes != MinutesState.SIGNED) {
            throw rejected(Rejection.invalid("MINUTES_NOT_SIGNED", "on", "Minutes are published once signed"));
        }
        if (!command.url().strip().matches("https?://\\S+")) {
            throw rejected(Rejection.invalid("URL_MALFORMED", "url", "The publication address is an http(s) URL"));
        }
        AggregateLifecycle.apply(new MinutesPublished(sessionId, command.on(), command.url().strip(), command.extractOnly()));
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

    private void notClosed() {
        if (state == SessionState.CLOSED) {
            throw rejected(Rejection.invalid("SESSION_CLOSED", "sessionId", "The session closed at " + closedAt));
        }
    }

    private void onSessionDay(Instant at, String field) {
        if (!BusinessTime.dateOf(at).equals(date)) {
            throw rejected(Rejection.invalid("NOT_ON_SESSION_DAY", field, at + " is not on the session day " + date));
        }
    }

    private void inOpenSession(Instant at) {
        if (state == SessionState.CLOSED) {
            throw rejected(Rejection.invalid("SESSION_CLOSED", "at", "The session closed at " + closedAt));
        }
        if (state != SessionState.OPEN || at.isBefore(openedAt)) {
            throw rejected(Rejection.invalid("SESSION_NOT_OPEN", "at",
                    openedAt == null ? "The session is not open" : "The session opened at " + openedAt + ", after " + at));
        }
    }

    private Item item(int itemNo) {
        Item item = agenda.get(itemNo);
        if (item == null) {
            throw rejected(Rejection.invalid("ITEM_NOT_ON_AGENDA", "itemNo", "Item " + itemNo + " is not on the agenda"));
        }
        return item;
    }

    private Item votableItem(int itemNo) {
        Item item = item(itemNo);
        if (item.kind() == ItemKind.INFORMATION) {
            throw rejected(Rejection.invalid("ITEM_NOT_VOTABLE", "itemNo", "Item " + itemNo + " is for information only"));
        }
        if (item.withdrawn()) {
            throw rejected(Rejection.invalid("ITEM_WITHDRAWN", "itemNo", "Item " + itemNo + " was withdrawn"));
        }
        return item;
    }

    private boolean presentAt(String personId, Instant at) {
        return attendance.getOrDefault(personId, List.of()).stream().anyMatch(p -> p.at(at));
    }

    /** Those who may vote at an instant: members present whose seat is not delegated, and delegates present for their seat. */
    private int votersPresent(BodyOnDate body, Instant at) {
        int n = 0;
        for (BodyFacts.Member m : body.members()) {
            Optional<BodyFacts.DelegationFact> delegation = body.seatDelegatedAt(m.seatId(), at);
            String voter = delegation.map(BodyFacts.DelegationFact::delegatePersonId).orElse(m.personId());
            if (presentAt(voter, at)) {
                n++;
            }
        }
        return n;
    }

    private long populationPresent(BodyOnDate body, Instant at) {
        long total = 0;
        for (BodyFacts.Member m : body.members()) {
            String voter = body.seatDelegatedAt(m.seatId(), at).map(BodyFacts.DelegationFact::delegatePersonId).orElse(m.personId());
            if (presentAt(voter, at) && m.population() != null) {
                total += m.population();
            }
        }
        return total;
    }

    private QuorumFigures quorumAt(BodyOnDate body, Instant at) {
        int present = votersPresent(body, at);
        BodyFacts.RuleSetFact rules = body.ruleSet();
        if (rules == null) {
            return new QuorumFigures(null, null, true, present, body.members().size(), 0, 0, 0);
        }
        QuorumPolicy.Result r = QuorumPolicy.evaluate(rules.quorum(), body.members().size(), present,
                body.totalPopulation(), populationPresent(body, at));
        return new QuorumFigures(rules.version(), r.rule(), r.met(), present, body.members().size(), r.required(),
                r.presentPopulation(), r.requiredPopulation());
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

    private Tally namedTally(BodyOnDate body, List<NamedVote> votes, Instant at) {
        Set<String> seen = new HashSet<>();
        int inFavour = 0;
        int against = 0;
        int abstained = 0;
        for (int i = 0; i < votes.size(); i++) {
            NamedVote v = votes.get(i);
            String field = "votes[" + i + "].personId";
            if (v == null || v.personId() == null || v.choice() == null) {
                throw rejected(Rejection.invalid("FIELD_REQUIRED", field, "Each named vote has a voter and a choice"));
            }
            if (!seen.add(v.personId())) {
                throw rejected(Rejection.invalid("DUPLICATE_VOTER", field, "Person " + v.personId() + " votes twice"));
            }
            seatVotedBy(body, v.personId(), at, field);
            switch (v.choice()) {
                case FOR -> inFavour++;
                case AGAINST -> against++;
                case ABSTAIN -> abstained++;
            }
        }
        return new Tally(inFavour, against, abstained);
    }

    /** The seat a person votes for at an instant; a refusal says why they may not. */
    private BodyFacts.Member seatVotedBy(BodyOnDate body, String personId, Instant at, String field) {
        Optional<BodyFacts.Member> member = body.member(personId);
        BodyFacts.Member seat;
        if (member.isPresent()) {
            if (body.seatDelegatedAt(member.get().seatId(), at).isPresent()) {
                throw rejected(Rejection.invalid("VOTE_DELEGATED", field,
                        "Person " + personId + " has delegated the seat: the delegate votes"));
            }
            seat = member.get();
        } else {
            Optional<BodyFacts.DelegationFact> delegation = body.delegationOf(personId, at);
            if (delegation.isEmpty()) {
                throw rejected(Rejection.invalid("VOTER_NOT_MEMBER", field,
                        "Person " + personId + " is not a member of the body (non-members never vote)"));
            }
            seat = body.members().stream().filter(m -> m.seatId().equals(delegation.get().seatId())).findFirst()
                    .orElseThrow(() -> rejected(Rejection.invalid("VOTER_NOT_MEMBER", field, "The delegated seat is vacant")));
        }
        if (!presentAt(personId, at)) {
            throw rejected(Rejection.invalid("VOTER_NOT_PRESENT", field, "Person " + personId + " is not present at " + at));
        }
        return seat;
    }

    private Tally weightedTally(BodyOnDate body, List<NamedVote> votes, Instant at) {
        long inFavour = 0;
        long against = 0;
        long abstained = 0;
        for (int i = 0; i < votes.size(); i++) {
            NamedVote v = votes.get(i);
            BodyFacts.Member seat = seatVotedBy(body, v.personId(), at, "votes[" + i + "].personId");
            if (seat.population() == null) {
                throw rejected(Rejection.invalid("POPULATION_UNKNOWN", "votes[" + i + "].personId",
                        "No population is recorded for the comune of seat " + seat.seatId() + " on " + date));
            }
            switch (v.choice()) {
                case FOR -> inFavour += seat.population();
                case AGAINST -> against += seat.population();
                case ABSTAIN -> abstained += seat.population();
            }
        }
        return new Tally(Math.toIntExact(inFavour), Math.toIntExact(against), Math.toIntExact(abstained));
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

    private void outcomeMismatch(String factId, Outcome recorded, Outcome computed, MajorityPolicy.Result result) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("recorded", recorded.name());
        details.put("computed", computed.name());
        details.put("rule", result.rule());
        details.put("threshold", String.valueOf(result.threshold()));
        details.put("inFavour", String.valueOf(result.inFavour()));
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

    private Presence presenceOf(Fact fact, String factId) {
        return attendance.getOrDefault(fact.personId(), List.of()).stream()
                .filter(p -> factId.equals(p.arrivalFactId()) || factId.equals(p.departureFactId()))
                .findFirst().orElseThrow(() -> rejected(Rejection.notFound("UNKNOWN_FACT", "factId", "No stay for " + factId)));
    }

    private static Instant parseLocalTime(String value) {
        try {
            return LocalDateTime.parse(value).atZone(BusinessTime.ZONE).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw rejected(Rejection.invalid("INVALID_VALUE", "value", "A time is a local date-time, e.g. 2024-10-18T14:20"));
        }
    }

    private static int parseCount(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // fall through
        }
        throw rejected(Rejection.invalid("INVALID_VALUE", "value", "A count is a whole number, 0 or more"));
    }

    private static Integer count(String value) {
        return value == null || value.equals("null") ? null : Integer.valueOf(value);
    }

    private static Map<String, String> tallyValues(Tally t, int present) {
        Map<String, String> v = new HashMap<>();
        v.put("inFavour", t == null || t.inFavour() == null ? null : String.valueOf(t.inFavour()));
        v.put("against", t == null || t.against() == null ? null : String.valueOf(t.against()));
        v.put("abstained", t == null || t.abstained() == null ? null : String.valueOf(t.abstained()));
        v.put("presentAtVote", String.valueOf(present));
        return v;
    }

    // ================================================================== event sourcing handlers

    @EventSourcingHandler
    void on(SessionConvened e) {
        sessionId = e.sessionId();
        bodyId = e.bodyId();
        date = e.date();
        convocationDate = e.protocolDate();
        state = SessionState.CONVENED;
    }

    @EventSourcingHandler
    void on(AgendaItemAdded e) {
        agenda.put(e.itemNo(), new Item(e.kind(), false));
    }

    @EventSourcingHandler
    void on(AgendaItemWithdrawn e) {
        agenda.put(e.itemNo(), new Item(agenda.get(e.itemNo()).kind(), true));
    }

    @EventSourcingHandler
    void on(ParticipantRegistered e) {
        participants.put(e.personId(), e.role());
    }

    @EventSourcingHandler
    void on(MemberArrived e) {
        factCount++;
        attendance.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(new Presence(e.factId(), e.at(), null, null));
        Map<String, String> v = new HashMap<>();
        v.put("at", e.at().toString());
        v.put("textAsRecorded", e.textAsRecorded());
        facts.put(e.factId(), new Fact("arrival", e.personId(), 0, v));
    }

    @EventSourcingHandler
    void on(MemberLeft e) {
        factCount++;
        attendance.get(e.personId()).replaceAll(p -> p.to() == null ? new Presence(p.arrivalFactId(), p.from(), e.factId(), e.at()) : p);
        Map<String, String> v = new HashMap<>();
        v.put("at", e.at().toString());
        v.put("textAsRecorded", e.textAsRecorded());
        facts.put(e.factId(), new Fact("departure", e.personId(), 0, v));
    }

    @EventSourcingHandler
    void on(MemberMarkedAbsent e) {
        factCount++;
        absent.add(e.personId());
        Map<String, String> v = new HashMap<>();
        v.put("textAsRecorded", e.textAsRecorded());
        facts.put(e.factId(), new Fact("absence", e.personId(), 0, v));
    }

    @EventSourcingHandler
    void on(ChairAssumed e) {
        factCount++;
        chair = e.personId();
        Map<String, String> v = new HashMap<>();
        v.put("labelAsRecorded", e.labelAsRecorded());
        facts.put(e.factId(), new Fact("chair", e.personId(), 0, v));
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
        facts.put(e.factId(), new Fact("vote", null, e.itemNo(), v));
    }

    @EventSourcingHandler
    void on(ElectionRecorded e) {
        factCount++;
        electedHere.put(e.office(), e.personId());
        electedHereAt.put(e.office(), e.at());
        Map<String, String> v = tallyValues(e.tally(), e.presentAtVote());
        v.put("nameAsRecorded", e.nameAsRecorded());
        v.put("outcomeAsRecorded", e.outcomeAsRecorded());
        facts.put(e.factId(), new Fact("election", e.personId(), e.itemNo(), v));
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
    }

    @EventSourcingHandler
    void on(DesignationRatified e) {
        Designation d = designations.get(e.designationId());
        designations.put(e.designationId(), new Designation(d.at(), d.ratifyingIssuer(), d.termYears(), true));
    }

    @EventSourcingHandler
    void on(OpinionGiven e) {
        factCount++;
    }

    @EventSourcingHandler
    void on(InformationPresented e) {
        factCount++;
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
        Fact f = facts.get(e.factId());
        Map<String, String> v = new HashMap<>(f.values());
        v.put(e.field(), e.newValue());
        facts.put(e.factId(), new Fact(f.kind(), f.personId(), f.itemNo(), v));
        if (e.field().equals("at")) {
            Instant at = Instant.parse(e.newValue());
            attendance.get(f.personId()).replaceAll(p -> e.factId().equals(p.arrivalFactId())
                    ? new Presence(p.arrivalFactId(), at, p.departureFactId(), p.to())
                    : e.factId().equals(p.departureFactId()) ? new Presence(p.arrivalFactId(), p.from(), p.departureFactId(), at) : p);
        }
    }

    @EventSourcingHandler
    void on(AttachmentAdded e) {
        attachmentCount++;
    }

    @EventSourcingHandler
    void on(MinutesSigned e) {
        minutes = MinutesState.SIGNED;
    }

    @EventSourcingHandler
    void on(MinutesPublished e) {
        minutes = MinutesState.PUBLISHED;
    }
}
