package it.registro.domain.proceeding;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.proceeding.api.*;
import it.registro.domain.proceeding.policy.DueDates;
import it.registro.domain.proceeding.policy.SuspensionPolicy;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * One proceeding: opened by a request or ex officio under the type version in force on its date, with
 * its due date computed from the term; suspended at most once; concluded by an act or a note. When the
 * term passes unanswered, the inertia is recorded on a business date given by the caller (never the
 * clock) and the substitute-power holder gets half the original term (art. 2 c. 9-bis/9-ter L. 241/1990).
 */
public class Proceeding {

    @AggregateIdentifier
    private String proceedingId;
    private LocalDate openedOn;
    private LocalDate startOn;
    private TermRule term;
    private DueDates.Due due;
    private boolean suspended;
    private boolean concluded;
    private boolean escalated;
    private LocalDate substituteDueOn;
    private UnitRef inquiryUnit;
    private UnitRef finalActUnit;

    protected Proceeding() {
    }

    @CommandHandler
    public Proceeding(OpenProceeding c, ProceedingCatalogue catalogue, ActFacts acts, ProceedingReferences refs) {
        Verdict.firstRejection(requiredText(c.proceedingId(), "proceedingId", MAX_NAME_LENGTH),
                requiredText(c.proceedingTypeId(), "proceedingTypeId", MAX_NAME_LENGTH), required(c.basis(), "basis"),
                required(c.on(), "on"), optionalText(c.protocolNumber(), "protocolNumber", MAX_NAME_LENGTH),
                optionalText(c.requester(), "requester", MAX_NAME_LENGTH), optionalText(c.note(), "note", MAX_TEXT_LENGTH)).orThrow();
        if (c.basis() == OpeningBasis.REQUEST) {
            requiredText(c.protocolNumber(), "protocolNumber", MAX_NAME_LENGTH).orThrow();
        }
        TypeHistory type = catalogue.find(c.proceedingTypeId()).filter(TypeHistory::exists).orElseThrow(() -> new CommandRejectedException(
                Rejection.notFound("UNKNOWN_PROCEEDING_TYPE", "proceedingTypeId", "No proceeding type '" + c.proceedingTypeId() + "'")));
        TypeVersion v = type.versionOn(c.on()).orElseThrow(() -> new CommandRejectedException(Rejection.invalid(
                "PROCEEDING_TYPE_NOT_IN_FORCE", "on", "The proceeding type is in force from " + type.versions().get(0).validFrom())));
        Subject subject = subject(c.subject(), acts, refs);
        // a term counted in days may run from a later trigger named by the type (e.g. "dai pareri definitivi")
        LocalDate start = c.triggerDate() != null && v.term().kind() != TermKind.EVENT_RELATIVE ? c.triggerDate() : c.on();
        if (start.isBefore(c.on())) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "triggerDate",
                    "The term cannot start (" + start + ") before the proceeding opens (" + c.on() + ")"));
        }
        if (c.dueOn() != null && v.term().kind() != TermKind.EXTERNAL_LAW) {
            throw new CommandRejectedException(Rejection.invalid("DUE_DATE_FROM_TERM", "dueOn",
                    "The due date comes from the type's term (" + v.term().kind() + "); only a term set outside the catalogue takes one"));
        }
        if (c.dueOn() != null && c.dueOn().isBefore(c.on())) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "dueOn", "The due date is before the opening"));
        }
        DueDates.Due d = DueDates.due(v.term(), start, c.at(), c.triggerDate(), c.dueOn());
        AggregateLifecycle.apply(new ProceedingOpened(c.proceedingId(), c.proceedingTypeId(), type.agency(), v.name(), v.validFrom(),
                c.basis(), c.on(), c.at(), Text.collapse(c.protocolNumber()), Text.collapse(c.requester()), subject, v.term(),
                v.termText(), start, d == null ? null : d.on(), d == null ? null : d.at(), v.inquiryUnit(), v.finalActUnit(),
                v.substitutePowerHolder(), Text.collapse(c.note())));
    }

    private static Subject subject(Subject s, ActFacts acts, ProceedingReferences refs) {
        if (s == null) {
            return null;
        }
        Verdict.firstRejection(required(s.kind(), "subject.kind"), requiredText(s.id(), "subject.id", MAX_NAME_LENGTH)).orThrow();
        String id = s.id().strip();
        if (s.kind() == Subject.Kind.ACT) {
            acts.require(id, "subject.id");
        } else if (!refs.sessionExists(id)) {
            throw new CommandRejectedException(Rejection.notFound("UNKNOWN_SESSION", "subject.id", "No session '" + id + "'"));
        }
        return new Subject(s.kind(), id);
    }

    @CommandHandler
    public long handle(SuspendProceeding c) {
        Verdict.firstRejection(requiredText(c.reason(), "reason", MAX_TEXT_LENGTH), required(c.from(), "from"), required(c.to(), "to")).orThrow();
        open("suspended");
        SuspensionPolicy.check(openedOn, due == null ? null : due.on(), suspended, c.from(), c.to()).orThrow();
        DueDates.Due moved = DueDates.shift(term, due, c.from(), c.to());
        AggregateLifecycle.apply(new ProceedingSuspended(proceedingId, Text.collapse(c.reason()), c.from(), c.to(),
                (int) (ChronoUnit.DAYS.between(c.from(), c.to()) + 1), due.on(), moved.on(), moved.at()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ConcludeProceeding c, ActFacts acts) {
        Verdict.firstRejection(required(c.on(), "on"), optionalText(c.actId(), "actId", MAX_NAME_LENGTH),
                optionalText(c.note(), "note", MAX_TEXT_LENGTH)).orThrow();
        if (Text.isBlank(c.actId()) && Text.isBlank(c.note())) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "actId",
                    "A proceeding is concluded by an act ('actId') or, where no act is due, a 'note'"));
        }
        open("concluded");
        if (c.on().isBefore(openedOn)) {
            throw new CommandRejectedException(Rejection.invalid("CONCLUSION_BEFORE_OPENING", "on",
                    "The proceeding opened on " + openedOn + "; it cannot be concluded on " + c.on()));
        }
        if (!Text.isBlank(c.actId())) {
            acts.require(c.actId().strip(), "actId");
        }
        LocalDate dueOn = due == null ? null : due.on();
        boolean late = dueOn != null && c.on().isAfter(dueOn);
        AggregateLifecycle.apply(new ProceedingConcluded(proceedingId, c.on(), Text.isBlank(c.actId()) ? null : c.actId().strip(),
                Text.collapse(c.note()), dueOn, late, late ? ChronoUnit.DAYS.between(dueOn, c.on()) : 0, escalated, substituteDueOn,
                escalated && c.on().isAfter(substituteDueOn)));
        return AggregateLifecycle.getVersion();
    }

    /** Inertia is judged on {@code on}, the caller's business date: the term must have passed by then. */
    @CommandHandler
    public long handle(EscalateInertia c) {
        required(c.on(), "on").orThrow();
        open("escalated");
        if (escalated) {
            throw new CommandRejectedException(Rejection.conflict("ALREADY_ESCALATED", "on",
                    "The substitute power was already invoked; the holder must conclude by " + substituteDueOn));
        }
        if (due == null) {
            throw new CommandRejectedException(Rejection.invalid("NOT_OVERDUE", "on", "The proceeding has no term, so no inertia"));
        }
        if (due.at() != null && c.at() == null) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "at",
                    "The term is in hours, up to " + due.at() + ": the time 'at' of the observation is required"));
        }
        boolean passed = due.at() != null ? c.on().atTime(c.at()).isAfter(due.at()) : c.on().isAfter(due.on());
        if (!passed) {
            throw new CommandRejectedException(Rejection.invalid("NOT_OVERDUE", "on",
                    "The term runs until " + (due.at() != null ? due.at() : due.on()) + "; it has not passed"));
        }
        TermRule half = DueDates.halfTerm(term, startOn, due.on());
        DueDates.Due substitute = DueDates.due(half, c.on(), c.at(), null, null);
        AggregateLifecycle.apply(new InertiaRecorded(proceedingId, due.on(), c.on(), ChronoUnit.DAYS.between(due.on(), c.on())));
        AggregateLifecycle.apply(new SubstitutePowerInvoked(proceedingId, holder, c.on(), half, substitute.on(), substitute.at()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReassignProceedingUnit c, ActFacts acts, ProceedingReferences refs) {
        Verdict.firstRejection(requiredText(c.fromUnitId(), "fromUnitId", MAX_NAME_LENGTH), required(c.toUnit(), "toUnit"),
                requiredText(c.actId(), "actId", MAX_NAME_LENGTH), required(c.effectiveFrom(), "effectiveFrom"),
                optionalText(c.poasId(), "poasId", MAX_NAME_LENGTH)).orThrow();
        Verdict.firstRejection(optionalText(c.toUnit().unitId(), "toUnit.unitId", MAX_NAME_LENGTH),
                optionalText(c.toUnit().asRecorded(), "toUnit.asRecorded", MAX_TEXT_LENGTH)).orThrow();
        open("reassigned");
        List<String> roles = new ArrayList<>();
        if (inquiryUnit != null && inquiryUnit.names(c.fromUnitId())) {
            roles.add("INQUIRY");
        }
        if (finalActUnit != null && finalActUnit.names(c.fromUnitId())) {
            roles.add("FINAL_ACT");
        }
        if (roles.isEmpty()) {
            throw new CommandRejectedException(Rejection.invalid("UNIT_NOT_NAMED", "fromUnitId",
                    "The proceeding does not name unit '" + c.fromUnitId() + "'"));
        }
        String to = Text.isBlank(c.toUnit().unitId()) ? null : c.toUnit().unitId().strip();
        if (to == null && Text.isBlank(c.toUnit().asRecorded())) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "toUnit", "toUnit needs a unit or its wording"));
        }
        if (to != null && !refs.unitExists(to)) {
            throw new CommandRejectedException(Rejection.notFound("UNIT_NOT_FOUND", "toUnit.unitId", "No unit '" + to + "'"));
        }
        acts.require(c.actId(), "actId");
        AggregateLifecycle.apply(new ProceedingUnitReassigned(proceedingId, c.fromUnitId(), new UnitRef(to, Text.collapse(c.toUnit().asRecorded())),
                roles, c.actId(), c.poasId(), c.effectiveFrom()));
        return AggregateLifecycle.getVersion();
    }

    private String holder;

    private void open(String what) {
        if (concluded) {
            throw new CommandRejectedException(Rejection.conflict("PROCEEDING_CONCLUDED", null,
                    "The proceeding is concluded and cannot be " + what));
        }
    }

    @EventSourcingHandler
    void on(ProceedingOpened e) {
        proceedingId = e.proceedingId();
        openedOn = e.on();
        startOn = e.startOn();
        term = e.term();
        due = e.dueOn() == null ? null : new DueDates.Due(e.dueOn(), e.dueAt());
        inquiryUnit = e.inquiryUnit();
        finalActUnit = e.finalActUnit();
        holder = e.substitutePowerHolder();
    }

    @EventSourcingHandler
    void on(ProceedingSuspended e) {
        suspended = true;
        due = new DueDates.Due(e.dueOn(), e.dueAt());
    }

    @EventSourcingHandler
    void on(SubstitutePowerInvoked e) {
        escalated = true;
        substituteDueOn = e.substituteDueOn();
    }

    @EventSourcingHandler
    void on(ProceedingConcluded e) {
        concluded = true;
    }

    @EventSourcingHandler
    void on(ProceedingUnitReassigned e) {
        if (e.roles().contains("INQUIRY")) {
            inquiryUnit = e.toUnit();
        }
        if (e.roles().contains("FINAL_ACT")) {
            finalActUnit = e.toUnit();
        }
    }

}
