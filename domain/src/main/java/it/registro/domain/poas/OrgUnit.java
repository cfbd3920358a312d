package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.poas.api.*;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * An organisational unit of an agency. Its identity is its natural key (agency, type, code,
 * presidio); it is recorded as existing, or scheduled for activation by a POAS act, and may be
 * scheduled for closure (its last active day). Closing a unit others still refer to raises a
 * DANGLING_REFERENCE flag and changes nothing else: references are never cascaded silently. The same
 * holds for the proceedings naming it, each flagged for reassignment. Its place in the tree and its
 * name are dated facts too: placed once, then moved or renamed from a day by an act.
 */
public class OrgUnit {

    @AggregateIdentifier
    private String unitId;
    private LocalDate closesAfter;
    /** Recorded as existing: it was already active before any change the register knows of. */
    private boolean existedBefore;
    private LocalDate activationDate;
    private final Set<String> predecessors = new HashSet<>();
    private String name;
    /** The parent now recorded (placed or last moved to), and the first day of the last move or rename. */
    private String parentUnitId;
    private boolean placed;
    private LocalDate lastMove;
    private LocalDate lastRename;
    /** The correctable values of the scheduled changes as recorded: "ACTIVATION" and "CLOSURE". */
    private final java.util.Map<String, java.util.Map<String, String>> scheduled = new java.util.HashMap<>();

    protected OrgUnit() {
    }

    private static void identity(String unitId, String agency, UnitType type, String code, String name, String presidio) {
        Verdict.firstRejection(requiredText(agency, "agency", MAX_NAME_LENGTH), required(type, "type"),
                requiredText(name, "name", MAX_TEXT_LENGTH)).orThrow();
        Verdict.firstRejection(UnitIds.coded(type) ? requiredText(code, "code", 20) : optionalText(code, "code", 20)).orThrow();
        String expected = UnitIds.of(agency, type, code, name, presidio);
        if (!expected.equals(unitId)) {
            throw new CommandRejectedException(Rejection.invalid("UNIT_ID_MISMATCH", "unitId", "A unit's id is its natural key: " + expected));
        }
    }

    @CommandHandler
    public OrgUnit(RecordExistingUnit command) {
        identity(command.unitId(), command.agency(), command.type(), command.code(), command.name(), command.presidio());
        AggregateLifecycle.apply(new UnitRecordedAsExisting(command.unitId(), Text.collapse(command.agency()), command.type(),
                Text.collapse(command.code()), Text.collapse(command.name()), command.presidio(), command.refersToUnitId(),
                Text.collapse(command.source())));
    }

    /**
     * The POAS a change under an act belongs to: the one named, if the act is indeed one of its acts;
     * else the one the act belongs to, derived from the plans' events, so that a dated change under a POAS
     * act keeps its link to the plan (and the plan's approving act) whether or not the caller named it.
     * Null for an act that belongs to no POAS (a decree outside the plan); refused when it cannot be told.
     */
    private static String poasOf(String actId, String poasId, PoasFacts poas) {
        if (poasId != null && !poasId.isBlank()) {
            if (!poas.uses(poasId.strip(), actId)) {
                throw new CommandRejectedException(Rejection.invalid("ACT_NOT_OF_POAS", "poasId",
                        "Act '" + actId + "' is not the adoption, modification or approval of POAS '" + poasId.strip() + "'"));
            }
            return poasId.strip();
        }
        List<String> using = poas.poasUsing(actId);
        if (using.size() > 1) {
            throw new CommandRejectedException(Rejection.invalid("POAS_AMBIGUOUS", "poasId",
                    "Act '" + actId + "' belongs to more than one POAS (" + String.join(", ", using) + "): name the one in poasId"));
        }
        return using.isEmpty() ? null : using.get(0);
    }

    @CommandHandler
    public OrgUnit(ScheduleUnitActivation command, ActFacts acts, PoasFacts poas) {
        identity(command.unitId(), command.agency(), command.type(), command.code(), command.name(), command.presidio());
        Verdict.firstRejection(required(command.effectiveRule(), "effectiveRule"), required(command.actId(), "actId"),
                optionalText(command.rawText(), "rawText", MAX_TEXT_LENGTH),
                optionalText(command.boxDateAsRecorded(), "boxDateAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.boxSource(), "boxSource", MAX_TEXT_LENGTH)).orThrow();
        if (command.effectiveRule() == EffectiveRule.DATE && command.effectiveFrom() == null) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "effectiveFrom", "A dated activation needs its date"));
        }
        acts.require(command.actId(), "actId");
        String poasId = poasOf(command.actId(), command.poasId(), poas);
        if (command.effectiveRule() == EffectiveRule.ON_APPROVAL && poasId == null) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "poasId",
                    "An activation from the POAS approval date needs the POAS whose approval dates it: act '" + command.actId()
                            + "' belongs to no POAS the register knows; record the plan's adoption first, or name poasId"));
        }
        AggregateLifecycle.apply(new UnitActivationScheduled(command.unitId(), Text.collapse(command.agency()), command.type(),
                Text.collapse(command.code()), Text.collapse(command.name()), command.presidio(), Text.collapse(command.presidioAsRecorded()),
                Text.collapse(command.groupAsRecorded()), command.effectiveRule(),
                command.effectiveRule() == EffectiveRule.DATE ? command.effectiveFrom() : null, Text.collapse(command.rawText()),
                command.actId(), poasId, Text.collapse(command.source()), Text.collapse(command.boxDateAsRecorded()),
                Text.collapse(command.boxSource())));
        organigramDisagreement(command).ifPresent(AggregateLifecycle::apply);
    }

    private static final Pattern BOX_DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");

    /** The list is the fuller source (domain.md §6.3): its date stands, and each disagreement with the box is flagged. */
    private static Optional<OrganigramDisagreementFlagged> organigramDisagreement(ScheduleUnitActivation c) {
        if (c.boxSource() == null || c.boxSource().isBlank() || c.effectiveRule() != EffectiveRule.DATE) {
            return Optional.empty();
        }
        Matcher m = c.boxDateAsRecorded() == null ? null : BOX_DATE.matcher(c.boxDateAsRecorded());
        if (m == null || !m.find()) {
            return Optional.of(new OrganigramDisagreementFlagged(c.unitId(), "ORGANIGRAM_DATE_MISSING", c.effectiveFrom(),
                    Text.collapse(c.boxDateAsRecorded()), Text.collapse(c.boxSource())));
        }
        LocalDate box = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        return box.equals(c.effectiveFrom()) ? Optional.empty()
                : Optional.of(new OrganigramDisagreementFlagged(c.unitId(), "ORGANIGRAM_DATE_CONFLICT", c.effectiveFrom(),
                        Text.collapse(c.boxDateAsRecorded()), Text.collapse(c.boxSource())));
    }

    @CommandHandler
    public long handle(ScheduleUnitClosure command, ActFacts acts, UnitDirectory units, PoasFacts poas) {
        Verdict.firstRejection(required(command.lastDay(), "lastDay"), required(command.actId(), "actId"),
                optionalText(command.rawText(), "rawText", MAX_TEXT_LENGTH)).orThrow();
        if (closesAfter != null) {
            throw new CommandRejectedException(Rejection.conflict("CHANGE_ALREADY_SCHEDULED", "lastDay",
                    "The unit's closure is already scheduled after " + closesAfter));
        }
        if (activationDate != null && command.lastDay().isBefore(activationDate)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "lastDay",
                    "The unit's last day cannot come before its first, " + activationDate));
        }
        acts.require(command.actId(), "actId");
        String poasId = poasOf(command.actId(), command.poasId(), poas);
        AggregateLifecycle.apply(new UnitClosureScheduled(unitId, command.lastDay(), Text.collapse(command.presidioAsRecorded()),
                Text.collapse(command.groupAsRecorded()), Text.collapse(command.rawText()), command.actId(), poasId,
                Text.collapse(command.source())));
        for (String referrer : units.referrers(unitId)) {
            AggregateLifecycle.apply(new DanglingReferenceFlagged(unitId, referrer, command.lastDay(), command.actId()));
        }
        for (ProceedingReference p : units.proceedingsNaming(unitId)) {
            AggregateLifecycle.apply(new ProceedingReferenceFlagged(unitId, p.proceedingId(), p.scope(), p.role(), command.lastDay(),
                    command.actId(), poasId));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * A successor starts after its predecessor's last active day; a unit that already existed, or a
     * predecessor not scheduled to close, cannot satisfy that, whatever the names suggest.
     */
    @CommandHandler
    public long handle(LinkUnitSuccession command, UnitDirectory units) {
        Verdict.firstRejection(requiredText(command.predecessorUnitId(), "predecessorUnitId", MAX_NAME_LENGTH),
                required(command.kind(), "kind"), required(command.basis(), "basis"),
                optionalText(command.evidence(), "evidence", MAX_TEXT_LENGTH)).orThrow();
        String predecessor = command.predecessorUnitId().strip();
        if (predecessor.equals(unitId)) {
            throw new CommandRejectedException(Rejection.invalid("SELF_SUCCESSION", "predecessorUnitId", "A unit cannot succeed itself"));
        }
        if (predecessors.contains(predecessor)) {
            throw new CommandRejectedException(Rejection.conflict("SUCCESSION_ALREADY_LINKED", "predecessorUnitId",
                    "The unit already succeeds '" + predecessor + "'"));
        }
        if (!units.exists(predecessor)) {
            throw new CommandRejectedException(Rejection.notFound("UNIT_NOT_FOUND", "predecessorUnitId", "No unit '" + predecessor + "'"));
        }
        LocalDate lastDay = units.lastDay(predecessor).orElseThrow(() -> new CommandRejectedException(Rejection.invalid(
                "DATES_OUT_OF_ORDER", "predecessorUnitId", "The predecessor '" + predecessor + "' is not scheduled to close")));
        if (existedBefore) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "unitId",
                    "The unit already existed before its would-be predecessor's last day " + lastDay));
        }
        if (activationDate != null && !activationDate.isAfter(lastDay)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "unitId",
                    "The unit starts on " + activationDate + ", not after its predecessor's last day " + lastDay));
        }
        AggregateLifecycle.apply(new UnitSuccessionLinked(unitId, predecessor, command.kind(), command.basis(),
                Text.collapse(command.evidence()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    /** Deep enough for any agency's tree; a longer chain can only be a corrupted one. */
    private static final int MAX_DEPTH = 64;

    /** The parent must exist, and must not be the unit itself or one of its descendants. */
    private void checkParent(String parent, UnitDirectory units) {
        if (parent.equals(unitId)) {
            throw new CommandRejectedException(Rejection.invalid("PARENT_CYCLE", "parentUnitId", "A unit cannot be its own parent"));
        }
        if (!units.exists(parent)) {
            throw new CommandRejectedException(Rejection.notFound("UNIT_NOT_FOUND", "parentUnitId", "No unit '" + parent + "'"));
        }
        String ancestor = parent;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Optional<String> up = units.parentOf(ancestor);
            if (up.isEmpty()) {
                return;
            }
            ancestor = up.get();
            if (ancestor.equals(unitId)) {
                throw new CommandRejectedException(Rejection.invalid("PARENT_CYCLE", "parentUnitId",
                        "'" + parent + "' sits under this unit: the move would make a cycle"));
            }
        }
    }

    @CommandHandler
    public long handle(PlaceUnit command, ActFacts acts, UnitDirectory units) {
        Verdict.firstRejection(requiredText(command.parentUnitId(), "parentUnitId", MAX_NAME_LENGTH),
                optionalText(command.actId(), "actId", MAX_NAME_LENGTH), optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (placed) {
            throw new CommandRejectedException(Rejection.conflict("UNIT_ALREADY_PLACED", "parentUnitId",
                    "The unit is already placed under '" + parentUnitId + "'; a change of parent is a move, dated and decided by an act"));
        }
        String parent = command.parentUnitId().strip();
        checkParent(parent, units);
        if (command.actId() != null && !command.actId().isBlank()) {
            acts.require(command.actId(), "actId");
        }
        AggregateLifecycle.apply(new UnitPlaced(unitId, parent, Text.collapse(command.actId()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    /** The first day a dated change may take: after the unit's first day and after the previous change of the same kind. */
    private void checkDay(LocalDate day, LocalDate previous, String what) {
        if (activationDate != null && day.isBefore(activationDate)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "effectiveFrom",
                    "The unit's first day is " + activationDate + "; it cannot be " + what + " before it"));
        }
        if (previous != null && !day.isAfter(previous)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "effectiveFrom",
                    "The unit was last " + what + " from " + previous + "; a later change must start after it"));
        }
        if (closesAfter != null && day.isAfter(closesAfter)) {
            throw new CommandRejectedException(Rejection.invalid("UNIT_NOT_ACTIVE", "effectiveFrom",
                    "The unit's last day is " + closesAfter + "; it cannot be " + what + " after it"));
        }
    }

    @CommandHandler
    public long handle(MoveUnit command, ActFacts acts, UnitDirectory units) {
        Verdict.firstRejection(requiredText(command.parentUnitId(), "parentUnitId", MAX_NAME_LENGTH),
                required(command.effectiveFrom(), "effectiveFrom"), requiredText(command.actId(), "actId", MAX_NAME_LENGTH),
                optionalText(command.reason(), "reason", MAX_TEXT_LENGTH), optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (!placed) {
            throw new CommandRejectedException(Rejection.invalid("UNIT_NOT_PLACED", "unitId",
                    "The unit has no recorded parent yet: place it first, then move it"));
        }
        String parent = command.parentUnitId().strip();
        if (parent.equals(parentUnitId)) {
            throw new CommandRejectedException(Rejection.invalid("NOTHING_TO_CHANGE", "parentUnitId",
                    "The unit already sits under '" + parent + "'"));
        }
        checkDay(command.effectiveFrom(), lastMove, "moved");
        checkParent(parent, units);
        Optional<LocalDate> parentLastDay = units.lastDay(parent);
        if (parentLastDay.isPresent() && command.effectiveFrom().isAfter(parentLastDay.get())) {
            throw new CommandRejectedException(Rejection.invalid("PARENT_NOT_ACTIVE", "parentUnitId",
                    "'" + parent + "' closes after " + parentLastDay.get() + ", before the move takes effect"));
        }
        acts.require(command.actId(), "actId");
        AggregateLifecycle.apply(new UnitMoved(unitId, parentUnitId, parent, command.effectiveFrom(), command.actId().strip(),
                Text.collapse(command.reason()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RenameUnit command, ActFacts acts) {
        Verdict.firstRejection(requiredText(command.name(), "name", MAX_TEXT_LENGTH), required(command.effectiveFrom(), "effectiveFrom"),
                requiredText(command.actId(), "actId", MAX_NAME_LENGTH), optionalText(command.reason(), "reason", MAX_TEXT_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        String newName = Text.collapse(command.name());
        if (newName.equals(name)) {
            throw new CommandRejectedException(Rejection.invalid("NOTHING_TO_CHANGE", "name", "The unit is already named '" + name + "'"));
        }
        checkDay(command.effectiveFrom(), lastRename, "renamed");
        acts.require(command.actId(), "actId");
        AggregateLifecycle.apply(new UnitRenamed(unitId, name, newName, command.effectiveFrom(), command.actId().strip(),
                Text.collapse(command.reason()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    private static final String RULE = "_rule";
    private static final java.util.Map<String, Set<String>> CORRECTABLE = java.util.Map.of(
            "ACTIVATION", Set.of("effectiveFrom", "rawText", "presidioAsRecorded", "groupAsRecorded"),
            "CLOSURE", Set.of("lastDay", "rawText", "presidioAsRecorded", "groupAsRecorded"));

    /**
     * A scheduled change corrected with its reason: its day (a dated activation's first day, a closure's
     * last day) or its text as the list wrote it. The unit's days stay in order, and a successor keeps
     * starting after this unit's last day, which the successors' own links were judged on.
     */
    @CommandHandler
    public long handle(CorrectUnitChange command, UnitDirectory units) {
        Verdict.firstRejection(requiredText(command.change(), "change", 20), requiredText(command.reason(), "reason", MAX_TEXT_LENGTH))
                .orThrow();
        String change = command.change().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CORRECTABLE.containsKey(change)) {
            throw new CommandRejectedException(Rejection.invalid("INVALID_VALUE", "change", "A change is ACTIVATION or CLOSURE"));
        }
        java.util.Map<String, String> current = scheduled.get(change);
        if (current == null) {
            throw new CommandRejectedException(Rejection.notFound("CHANGE_NOT_SCHEDULED", "change",
                    "The unit has no " + change.toLowerCase(java.util.Locale.ROOT) + " recorded"));
        }
        if (EffectiveRule.ON_APPROVAL.name().equals(current.get(RULE)) && command.changes() != null
                && command.changes().containsKey("effectiveFrom")) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_NOT_CORRECTABLE", "changes.effectiveFrom",
                    "The unit starts on its POAS's approval: its day comes from the approval, not from a correction"));
        }
        java.util.List<it.registro.domain.common.FieldChange> changes = it.registro.domain.common.Corrections.changes(command.changes(),
                CORRECTABLE.get(change), Set.of("effectiveFrom", "lastDay"), current);
        LocalDate first = change.equals("ACTIVATION")
                ? it.registro.domain.common.Corrections.date(it.registro.domain.common.Corrections.after(changes, "effectiveFrom",
                current.get("effectiveFrom"))) : activationDate;
        LocalDate last = change.equals("CLOSURE")
                ? it.registro.domain.common.Corrections.date(it.registro.domain.common.Corrections.after(changes, "lastDay", current.get("lastDay")))
                : closesAfter;
        if (changes.stream().anyMatch(c -> (c.field().equals("lastDay") || c.field().equals("effectiveFrom")) && c.value() == null)
                && (change.equals("CLOSURE") || activationDate != null)) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "changes", "A dated change keeps its day"));
        }
        if (first != null && last != null && last.isBefore(first)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "changes",
                    "The unit's last day (" + last + ") would come before its first (" + first + ")"));
        }
        if (first != null && predecessors.stream().anyMatch(p -> units.lastDay(p).map(d -> !first.isAfter(d)).orElse(false))) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "changes.effectiveFrom",
                    "The unit succeeds a unit whose last day is on or after " + first));
        }
        AggregateLifecycle.apply(new UnitChangeCorrected(unitId, change, changes, Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(UnitChangeCorrected e) {
        e.changes().forEach(c -> scheduled.get(e.change()).put(c.field(), c.value()));
        e.changes().forEach(c -> {
            if (c.field().equals("effectiveFrom")) {
                activationDate = it.registro.domain.common.Corrections.date(c.value());
            } else if (c.field().equals("lastDay")) {
                closesAfter = it.registro.domain.common.Corrections.date(c.value());
            }
        });
    }

    @EventSourcingHandler
    void on(UnitRecordedAsExisting e) {
        unitId = e.unitId();
        name = e.name();
        existedBefore = true;
    }

    @EventSourcingHandler
    void on(UnitActivationScheduled e) {
        unitId = e.unitId();
        name = e.name();
        activationDate = e.effectiveFrom();
        java.util.Map<String, String> v = new java.util.HashMap<>();
        v.put("effectiveFrom", e.effectiveFrom() == null ? null : e.effectiveFrom().toString());
        v.put(RULE, e.effectiveRule().name());
        v.put("rawText", e.rawText());
        v.put("presidioAsRecorded", e.presidioAsRecorded());
        v.put("groupAsRecorded", e.groupAsRecorded());
        scheduled.put("ACTIVATION", v);
    }

    @EventSourcingHandler
    void on(UnitSuccessionLinked e) {
        predecessors.add(e.predecessorUnitId());
    }

    @EventSourcingHandler
    void on(UnitClosureScheduled e) {
        closesAfter = e.lastDay();
        java.util.Map<String, String> v = new java.util.HashMap<>();
        v.put("lastDay", e.lastDay().toString());
        v.put("rawText", e.rawText());
        v.put("presidioAsRecorded", e.presidioAsRecorded());
        v.put("groupAsRecorded", e.groupAsRecorded());
        scheduled.put("CLOSURE", v);
    }

    @EventSourcingHandler
    void on(UnitPlaced e) {
        placed = true;
        parentUnitId = e.parentUnitId();
    }

    @EventSourcingHandler
    void on(UnitMoved e) {
        parentUnitId = e.toParentUnitId();
        lastMove = e.effectiveFrom();
    }

    @EventSourcingHandler
    void on(UnitRenamed e) {
        name = e.toName();
        lastRename = e.effectiveFrom();
    }
}
