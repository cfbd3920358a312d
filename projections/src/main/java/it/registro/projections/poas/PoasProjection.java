package it.registro.projections.poas;

import java.time.Instant;
import java.util.Map;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.poas.ApprovalDeadline;
import it.registro.domain.poas.api.*;
import it.registro.projections.common.Versioned;

/** Keeps the {@code poas} read model and answers the approval chain, the deadline report and the current POAS. */
@Component
@ProcessingGroup(PoasProjection.PROCESSING_GROUP)
public class PoasProjection {

    public static final String PROCESSING_GROUP = "poas";

    private final MongoTemplate mongo;

    public PoasProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private void update(String id, long seq, Consumer<PoasView> change) {
        Versioned.update(mongo, PoasView.class, id, seq, change);
    }

    @EventHandler
    public void on(PoasOpened e, @SequenceNumber long seq) {
        PoasView p = new PoasView(e.poasId(), e.agencyName(), e.period(), e.label());
        p.version(seq);
        mongo.save(p);
    }

    @EventHandler
    public void on(PoasStepRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> p.getSteps().add(new PoasView.Step("STEP", e.on(), e.step(), e.actor(), e.actId(),
                e.textAsRecorded(), e.source(), at)));
    }

    @EventHandler
    public void on(PoasAdopted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.adopted(e.actId(), e.on());
            p.getSteps().add(new PoasView.Step("ADOPTED", e.on(), "Adozione", null, e.actId(), null, e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.submission(new PoasView.Submission(e.on(), e.protocol(), e.channel(), e.dueOn()));
            p.getSteps().add(new PoasView.Step("SUBMITTED", e.on(), "Trasmissione", null, null, e.protocol(), e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasReviewed e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.getReviews().add(new PoasView.Review(e.on(), e.by(), e.protocol(), e.outcome(), e.recommendations()));
            p.getSteps().add(new PoasView.Step("REVIEWED", e.on(), "Istruttoria", e.by(), null, e.protocol(), e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.approval(new PoasView.Approval(e.actId(), e.on(), e.voteAsRecorded(), e.conformityAsRecorded()));
            p.getVersions().add(new PoasView.Version(1, p.getLabel(), e.on(), e.actId(), p.getAdoptedByActId()));
            p.getSteps().add(new PoasView.Step("APPROVED", e.on(), "Approvazione", null, e.actId(), e.voteAsRecorded(), e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasApprovalDated e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            PoasView.Approval a = p.getApproval();
            p.approval(new PoasView.Approval(e.actId(), e.on(), a.voteAsRecorded(), a.conformityAsRecorded()));
            p.getVersions().replaceAll(v -> v.number() == 1 ? new PoasView.Version(1, v.label(), e.on(), v.actId(), v.proposingActId()) : v);
            p.getSteps().replaceAll(s -> s.kind().equals("APPROVED")
                    ? new PoasView.Step(s.kind(), e.on(), s.step(), s.actor(), e.actId(), s.textAsRecorded(), s.source(), s.recordedAt()) : s);
        });
    }

    @EventHandler
    public void on(PoasApprovalTransposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> p.getSteps().add(new PoasView.Step("TRANSPOSED", e.on(), "Recepimento", null, e.actId(), null,
                e.source(), at)));
    }

    @EventHandler
    public void on(PoasAmended e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.getVersions().add(new PoasView.Version(e.version(), e.label() != null ? e.label() : p.getLabel(), e.on(), e.actId(),
                    e.proposingActId()));
            p.getSteps().add(new PoasView.Step("AMENDED", e.on(), "Modifica", null, e.actId(),
                    e.proposingActId() == null ? "proposing act unknown" : null, e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasModificationAdopted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.getModifications().add(new PoasView.Modification(e.modificationId(), e.label(), e.actId(), e.on(), null, new ArrayList<>(),
                    null, null));
            p.getSteps().add(new PoasView.Step("MODIFICATION_ADOPTED", e.on(), "Adozione modifica " + e.modificationId(), null, e.actId(),
                    e.label(), e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasModificationSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.modification(e.modificationId(), m -> m.submitted(new PoasView.Submission(e.on(), e.protocol(), e.channel(), null)));
            p.getSteps().add(new PoasView.Step("MODIFICATION_SUBMITTED", e.on(), "Trasmissione modifica " + e.modificationId(), null, null,
                    e.protocol(), e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasModificationReviewed e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.modification(e.modificationId(), m -> {
                m.reviews().add(new PoasView.Review(e.on(), e.by(), e.protocol(), e.outcome(), e.recommendations()));
                return m;
            });
            p.getSteps().add(new PoasView.Step("MODIFICATION_REVIEWED", e.on(), "Istruttoria modifica " + e.modificationId(), e.by(), null,
                    e.protocol(), e.source(), at));
        });
    }

    @EventHandler
    public void on(PoasModificationApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            p.modification(e.modificationId(), m -> m.approved(new PoasView.Approval(e.actId(), e.on(), e.voteAsRecorded(), null), e.version()));
            String label = p.getModifications().stream().filter(m -> m.id().equals(e.modificationId())).map(PoasView.Modification::label)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(p.getLabel());
            p.getVersions().add(new PoasView.Version(e.version(), label, e.on(), e.actId(), e.adoptedByActId()));
            p.getSteps().add(new PoasView.Step("MODIFICATION_APPROVED", e.on(), "Approvazione modifica " + e.modificationId(), null,
                    e.actId(), e.voteAsRecorded(), e.source(), at));
        });
    }

    /**
     * A step corrected: the step, the chain and the versions take the corrected values; the deadline flag of
     * the chain follows the corrected dates (the correction carries them); the chain keeps a CORRECTED step.
     */
    @EventHandler
    public void on(it.registro.domain.poas.api.PoasRecordCorrected e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.poasId(), seq, p -> {
            Map<String, String> v = new java.util.HashMap<>();
            e.changes().forEach(c -> v.put(c.field(), c.value()));
            LocalDate on = v.containsKey("on") ? LocalDate.parse(v.get("on")) : null;
            String mod = e.modificationId();
            String kind = (mod == null ? "" : "MODIFICATION_") + switch (e.step()) {
                case "ADOPTION" -> "ADOPTED";
                case "SUBMISSION" -> "SUBMITTED";
                default -> "APPROVED";
            };
            LocalDate previousDue = null;
            if (mod == null) {
                previousDue = p.getSubmission() == null ? null : it.registro.domain.poas.ApprovalDeadline.dueOn(p.getSubmission().on());
                switch (e.step()) {
                    case "ADOPTION" -> p.adopted(p.getAdoptedByActId(), on);
                    case "SUBMISSION" -> {
                        PoasView.Submission s = p.getSubmission();
                        p.submission(new PoasView.Submission(on != null ? on : s.on(), v.getOrDefault("protocol", s.protocol()),
                                v.getOrDefault("channel", s.channel()), s.dueOn()));
                    }
                    default -> {
                        PoasView.Approval a = p.getApproval();
                        p.approval(new PoasView.Approval(a.actId(), on != null ? on : a.on(), v.getOrDefault("voteAsRecorded", a.voteAsRecorded()),
                                v.getOrDefault("conformityAsRecorded", a.conformityAsRecorded())));
                        if (on != null) {
                            p.getVersions().replaceAll(ver -> ver.number() == 1
                                    ? new PoasView.Version(1, ver.label(), on, ver.actId(), ver.proposingActId()) : ver);
                        }
                    }
                }
            } else {
                PoasView.Modification m = p.getModifications().stream().filter(x -> x.id().equals(mod)).findFirst().orElseThrow();
                previousDue = m.submission() == null ? null : it.registro.domain.poas.ApprovalDeadline.dueOn(m.submission().on());
                p.modification(mod, x -> switch (e.step()) {
                    case "ADOPTION" -> new PoasView.Modification(x.id(), x.label(), x.adoptedByActId(), on, x.submission(), x.reviews(),
                            x.approval(), x.version());
                    case "SUBMISSION" -> x.submitted(new PoasView.Submission(on != null ? on : x.submission().on(),
                            v.getOrDefault("protocol", x.submission().protocol()), v.getOrDefault("channel", x.submission().channel()), null));
                    default -> x.approved(new PoasView.Approval(x.approval().actId(), on != null ? on : x.approval().on(),
                            v.getOrDefault("voteAsRecorded", x.approval().voteAsRecorded()), null), x.version());
                });
                if (on != null && e.step().equals("APPROVAL")) {
                    p.getVersions().replaceAll(ver -> ver.number() == m.version()
                            ? new PoasView.Version(ver.number(), ver.label(), on, ver.actId(), ver.proposingActId()) : ver);
                }
            }
            if (on != null) {
                p.getSteps().replaceAll(s -> s.kind().equals(kind) && (mod == null || s.step().endsWith(" " + mod))
                        ? new PoasView.Step(s.kind(), on, s.step(), s.actor(), s.actId(), s.textAsRecorded(), s.source(), s.recordedAt()) : s);
            }
            p.getSteps().add(new PoasView.Step("CORRECTED", at.atZone(it.registro.domain.common.BusinessTime.ZONE).toLocalDate(),
                    "Rettifica " + kind.toLowerCase(java.util.Locale.ROOT) + (mod == null ? "" : " " + mod), null, null,
                    e.changes().stream().map(c -> c.field() + ": " + c.previous() + " → " + c.value())
                            .collect(java.util.stream.Collectors.joining("; ")) + " — " + e.reason(), null, at));
            if (e.daysOver() != null) {
                LocalDate due = previousDue;
                p.getFlags().removeIf(f -> f.code().equals("APPROVAL_DEADLINE_EXCEEDED") && java.util.Objects.equals(f.dueOn(), due));
                p.getFlags().removeIf(f -> f.code().equals("APPROVAL_DEADLINE_EXCEEDED") && java.util.Objects.equals(f.dueOn(), e.dueOn()));
                if (e.daysOver() > 0) {
                    LocalDate approvedOn = mod == null ? p.getApproval().on()
                            : p.getModifications().stream().filter(x -> x.id().equals(mod)).findFirst().orElseThrow().approval().on();
                    p.getFlags().add(new PoasView.Flag("APPROVAL_DEADLINE_EXCEEDED", "WARNING", e.dueOn(), approvedOn, e.daysOver()));
                }
            }
        });
    }

    @EventHandler
    public void on(ModificationDeadlineExceeded e, @SequenceNumber long seq) {
        update(e.poasId(), seq, p -> p.getFlags().add(new PoasView.Flag("APPROVAL_DEADLINE_EXCEEDED", "WARNING", e.dueOn(),
                e.approvedOn(), e.daysOver())));
    }

    @EventHandler
    public void on(ApprovalDeadlineExceeded e, @SequenceNumber long seq) {
        update(e.poasId(), seq, p -> p.getFlags().add(new PoasView.Flag("APPROVAL_DEADLINE_EXCEEDED", "WARNING", e.dueOn(),
                e.approvedOn(), e.daysOver())));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PoasView.class);
    }

    /** The chain in order of business date (steps of one day in the order recorded). */
    public record ApprovalChain(PoasView poas, String status, List<PoasView.Step> chain, Long reviewDaysAfterSubmission,
                                String supersededBy, LocalDate supersededFrom) {
    }

    @QueryHandler
    public List<String> handle(it.registro.domain.poas.api.FindPoasUsingAct q) {
        Query query = new Query(new Criteria().orOperator(Criteria.where("adoptedByActId").is(q.actId()),
                Criteria.where("approval.actId").is(q.actId()), Criteria.where("versions.actId").is(q.actId()),
                Criteria.where("modifications.adoptedByActId").is(q.actId()), Criteria.where("modifications.approval.actId").is(q.actId())));
        query.fields().include("_id");
        return mongo.find(query, PoasView.class).stream().map(PoasView::getId).toList();
    }

    @QueryHandler
    public Long handle(FindPoasVersion q) {
        return Versioned.shown(mongo, PoasView.COLLECTION, q.poasId());
    }

    @QueryHandler
    public Optional<ApprovalChain> handle(FindApprovalChain q) {
        return Optional.ofNullable(mongo.findById(q.poasId(), PoasView.class)).map(p -> {
            List<PoasView.Step> chain = new ArrayList<>(p.getSteps());
            chain.sort(Comparator.comparing(PoasView.Step::on, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(PoasView.Step::recordedAt));
            Long reviewDays = p.getSubmission() == null || p.getReviews().isEmpty() ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(p.getSubmission().on(), p.getReviews().get(0).on());
            // one POAS in force per agency: a later approved POAS supersedes this one from its approval date
            Optional<PoasView> successor = p.getApproval() == null || p.getApproval().on() == null ? Optional.empty()
                    : byAgency(p.getAgencyName()).stream().filter(o -> !o.getId().equals(p.getId()) && o.getApproval() != null
                            && o.getApproval().on() != null && o.getApproval().on().isAfter(p.getApproval().on()))
                    .min(Comparator.comparing(o -> o.getApproval().on()));
            String status = successor.isPresent() ? "SUPERSEDED" : p.getStatus();
            return new ApprovalChain(p, status, chain, reviewDays, successor.map(PoasView::getId).orElse(null),
                    successor.map(o -> o.getApproval().on()).orElse(null));
        });
    }

    /** {@code modificationId} is null for the POAS itself. */
    public record Overdue(String poasId, String label, LocalDate submittedOn, LocalDate dueOn, long daysOver, String flag,
                          String modificationId) {
    }

    /** POAS submitted and not approved (with a date) on or before the day, past the 60-day norm. */
    @QueryHandler
    public List<Overdue> handle(FindDeadlineReport q) {
        List<Overdue> overdue = new ArrayList<>();
        for (PoasView p : byAgency(q.agencyName())) {
            overdue(p.getId(), p.getLabel(), null, p.getSubmission(), p.getApproval(), q.asOf()).ifPresent(overdue::add);
            for (PoasView.Modification m : p.getModifications()) {
                overdue(p.getId(), m.label() != null ? m.label() : p.getLabel(), m.id(), m.submission(), m.approval(), q.asOf())
                        .ifPresent(overdue::add);
            }
        }
        return overdue;
    }

    /** The POAS in force on a day and its version then. */
    public record CurrentPoas(PoasView poas, LocalDate asOf, PoasView.Version version) {
    }

    private static Optional<Overdue> overdue(String poasId, String label, String modificationId, PoasView.Submission submission,
                                             PoasView.Approval approval, LocalDate asOf) {
        if (submission == null || submission.on().isAfter(asOf)) {
            return Optional.empty();
        }
        boolean approvedBy = approval != null && approval.on() != null && !approval.on().isAfter(asOf);
        long over = ApprovalDeadline.daysOver(submission.on(), asOf);
        return approvedBy || over <= 0 ? Optional.empty() : Optional.of(new Overdue(poasId, label, submission.on(),
                ApprovalDeadline.dueOn(submission.on()), over, "APPROVAL_DEADLINE_EXCEEDED", modificationId));
    }

    /** The POAS in force: the latest approved on or before the day. */
    @QueryHandler
    public Optional<CurrentPoas> handle(FindCurrentPoas q) {
        return byAgency(q.agencyName()).stream()
                .filter(p -> p.getApproval() != null && p.getApproval().on() != null && !p.getApproval().on().isAfter(q.asOf()))
                .max(Comparator.comparing(p -> p.getApproval().on()))
                .map(p -> new CurrentPoas(p, q.asOf(), p.versionOn(q.asOf())));
    }

    private List<PoasView> byAgency(String agency) {
        return mongo.find(Query.query(Criteria.where("agencyName").regex("^" + Pattern.quote(agency.strip()) + "$", "i")),
                PoasView.class);
    }
}
