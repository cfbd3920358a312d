package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.HashSet;
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
 * holds for the proceedings naming it, each flagged for reassignment.
 */
public class OrgUnit {

    @AggregateIdentifier
    private String unitId;
    private LocalDate closesAfter;
    /** Recorded as existing: it was already active before any change the register knows of. */
    private boolean existedBefore;
    private LocalDate activationDate;
    private final Set<String> predecessors = new HashSet<>();

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

    @CommandHandler
    public OrgUnit(ScheduleUnitActivation command, ActFacts acts) {
        identity(command.unitId(), command.agency(), command.type(), command.code(), command.name(), command.presidio());
        Verdict.firstRejection(required(command.effectiveRule(), "effectiveRule"), required(command.actId(), "actId"),
                optionalText(command.rawText(), "rawText", MAX_TEXT_LENGTH),
                optionalText(command.boxDateAsRecorded(), "boxDateAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.boxSource(), "boxSource", MAX_TEXT_LENGTH)).orThrow();
        if (command.effectiveRule() == EffectiveRule.DATE && command.effectiveFrom() == null) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "effectiveFrom", "A dated activation needs its date"));
        }
        if (command.effectiveRule() == EffectiveRule.ON_APPROVAL && (command.poasId() == null || command.poasId().isBlank())) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "poasId",
                    "An activation from the POAS approval date needs the POAS whose approval dates it"));
        }
        acts.require(command.actId(), "actId");
        AggregateLifecycle.apply(new UnitActivationScheduled(command.unitId(), Text.collapse(command.agency()), command.type(),
                Text.collapse(command.code()), Text.collapse(command.name()), command.presidio(), Text.collapse(command.presidioAsRecorded()),
                Text.collapse(command.groupAsRecorded()), command.effectiveRule(),
                command.effectiveRule() == EffectiveRule.DATE ? command.effectiveFrom() : null, Text.collapse(command.rawText()),
                command.actId(), command.poasId(), Text.collapse(command.source()), Text.collapse(command.boxDateAsRecorded()),
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
    public long handle(ScheduleUnitClosure command, ActFacts acts, UnitDirectory units) {
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
        AggregateLifecycle.apply(new UnitClosureScheduled(unitId, command.lastDay(), Text.collapse(command.presidioAsRecorded()),
                Text.collapse(command.groupAsRecorded()), Text.collapse(command.rawText()), command.actId(), command.poasId(),
                Text.collapse(command.source())));
        for (String referrer : units.referrers(unitId)) {
            AggregateLifecycle.apply(new DanglingReferenceFlagged(unitId, referrer, command.lastDay(), command.actId()));
        }
        for (ProceedingReference p : units.proceedingsNaming(unitId)) {
            AggregateLifecycle.apply(new ProceedingReferenceFlagged(unitId, p.proceedingId(), p.scope(), p.role(), command.lastDay(),
                    command.actId(), command.poasId()));
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

    @EventSourcingHandler
    void on(UnitRecordedAsExisting e) {
        unitId = e.unitId();
        existedBefore = true;
    }

    @EventSourcingHandler
    void on(UnitActivationScheduled e) {
        unitId = e.unitId();
        activationDate = e.effectiveFrom();
    }

    @EventSourcingHandler
    void on(UnitSuccessionLinked e) {
        predecessors.add(e.predecessorUnitId());
    }

    @EventSourcingHandler
    void on(UnitClosureScheduled e) {
        closesAfter = e.lastDay();
    }
}
