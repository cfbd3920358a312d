package it.registro.domain.act;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.act.api.*;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.References;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * An act in the register: identity (issuer, type, number, year) with the citation verbatim, and its
 * dated life: opinions and consultations, adoption, submission, executability, effect, relations to
 * other acts. Adoption, executability and effect are separate facts with their own dates (seed 000:
 * decree 150/2022 adopted 29/03, executive at once, effective from 30/03).
 */
public class Act {

    @AggregateIdentifier
    private String actId;
    private LocalDate date;
    private boolean subjectToControl;
    private LocalDate adoptedOn;
    private LocalDate executiveFrom;
    private boolean approved;
    private boolean revoked;
    private final Set<String> references = new HashSet<>();
    private final Set<String> incoming = new HashSet<>();
    private int documents;

    protected Act() {
    }

    @CommandHandler
    public Act(RegisterAct command, References references) {
        Verdict.firstRejection(
                required(command.actId(), "id"),
                required(command.issuerBodyId(), "issuerBodyId"),
                required(command.type(), "type"),
                optionalText(command.number(), "number", 50),
                optionalText(command.title(), "title", 4000),
                optionalText(command.citationAsRecorded(), "citationAsRecorded", MAX_TEXT_LENGTH)
        ).orThrow();
        if (command.year() != null && command.date() != null && command.date().getYear() != command.year()) {
            throw rejected(Rejection.invalid("YEAR_DATE_MISMATCH", "year",
                    "The year " + command.year() + " is not the year of the date " + command.date()));
        }
        ActNumbers.Parsed number = ActNumbers.parse(command.number(),
                command.year() != null ? command.year() : command.date() == null ? null : command.date().getYear());
        if (number.number() != null && number.year() == null) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "year", "A numbered act needs its year or date"));
        }
        if (!references.bodyExists(command.issuerBodyId())) {
            throw rejected(Rejection.invalid("UNKNOWN_ISSUER", "issuerBodyId",
                    "No body '" + command.issuerBodyId() + "' is registered to issue acts"));
        }
        AggregateLifecycle.apply(new ActRegistered(command.actId(), command.issuerBodyId(), command.type(),
                number.number(), number.year(), command.date(),
                Text.collapse(command.title()), Text.collapse(command.citationAsRecorded()), command.subjectToControl(),
                Text.collapse(command.source())));
    }

    @CommandHandler
    public long handle(RecordActOpinion command) {
        Verdict.firstRejection(requiredText(command.givenBy(), "givenBy", MAX_NAME_LENGTH),
                optionalText(command.role(), "role", MAX_NAME_LENGTH), optionalText(command.outcome(), "outcome", MAX_TEXT_LENGTH))
                .orThrow();
        notAfterAdoption(command.on(), "on");
        AggregateLifecycle.apply(new ActOpinionRecorded(actId, Text.collapse(command.givenBy()), Text.collapse(command.role()),
                Text.collapse(command.outcome()), command.on(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordActFormalities command) {
        List<ActSignatory> signatories = command.signatories() == null ? List.of() : command.signatories();
        List<ActAttestation> attestations = command.attestations() == null ? List.of() : command.attestations();
        if (signatories.isEmpty() && attestations.isEmpty() && Text.isBlank(command.responsibleOfficerAsRecorded())
                && command.digitallySigned() == null) {
            throw rejected(Rejection.invalid("NOTHING_TO_RECORD", "signatories",
                    "Name at least a signatory, the responsabile del procedimento, an attestation or the digital signature"));
        }
        List<Verdict> checks = new java.util.ArrayList<>();
        checks.add(optionalText(command.responsibleOfficerAsRecorded(), "responsibleOfficerAsRecorded", MAX_NAME_LENGTH));
        for (int i = 0; i < signatories.size(); i++) {
            ActSignatory s = signatories.get(i);
            checks.add(required(s, "signatories[" + i + "]"));
            if (s != null) {
                checks.add(requiredText(s.role(), "signatories[" + i + "].role", MAX_NAME_LENGTH));
                checks.add(requiredText(s.nameAsRecorded(), "signatories[" + i + "].nameAsRecorded", MAX_NAME_LENGTH));
                checks.add(optionalText(s.personId(), "signatories[" + i + "].personId", 100));
            }
        }
        for (int i = 0; i < attestations.size(); i++) {
            ActAttestation a = attestations.get(i);
            checks.add(required(a, "attestations[" + i + "]"));
            if (a != null) {
                checks.add(required(a.kind(), "attestations[" + i + "].kind"));
                checks.add(optionalText(a.byAsRecorded(), "attestations[" + i + "].byAsRecorded", MAX_NAME_LENGTH));
                checks.add(optionalText(a.textAsRecorded(), "attestations[" + i + "].textAsRecorded", MAX_TEXT_LENGTH));
            }
        }
        Verdict.firstRejection(checks.toArray(Verdict[]::new)).orThrow();
        AggregateLifecycle.apply(new ActFormalitiesRecorded(actId,
                signatories.stream().map(s -> new ActSignatory(Text.collapse(s.role()), Text.collapse(s.nameAsRecorded()),
                        orNull(s.personId()))).toList(),
                orNull(command.responsibleOfficerAsRecorded()),
                attestations.stream().map(a -> new ActAttestation(a.kind(), orNull(a.byAsRecorded()), orNull(a.textAsRecorded()))).toList(),
                command.digitallySigned(), orNull(command.source())));
        return AggregateLifecycle.getVersion();
    }

    /** Blank as absent, the rest with its spaces collapsed. */
    private static String orNull(String s) {
        return Text.isBlank(s) ? null : Text.collapse(s);
    }

    @CommandHandler
    public long handle(RecordConsultation command) {
        Verdict.firstRejection(requiredText(command.consulted(), "consulted", MAX_NAME_LENGTH),
                requiredText(command.kind(), "kind", 50), optionalText(command.outcomeAsRecorded(), "outcomeAsRecorded", MAX_TEXT_LENGTH))
                .orThrow();
        notAfterAdoption(command.on(), "on");
        AggregateLifecycle.apply(new ConsultationRecorded(actId, Text.collapse(command.consulted()), command.kind().strip(),
                command.on(), Text.collapse(command.outcomeAsRecorded()), Text.collapse(command.minutesRef()),
                Text.collapse(command.source()), orNull(command.sessionId()), command.itemNo()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordAdoption command) {
        Verdict.firstRejection(required(command.on(), "on"),
                optionalText(command.signedByAsRecorded(), "signedByAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.voteAsRecorded(), "voteAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        if (adoptedOn != null) {
            throw rejected(Rejection.conflict("ALREADY_ADOPTED", "on", "The act was adopted on " + adoptedOn));
        }
        if (date != null && !command.on().equals(date)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "on",
                    "The act is dated " + date + "; it was adopted that day, not on " + command.on()));
        }
        AggregateLifecycle.apply(new ActAdopted(actId, command.on(), Text.collapse(command.signedByAsRecorded()),
                command.unanimous(), command.tally(), Text.collapse(command.voteAsRecorded()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordSubmission command) {
        Verdict.firstRejection(required(command.on(), "on"), requiredText(command.to(), "to", MAX_NAME_LENGTH),
                optionalText(command.channel(), "channel", MAX_NAME_LENGTH), optionalText(command.protocol(), "protocol", 100))
                .orThrow();
        adopted(command.on(), "on");
        AggregateLifecycle.apply(new ActSubmitted(actId, Text.collapse(command.to()), Text.collapse(command.channel()),
                Text.collapse(command.protocol()), command.on(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    /** A document of the act (the signed act, an annex), with its hash. */
    @CommandHandler
    public String handle(AttachActDocument command) {
        Verdict.firstRejection(requiredText(command.title(), "title", MAX_TEXT_LENGTH), required(command.document(), "document")).orThrow();
        if (command.document().problem("document") != null) {
            throw rejected(command.document().problem("document"));
        }
        String attachmentId = "document-" + (documents + 1);
        AggregateLifecycle.apply(new ActDocumentAttached(actId, attachmentId,
                Text.collapse(command.title()), command.document(), command.uploadedBy()));
        return attachmentId;
    }

    @EventSourcingHandler
    void on(ActDocumentAttached e) {
        documents++;
    }

    /** Publication follows adoption; a period's end, when known, follows its start. */
    @CommandHandler
    public long handle(RecordPublication command) {
        Verdict.firstRejection(required(command.from(), "from"), requiredText(command.where(), "where", MAX_NAME_LENGTH),
                optionalText(command.registerNumber(), "registerNumber", 100)).orThrow();
        adopted(command.from(), "from");
        if (command.until() != null && command.until().isBefore(command.from())) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "until", "The publication ends before it starts"));
        }
        AggregateLifecycle.apply(new ActPublished(actId, Text.collapse(command.where()), command.from(), command.until(),
                Text.collapse(command.registerNumber()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DeclareExecutable command) {
        Verdict.firstRejection(required(command.on(), "on"),
                optionalText(command.legalBasisAsRecorded(), "legalBasisAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        adopted(command.on(), "on");
        if (executiveFrom != null) {
            throw rejected(Rejection.conflict("ALREADY_EXECUTIVE", "on", "The act is executive from " + executiveFrom));
        }
        if (subjectToControl && !approved) {
            throw rejected(Rejection.invalid("PENDING_CONTROL", "on",
                    "The act is subject to approval by a higher authority, and no approving act is recorded"));
        }
        AggregateLifecycle.apply(new ActDeclaredExecutable(actId, command.on(), command.immediate(),
                Text.collapse(command.legalBasisAsRecorded()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordActEffect command) {
        Verdict.firstRejection(required(command.from(), "from"),
                optionalText(command.scopeAsRecorded(), "scopeAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        adopted(command.from(), "from");
        AggregateLifecycle.apply(new ActEffectRecorded(actId, command.from(), Text.collapse(command.scopeAsRecorded()),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordActReference command, ActFacts acts) {
        Verdict.firstRejection(required(command.kind(), "kind"), required(command.targetActId(), "targetActId"),
                optionalText(command.noteAsRecorded(), "noteAsRecorded", MAX_TEXT_LENGTH)).orThrow();
        if (command.targetActId().equals(actId)) {
            throw rejected(Rejection.invalid("SELF_REFERENCE", "targetActId", "An act cannot refer to itself"));
        }
        ActFacts.ActFact target = acts.require(command.targetActId(), "targetActId");
        boolean acting = command.kind() != ReferenceKind.CITES && command.kind() != ReferenceKind.ANNEXES;
        if (acting && date != null && target.date() != null && target.date().isAfter(date)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "targetActId",
                    "An act of " + date + " cannot " + command.kind() + " an act of " + target.date()));
        }
        if (ends(command.kind()) && target.revoked()) {
            throw rejected(Rejection.conflict("ALREADY_REVOKED", "targetActId", "Act " + target.actId() + " is already revoked or annulled"));
        }
        if (!references.add(command.kind() + ">" + command.targetActId())) {
            throw rejected(Rejection.conflict("DUPLICATE_REFERENCE", "targetActId", "This reference is already recorded"));
        }
        LocalDate effective = command.effectiveFrom() != null ? command.effectiveFrom() : date;
        AggregateLifecycle.apply(new ActReferenceRecorded(actId, command.kind(), command.targetActId(), date, effective,
                Text.collapse(command.noteAsRecorded()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    /** The other side of a reference: an approval may make this act executive, a revocation ends it. */
    @CommandHandler
    public long handle(RecordIncomingReference command) {
        if (!incoming.add(command.kind() + "<" + command.sourceActId())) {
            return AggregateLifecycle.getVersion(); // already recorded: a redelivery
        }
        if (ends(command.kind()) && revoked) {
            throw rejected(Rejection.conflict("ALREADY_REVOKED", "actId", "Act " + actId + " is already revoked or annulled"));
        }
        AggregateLifecycle.apply(new ActReferencedBy(actId, command.kind(), command.sourceActId(), command.sourceDate(),
                command.effectiveFrom()));
        if (command.kind() == ReferenceKind.APPROVES && subjectToControl && executiveFrom == null && command.sourceDate() != null) {
            AggregateLifecycle.apply(new ActBecameExecutive(actId, command.sourceDate(), "APPROVAL", command.sourceActId()));
        }
        if (command.kind() == ReferenceKind.REVOKES) {
            AggregateLifecycle.apply(new ActRevoked(actId, command.effectiveFrom(), command.sourceActId()));
        }
        if (command.kind() == ReferenceKind.ANNULS) {
            AggregateLifecycle.apply(new ActAnnulled(actId, command.effectiveFrom(), command.sourceActId()));
        }
        return AggregateLifecycle.getVersion();
    }

    // ------------------------------------------------------------------ helpers

    /** References that end the target act. */
    private static boolean ends(ReferenceKind kind) {
        return kind == ReferenceKind.REVOKES || kind == ReferenceKind.ANNULS;
    }

    private static CommandRejectedException rejected(Rejection r) {
        return new CommandRejectedException(r);
    }

    private void adopted(LocalDate on, String field) {
        if (adoptedOn == null) {
            throw rejected(Rejection.invalid("NOT_ADOPTED", field, "The act has no adoption recorded"));
        }
        if (on.isBefore(adoptedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", field, on + " is before the adoption on " + adoptedOn));
        }
    }

    private void notAfterAdoption(LocalDate on, String field) {
        if (on != null && adoptedOn != null && on.isAfter(adoptedOn)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", field, "An opinion or consultation precedes the adoption on " + adoptedOn));
        }
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(ActRegistered e) {
        actId = e.actId();
        date = e.date();
        subjectToControl = e.subjectToControl();
    }

    @EventSourcingHandler
    void on(ActAdopted e) {
        adoptedOn = e.on();
    }

    @EventSourcingHandler
    void on(ActDeclaredExecutable e) {
        executiveFrom = e.on();
    }

    @EventSourcingHandler
    void on(ActReferenceRecorded e) {
        references.add(e.kind() + ">" + e.targetActId());
    }

    @EventSourcingHandler
    void on(ActReferencedBy e) {
        incoming.add(e.kind() + "<" + e.sourceActId());
        if (e.kind() == ReferenceKind.APPROVES) {
            approved = true;
        }
    }

    @EventSourcingHandler
    void on(ActBecameExecutive e) {
        executiveFrom = e.on();
    }

    @EventSourcingHandler
    void on(ActAnnulled e) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(ActRevoked e) {
        revoked = true;
    }
}
