package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * An agency's organisational plan for a period and its approval chain: the steps the documents
 * date, adoption by the agency's act, submission, the Region's review, the approving DGR (whose
 * number and date may come later), and the soft 60-day deadline, flagged and never enforced. A later
 * modification walks the same chain and, once approved, is the next version; {@link AmendPoas}
 * remains for amendments the sources know only by their final act (P6).
 */
public class Poas {

    @AggregateIdentifier
    private String poasId;
    private LocalDate adoptedOn;
    private LocalDate submittedOn;
    private boolean approved;
    private LocalDate approvedOn;
    private int version;
    private LocalDate lastChangeOn;
    private String adoptedByActId;
    /** Modifications by id, in adoption order; each walks the same chain as the POAS. */
    private final Map<String, Modification> modifications = new LinkedHashMap<>();

    /** The correctable values of each step as recorded: "ADOPTION", "SUBMISSION", "APPROVAL", prefixed "{modificationId}:" for a modification's. */
    private final Map<String, Map<String, String>> recorded = new java.util.HashMap<>();

    /** Where one modification stands; the aggregate's own state, never exposed. */
    private record Modification(String actId, LocalDate adoptedOn, LocalDate submittedOn, LocalDate approvedOn) {
    }

    protected Poas() {
    }

    @CommandHandler
    public Poas(OpenPoas command) {
        Verdict.firstRejection(
                command.poasId() != null && command.poasId().matches("[a-z0-9]+(-[a-z0-9]+)*") ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("POAS_ID_MALFORMED", "id", "A POAS id is a lower-case slug")),
                requiredText(command.agencyName(), "agencyName", MAX_NAME_LENGTH),
                requiredText(command.period(), "period", 50), optionalText(command.label(), "label", MAX_TEXT_LENGTH)).orThrow();
        AggregateLifecycle.apply(new PoasOpened(command.poasId(), Text.collapse(command.agencyName()), command.period().strip(),
                Text.collapse(command.label()), Text.collapse(command.source())));
    }

    @CommandHandler
    public long handle(RecordPoasStep command, ActFacts acts) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.step(), "step", MAX_NAME_LENGTH),
                optionalText(command.actor(), "actor", MAX_NAME_LENGTH),
                optionalText(command.textAsRecorded(), "textAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        if (command.actId() != null) {
            acts.require(command.actId(), "actId");
        }
        AggregateLifecycle.apply(new PoasStepRecorded(poasId, command.on(), Text.collapse(command.step()),
                Text.collapse(command.actor()), command.actId(), Text.collapse(command.textAsRecorded()),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AdoptPoas command, ActFacts acts) {
        Verdict.firstRejection(required(command.actId(), "actId"), required(command.on(), "on")).orThrow();
        acts.require(command.actId(), "actId");
        if (adoptedOn != null) {
            throw rejected(Rejection.conflict("POAS_ALREADY_ADOPTED", "actId", "The POAS was adopted on " + adoptedOn));
        }
        AggregateLifecycle.apply(new PoasAdopted(poasId, command.actId(), command.on(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(SubmitPoas command) {
        Verdict.firstRejection(required(command.on(), "on"), optionalText(command.protocol(), "protocol", 100),
                optionalText(command.channel(), "channel", MAX_NAME_LENGTH)).orThrow();
        if (adoptedOn == null) {
            throw rejected(Rejection.invalid("POAS_NOT_ADOPTED", "on", "A POAS is submitted once adopted"));
        }
        if (command.on().isBefore(adoptedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", "The submission precedes the adoption on " + adoptedOn));
        }
        AggregateLifecycle.apply(new PoasSubmitted(poasId, command.on(), Text.collapse(command.protocol()),
                Text.collapse(command.channel()), command.dueOn(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReviewPoas command) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.outcome(), "outcome", 50),
                optionalText(command.by(), "by", MAX_NAME_LENGTH)).orThrow();
        submitted(command.on(), "on");
        List<String> recommendations = command.recommendations() == null ? List.of()
                : command.recommendations().stream().map(Text::collapse).toList();
        AggregateLifecycle.apply(new PoasReviewed(poasId, command.on(), Text.collapse(command.by()),
                Text.collapse(command.protocol()), command.outcome().strip(), recommendations, Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ApprovePoas command, ActFacts acts) {
        Verdict.firstRejection(required(command.actId(), "actId"),
                optionalText(command.voteAsRecorded(), "voteAsRecorded", MAX_TEXT_LENGTH),
                optionalText(command.conformityAsRecorded(), "conformityAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        acts.require(command.actId(), "actId");
        if (approved) {
            throw rejected(Rejection.conflict("POAS_ALREADY_APPROVED", "actId", "This POAS version is already approved"));
        }
        // an older chain may lack its submission in the sources (P6): the adoption then bounds the approval
        if (submittedOn == null && adoptedOn == null) {
            throw rejected(Rejection.invalid("POAS_NOT_SUBMITTED", "actId", "A POAS is approved once adopted and submitted"));
        }
        if (command.on() != null) {
            notBeforeBasis(command.on(), "on");
        }
        AggregateLifecycle.apply(new PoasApproved(poasId, command.actId(), command.on(), Text.collapse(command.voteAsRecorded()),
                Text.collapse(command.conformityAsRecorded()), Text.collapse(command.source())));
        flagIfLate(command.on());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DateApproval command) {
        Verdict.firstRejection(required(command.on(), "on"), required(command.actId(), "actId")).orThrow();
        if (!approved) {
            throw rejected(Rejection.invalid("POAS_NOT_APPROVED", "on", "No approval to date"));
        }
        if (approvedOn != null) {
            throw rejected(Rejection.conflict("APPROVAL_ALREADY_DATED", "on", "The approval is dated " + approvedOn));
        }
        notBeforeBasis(command.on(), "on");
        AggregateLifecycle.apply(new PoasApprovalDated(poasId, command.actId(), command.on(), Text.collapse(command.source())));
        flagIfLate(command.on());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(TransposePoasApproval command, ActFacts acts) {
        Verdict.firstRejection(required(command.actId(), "actId"), required(command.on(), "on")).orThrow();
        acts.require(command.actId(), "actId");
        approvedBefore(command.on());
        AggregateLifecycle.apply(new PoasApprovalTransposed(poasId, command.actId(), command.on(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AmendPoas command, ActFacts acts) {
        Verdict.firstRejection(required(command.actId(), "actId"), required(command.on(), "on"),
                optionalText(command.label(), "label", MAX_TEXT_LENGTH)).orThrow();
        acts.require(command.actId(), "actId");
        if (command.proposingActId() != null) {
            acts.require(command.proposingActId(), "proposingActId");
        }
        approvedBefore(command.on());
        if (lastChangeOn != null && command.on().isBefore(lastChangeOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", command.on() + " precedes the last amendment on " + lastChangeOn));
        }
        AggregateLifecycle.apply(new PoasAmended(poasId, command.actId(), command.on(), Text.collapse(command.label()),
                command.proposingActId(), version + 1, Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AdoptPoasModification command, ActFacts acts) {
        Verdict.firstRejection(
                command.modificationId() != null && command.modificationId().matches("[a-z0-9]+(-[a-z0-9]+)*") ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("MODIFICATION_ID_MALFORMED", "modificationId",
                                "A modification id is a lower-case slug")),
                requiredText(command.actId(), "actId", MAX_NAME_LENGTH), required(command.on(), "on"),
                optionalText(command.label(), "label", MAX_TEXT_LENGTH), optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (modifications.containsKey(command.modificationId())) {
            throw rejected(Rejection.conflict("MODIFICATION_ALREADY_EXISTS", "modificationId",
                    "The POAS already has a modification '" + command.modificationId() + "'"));
        }
        approvedBefore(command.on());
        if (lastChangeOn != null && command.on().isBefore(lastChangeOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", command.on() + " precedes the last change in force from " + lastChangeOn));
        }
        // the Region reviews one modification at a time: the versions must follow one another
        for (Map.Entry<String, Modification> m : modifications.entrySet()) {
            if (m.getValue().approvedOn() == null) {
                throw rejected(Rejection.conflict("MODIFICATION_IN_PROGRESS", "modificationId",
                        "Modification '" + m.getKey() + "' is not approved yet"));
            }
        }
        // the adopting act identifies the unit changes a modification schedules: one act, one chain
        String act = command.actId().strip();
        if (act.equals(adoptedByActId) || modifications.values().stream().anyMatch(m -> m.actId().equals(act))) {
            throw rejected(Rejection.conflict("ACT_ALREADY_USED", "actId", "The act already adopted this POAS or one of its modifications"));
        }
        acts.require(act, "actId");
        AggregateLifecycle.apply(new PoasModificationAdopted(poasId, command.modificationId(), act, command.on(),
                Text.collapse(command.label()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    private Modification modification(String id) {
        Modification m = id == null ? null : modifications.get(id);
        if (m == null) {
            throw rejected(Rejection.notFound("MODIFICATION_NOT_FOUND", "modificationId", "The POAS has no modification '" + id + "'"));
        }
        return m;
    }

    @CommandHandler
    public long handle(SubmitPoasModification command) {
        Verdict.firstRejection(required(command.on(), "on"), optionalText(command.protocol(), "protocol", 100),
                optionalText(command.channel(), "channel", MAX_NAME_LENGTH), optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        Modification m = modification(command.modificationId());
        if (m.submittedOn() != null) {
            throw rejected(Rejection.conflict("MODIFICATION_ALREADY_SUBMITTED", "on", "The modification was submitted on " + m.submittedOn()));
        }
        if (command.on().isBefore(m.adoptedOn())) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", "The submission precedes the adoption on " + m.adoptedOn()));
        }
        AggregateLifecycle.apply(new PoasModificationSubmitted(poasId, command.modificationId(), command.on(),
                Text.collapse(command.protocol()), Text.collapse(command.channel()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    private static void modificationSubmitted(Modification m, LocalDate on) {
        if (m.submittedOn() == null) {
            throw rejected(Rejection.invalid("MODIFICATION_NOT_SUBMITTED", "on", "The modification has not been submitted"));
        }
        if (on.isBefore(m.submittedOn())) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", on + " precedes the submission on " + m.submittedOn()));
        }
    }

    @CommandHandler
    public long handle(ReviewPoasModification command) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.outcome(), "outcome", 50),
                optionalText(command.by(), "by", MAX_NAME_LENGTH), optionalText(command.protocol(), "protocol", 100),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        Modification m = modification(command.modificationId());
        modificationSubmitted(m, command.on());
        List<String> recommendations = command.recommendations() == null ? List.of()
                : command.recommendations().stream().map(Text::collapse).toList();
        AggregateLifecycle.apply(new PoasModificationReviewed(poasId, command.modificationId(), command.on(), Text.collapse(command.by()),
                Text.collapse(command.protocol()), command.outcome().strip(), recommendations, Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ApprovePoasModification command, ActFacts acts) {
        Verdict.firstRejection(requiredText(command.actId(), "actId", MAX_NAME_LENGTH), required(command.on(), "on"),
                optionalText(command.voteAsRecorded(), "voteAsRecorded", MAX_TEXT_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        Modification m = modification(command.modificationId());
        if (m.approvedOn() != null) {
            throw rejected(Rejection.conflict("MODIFICATION_ALREADY_APPROVED", "actId", "The modification was approved on " + m.approvedOn()));
        }
        modificationSubmitted(m, command.on());
        acts.require(command.actId(), "actId");
        AggregateLifecycle.apply(new PoasModificationApproved(poasId, command.modificationId(), command.actId().strip(), command.on(),
                Text.collapse(command.voteAsRecorded()), version + 1, m.actId(), Text.collapse(command.source())));
        long over = ApprovalDeadline.daysOver(m.submittedOn(), command.on());
        if (over > 0) {
            AggregateLifecycle.apply(new ModificationDeadlineExceeded(poasId, command.modificationId(), m.submittedOn(),
                    ApprovalDeadline.dueOn(m.submittedOn()), command.on(), over));
        }
        return AggregateLifecycle.getVersion();
    }

    private static final Map<String, java.util.Set<String>> CORRECTABLE = Map.of(
            "ADOPTION", java.util.Set.of("on"),
            "SUBMISSION", java.util.Set.of("on", "protocol", "channel"),
            "APPROVAL", java.util.Set.of("on", "voteAsRecorded", "conformityAsRecorded"));

    /**
     * A step of the chain corrected with its reason, judged with the chain's other dates as they stand
     * (adoption, then submission, then approval; a modification after the plan's approval); the 60-day
     * deadline is computed again from the corrected dates and carried in the event.
     */
    @CommandHandler
    public long handle(CorrectPoasRecord command) {
        Verdict.firstRejection(requiredText(command.step(), "step", 20), requiredText(command.reason(), "reason", MAX_TEXT_LENGTH)).orThrow();
        String step = command.step().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CORRECTABLE.containsKey(step)) {
            throw rejected(Rejection.invalid("INVALID_VALUE", "step", "A step is ADOPTION, SUBMISSION or APPROVAL"));
        }
        String mod = command.modificationId() == null || command.modificationId().isBlank() ? null : command.modificationId().strip();
        if (mod != null) {
            modification(mod);
        }
        String key = (mod == null ? "" : mod + ":") + step;
        Map<String, String> current = recorded.get(key);
        if (current == null) {
            throw rejected(Rejection.notFound("STEP_NOT_RECORDED", "step", "No " + step.toLowerCase(java.util.Locale.ROOT)
                    + (mod == null ? " of the POAS" : " of modification '" + mod + "'") + " is recorded"));
        }
        List<it.registro.domain.common.FieldChange> changes = it.registro.domain.common.Corrections.changes(command.changes(),
                CORRECTABLE.get(step), java.util.Set.of("on"), current);
        String prefix = mod == null ? "" : mod + ":";
        LocalDate adopted = date(prefix + "ADOPTION", step, changes);
        LocalDate submitted = date(prefix + "SUBMISSION", step, changes);
        LocalDate approvedDay = date(prefix + "APPROVAL", step, changes);
        if (changes.stream().anyMatch(c -> c.field().equals("on") && c.value() == null)) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "changes.on", "A step keeps a date: correct it, do not remove it"));
        }
        if (adopted != null && submitted != null && submitted.isBefore(adopted)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "changes.on", "The submission (" + submitted + ") would precede the adoption ("
                    + adopted + ")"));
        }
        LocalDate basis = submitted != null ? submitted : adopted;
        if (basis != null && approvedDay != null && approvedDay.isBefore(basis)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "changes.on", "The approval (" + approvedDay + ") would precede "
                    + (submitted != null ? "the submission" : "the adoption") + " (" + basis + ")"));
        }
        if (mod != null && approvedOn != null && adopted != null && adopted.isBefore(approvedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "changes.on", "A modification follows the plan's approval on " + approvedOn));
        }
        LocalDate dueOn = submitted == null ? null : ApprovalDeadline.dueOn(submitted);
        Long daysOver = submitted == null || approvedDay == null ? null : ApprovalDeadline.daysOver(submitted, approvedDay);
        AggregateLifecycle.apply(new PoasRecordCorrected(poasId, step, mod, changes, Text.collapse(command.reason()), dueOn, daysOver));
        return AggregateLifecycle.getVersion();
    }

    /** The date of a step after the changes (when it is the step corrected), else as recorded. */
    private LocalDate date(String key, String step, List<it.registro.domain.common.FieldChange> changes) {
        Map<String, String> values = recorded.get(key);
        String current = values == null ? null : values.get("on");
        String value = key.endsWith(step) ? it.registro.domain.common.Corrections.after(changes, "on", current) : current;
        return it.registro.domain.common.Corrections.date(value);
    }

    private void approvedBefore(LocalDate on) {
        if (!approved || approvedOn == null) {
            throw rejected(Rejection.invalid("POAS_NOT_APPROVED", "on", "The POAS has no dated approval yet"));
        }
        if (on.isBefore(approvedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on", on + " precedes the approval on " + approvedOn));
        }
    }

    private void notBeforeBasis(LocalDate on, String field) {
        if (submittedOn != null) {
            submitted(on, field);
        } else if (on.isBefore(adoptedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", field, on + " precedes the adoption on " + adoptedOn));
        }
    }

    private void flagIfLate(LocalDate approvedOnDate) {
        if (approvedOnDate != null && submittedOn != null) {
            long over = ApprovalDeadline.daysOver(submittedOn, approvedOnDate);
            if (over > 0) {
                AggregateLifecycle.apply(new ApprovalDeadlineExceeded(poasId, submittedOn, ApprovalDeadline.dueOn(submittedOn),
                        approvedOnDate, over));
            }
        }
    }

    private void submitted(LocalDate on, String field) {
        if (submittedOn == null) {
            throw rejected(Rejection.invalid("POAS_NOT_SUBMITTED", field, "The POAS has not been submitted"));
        }
        if (on.isBefore(submittedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", field, on + " precedes the submission on " + submittedOn));
        }
    }

    private static CommandRejectedException rejected(Rejection r) {
        return new CommandRejectedException(r);
    }

    @EventSourcingHandler
    void on(PoasOpened e) {
        poasId = e.poasId();
    }

    @EventSourcingHandler
    void on(PoasAdopted e) {
        adoptedOn = e.on();
        adoptedByActId = e.actId();
        recorded.put("ADOPTION", values("on", e.on()));
    }

    @EventSourcingHandler
    void on(PoasSubmitted e) {
        submittedOn = e.on();
        recorded.put("SUBMISSION", values("on", e.on(), "protocol", e.protocol(), "channel", e.channel()));
    }

    @EventSourcingHandler
    void on(PoasApproved e) {
        approved = true;
        version = 1;
        approvedOn = e.on();
        recorded.put("APPROVAL", values("on", e.on(), "voteAsRecorded", e.voteAsRecorded(), "conformityAsRecorded", e.conformityAsRecorded()));
    }

    @EventSourcingHandler
    void on(PoasApprovalDated e) {
        approvedOn = e.on();
        recorded.computeIfAbsent("APPROVAL", k -> new java.util.HashMap<>()).put("on", e.on().toString());
    }

    @EventSourcingHandler
    void on(PoasAmended e) {
        version = e.version();
        lastChangeOn = e.on();
    }

    @EventSourcingHandler
    void on(PoasModificationAdopted e) {
        modifications.put(e.modificationId(), new Modification(e.actId(), e.on(), null, null));
        recorded.put(e.modificationId() + ":ADOPTION", values("on", e.on()));
    }

    @EventSourcingHandler
    void on(PoasModificationSubmitted e) {
        Modification m = modifications.get(e.modificationId());
        modifications.put(e.modificationId(), new Modification(m.actId(), m.adoptedOn(), e.on(), null));
        recorded.put(e.modificationId() + ":SUBMISSION", values("on", e.on(), "protocol", e.protocol(), "channel", e.channel()));
    }

    @EventSourcingHandler
    void on(PoasModificationApproved e) {
        Modification m = modifications.get(e.modificationId());
        modifications.put(e.modificationId(), new Modification(m.actId(), m.adoptedOn(), m.submittedOn(), e.on()));
        version = e.version();
        lastChangeOn = e.on();
        recorded.put(e.modificationId() + ":APPROVAL", values("on", e.on(), "voteAsRecorded", e.voteAsRecorded()));
    }

    @EventSourcingHandler
    void on(PoasRecordCorrected e) {
        String key = (e.modificationId() == null ? "" : e.modificationId() + ":") + e.step();
        e.changes().forEach(c -> recorded.get(key).put(c.field(), c.value()));
        String on = e.changes().stream().filter(c -> c.field().equals("on")).map(it.registro.domain.common.FieldChange::value)
                .findFirst().orElse(null);
        if (on == null) {
            return;
        }
        LocalDate day = LocalDate.parse(on);
        if (e.modificationId() == null) {
            switch (e.step()) {
                case "ADOPTION" -> adoptedOn = day;
                case "SUBMISSION" -> submittedOn = day;
                default -> approvedOn = day;
            }
        } else {
            Modification m = modifications.get(e.modificationId());
            modifications.put(e.modificationId(), switch (e.step()) {
                case "ADOPTION" -> new Modification(m.actId(), day, m.submittedOn(), m.approvedOn());
                case "SUBMISSION" -> new Modification(m.actId(), m.adoptedOn(), day, m.approvedOn());
                default -> new Modification(m.actId(), m.adoptedOn(), m.submittedOn(), day);
            });
            if (e.step().equals("APPROVAL")) {
                lastChangeOn = day;
            }
        }
    }

    private static Map<String, String> values(Object... keyValues) {
        Map<String, String> v = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], keyValues[i + 1] == null ? null : String.valueOf(keyValues[i + 1]));
        }
        return v;
    }
}
