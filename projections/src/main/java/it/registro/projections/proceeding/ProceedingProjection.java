package it.registro.projections.proceeding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.poas.api.ProceedingReference;
import it.registro.domain.poas.api.ProceedingReferenceFlagged;
import it.registro.domain.proceeding.api.*;
import it.registro.projections.common.Versioned;

/**
 * Keeps the proceeding catalogue, the proceedings and the unit-closure reports. Writes are absolute
 * and guarded by the aggregate's sequence number, so a replay gives the same documents. The closure
 * report listens to the POAS context's flags; it is keyed by unit, item by (proceeding, role).
 */
@Component
@ProcessingGroup(ProceedingProjection.PROCESSING_GROUP)
public class ProceedingProjection {

    public static final String PROCESSING_GROUP = "proceedings";

    private final MongoTemplate mongo;

    public ProceedingProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // the queries: catalogue of an agency, types naming a unit, proceedings of an agency, of a subject, naming a unit
        mongo.indexOps(ProceedingTypeView.class).createIndex(new Index().on("agencyName", Sort.Direction.ASC));
        mongo.indexOps(ProceedingTypeView.class).createIndex(new Index().on("namedUnitIds", Sort.Direction.ASC));
        mongo.indexOps(ProceedingView.class).createIndex(new Index().on("agencyName", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        mongo.indexOps(ProceedingView.class).createIndex(new Index().on("subjectId", Sort.Direction.ASC));
    }

    private static String who(String principal) {
        return principal == null ? "unknown" : principal;
    }

    // ------------------------------------------------------------------ catalogue

    @EventHandler
    void on(ProceedingTypeDefined e, @SequenceNumber long seq) {
        ProceedingTypeView t = new ProceedingTypeView(e.proceedingTypeId(), e.agency().kind(), e.agency().name());
        t.getVersions().add(e.version());
        t.refreshNamedUnits();
        t.version(seq);
        mongo.save(t);
    }

    private void updateType(String id, long seq, Consumer<ProceedingTypeView> change) {
        Versioned.update(mongo, ProceedingTypeView.class, id, seq, t -> {
            change.accept(t);
            t.getVersions().sort(Comparator.comparing(TypeVersion::validFrom));
            t.refreshNamedUnits();
        });
    }

    @EventHandler
    void on(ProceedingTypeRevised e, @SequenceNumber long seq) {
        updateType(e.proceedingTypeId(), seq, t -> {
            t.getVersions().removeIf(v -> v.validFrom().equals(e.version().validFrom()));
            t.getVersions().add(e.version());
        });
    }

    @EventHandler
    void on(ProceedingTypeUnitReassigned e, @SequenceNumber long seq) {
        updateType(e.proceedingTypeId(), seq, t -> {
            TypeVersion base = t.versionOn(e.effectiveFrom()).orElse(t.latest());
            TypeVersion v = base.withUnits(e.roles().contains("INQUIRY") ? e.toUnit() : base.inquiryUnit(),
                    e.roles().contains("FINAL_ACT") ? e.toUnit() : base.finalActUnit(), e.effectiveFrom());
            t.getVersions().removeIf(x -> x.validFrom().equals(e.effectiveFrom()));
            t.getVersions().add(v);
            t.getReassignments().add(new ProceedingTypeView.Reassignment(e.fromUnitId(), e.toUnit(), e.roles(), e.actId(), e.poasId(),
                    e.effectiveFrom()));
        });
        reassigned(e.fromUnitId(), e.proceedingTypeId(), e.roles(), e.toUnit(), e.actId(), e.effectiveFrom());
    }

    // ------------------------------------------------------------------ proceedings

    @EventHandler
    void on(ProceedingOpened e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        ProceedingView p = new ProceedingView(e.proceedingId());
        p.opened(e.proceedingTypeId(), e.typeName(), e.typeVersionFrom(), e.agency().name(), e.basis(), e.on(),
                e.at() == null ? null : e.at().toString(), e.protocolNumber(), e.requester(), e.subject(), e.term(), e.termText(),
                e.startOn(), e.dueOn(), e.dueAt(), e.inquiryUnit(), e.finalActUnit(), e.substitutePowerHolder());
        String detail = (e.basis() == OpeningBasis.REQUEST ? "request prot. " + e.protocolNumber() : "ex officio")
                + (e.subject() == null ? "" : "; access to " + e.subject().kind() + " " + e.subject().id())
                + "; term " + e.term().kind() + (e.dueOn() == null ? ", no due date" : ", due " + e.dueOn());
        p.getHistory().add(new ProceedingView.HistoryEntry("OPENED", e.on(), detail, null, at, who(principal)));
        p.version(seq);
        mongo.save(p);
    }

    private void update(String id, long seq, Consumer<ProceedingView> change) {
        Versioned.update(mongo, ProceedingView.class, id, seq, change);
    }

    @EventHandler
    void on(ProceedingSuspended e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.proceedingId(), seq, p -> {
            p.getSuspensions().add(new ProceedingView.Suspension(e.reason(), e.from(), e.to(), e.days(), e.dueOnBefore(), e.dueOn()));
            p.due(e.dueOn(), e.dueAt());
            p.getHistory().add(new ProceedingView.HistoryEntry("SUSPENDED", e.from(),
                    e.reason() + "; " + e.from() + " to " + e.to() + " (" + e.days() + " days); due " + e.dueOnBefore() + " → " + e.dueOn(),
                    null, at, who(principal)));
        });
    }

    @EventHandler
    void on(InertiaRecorded e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.proceedingId(), seq, p -> p.getHistory().add(new ProceedingView.HistoryEntry("INERTIA", e.observedOn(),
                "due " + e.dueOn() + ", " + e.daysOverdue() + " days overdue", null, at, who(principal))));
    }

    @EventHandler
    void on(SubstitutePowerInvoked e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.proceedingId(), seq, p -> {
            ProceedingView.HistoryEntry inertia = p.getHistory().get(p.getHistory().size() - 1);
            long overdue = "INERTIA".equals(inertia.kind()) && p.getDueOn() != null ? ChronoUnit.DAYS.between(p.getDueOn(), e.on()) : 0;
            p.escalation(new ProceedingView.Escalation(e.on(), overdue, e.holder(), e.halfTerm(), e.substituteDueOn(), e.substituteDueAt()));
            p.getHistory().add(new ProceedingView.HistoryEntry("SUBSTITUTE_POWER_INVOKED", e.on(),
                    e.holder() + " must conclude by " + e.substituteDueOn(), null, at, who(principal)));
        });
    }

    @EventHandler
    void on(ProceedingConcluded e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.proceedingId(), seq, p -> {
            p.conclusion(new ProceedingView.Conclusion(e.on(), e.actId(), e.note(), e.late(), e.daysLate(), e.bySubstitute(),
                    e.substituteLate()));
            p.getHistory().add(new ProceedingView.HistoryEntry("CONCLUDED", e.on(),
                    (e.actId() != null ? "by act" : "by note: " + e.note()) + (e.late() ? "; " + e.daysLate() + " days late" : "; in time")
                            + (e.bySubstitute() ? "; by the substitute-power holder" : ""), e.actId(), at, who(principal)));
        });
    }

    @EventHandler
    void on(ProceedingUnitReassigned e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.proceedingId(), seq, p -> {
            p.units(e.roles().contains("INQUIRY") ? e.toUnit() : p.getInquiryUnit(),
                    e.roles().contains("FINAL_ACT") ? e.toUnit() : p.getFinalActUnit());
            p.getHistory().add(new ProceedingView.HistoryEntry("UNIT_REASSIGNED", e.effectiveFrom(),
                    e.fromUnitId() + " → " + (e.toUnit().unitId() != null ? e.toUnit().unitId() : e.toUnit().asRecorded()) + " " + e.roles(),
                    e.actId(), at, who(principal)));
        });
        reassigned(e.fromUnitId(), e.proceedingId(), e.roles(), e.toUnit(), e.actId(), e.effectiveFrom());
    }

    // ------------------------------------------------------------------ unit closures (from the POAS context)

    @EventHandler
    void on(ProceedingReferenceFlagged e) {
        UnitClosureView c = mongo.findById(e.unitId(), UnitClosureView.class);
        if (c == null) {
            c = new UnitClosureView(e.unitId(), e.lastDay(), e.actId(), e.poasId());
        }
        boolean known = c.getItems().stream().anyMatch(i -> i.proceedingId().equals(e.proceedingId()) && i.role().equals(e.role()));
        if (!known) {
            c.getItems().add(new UnitClosureView.Item(e.proceedingId(), e.scope(), e.role(), null, null, null));
            mongo.save(c);
        }
    }

    private void reassigned(String unitId, String proceedingId, List<String> roles, UnitRef to, String actId, LocalDate from) {
        UnitClosureView c = mongo.findById(unitId, UnitClosureView.class);
        if (c == null) {
            return;
        }
        List<UnitClosureView.Item> items = new ArrayList<>();
        for (UnitClosureView.Item i : c.getItems()) {
            items.add(i.proceedingId().equals(proceedingId) && roles.contains(i.role())
                    ? new UnitClosureView.Item(i.proceedingId(), i.scope(), i.role(), to, actId, from) : i);
        }
        c.getItems().clear();
        c.getItems().addAll(items);
        mongo.save(c);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ProceedingTypeView.class);
        mongo.remove(new Query(), ProceedingView.class);
        mongo.remove(new Query(), UnitClosureView.class);
    }

    // ------------------------------------------------------------------ queries

    /** A catalogue entry as in force on a day. */
    public record TypeOnDate(String id, String agencyName, TypeVersion version) {
    }

    @QueryHandler
    Optional<ProceedingTypeView> handle(FindProceedingType q) {
        return Optional.ofNullable(mongo.findById(q.proceedingTypeId(), ProceedingTypeView.class));
    }

    @QueryHandler
    List<TypeOnDate> handle(FindProceedingTypes q) {
        return mongo.find(Query.query(Criteria.where("agencyName").is(q.agencyName())), ProceedingTypeView.class).stream()
                .flatMap(t -> t.versionOn(q.asOf()).map(v -> new TypeOnDate(t.getId(), t.getAgencyName(), v)).stream())
                .sorted(Comparator.comparing((TypeOnDate t) -> t.version().area()).thenComparing(t -> t.version().name()).thenComparing(TypeOnDate::id))
                .toList();
    }

    @QueryHandler
    Optional<ProceedingView> handle(FindProceeding q) {
        return Optional.ofNullable(mongo.findById(q.proceedingId(), ProceedingView.class));
    }

    private List<ProceedingView> open(String agencyName) {
        return mongo.find(Query.query(Criteria.where("agencyName").is(agencyName).and("status").is("OPEN")), ProceedingView.class);
    }

    @QueryHandler
    List<ProceedingView> handle(FindOpenProceedings q) {
        return open(q.agencyName()).stream().sorted(Comparator.comparing(ProceedingView::getDueOn,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(ProceedingView::getId)).toList();
    }

    @QueryHandler
    List<ProceedingView> handle(FindProceedingsBySubject q) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(q.id()).and("subjectKind").is(q.kind())), ProceedingView.class)
                .stream().sorted(Comparator.comparing(ProceedingView::getOpenedOn).thenComparing(ProceedingView::getId)).toList();
    }

    public record OverdueRow(String proceedingId, String typeName, LocalDate dueOn, long daysOverdue, boolean escalated,
                             LocalDate substituteDueOn) {
    }

    public record UnitGroup(String unitId, String unitAsRecorded, int count, List<OverdueRow> proceedings) {
    }

    public record OverdueReport(String agencyName, LocalDate asOf, int total, List<UnitGroup> units) {
    }

    /** Grouped by the unit responsible for the inquiry: the register's unit where linked, else its wording. */
    @QueryHandler
    OverdueReport handle(FindOverdueByUnit q) {
        Map<String, List<ProceedingView>> byUnit = new TreeMap<>();
        for (ProceedingView p : open(q.agencyName())) {
            if (p.overdueOn(q.asOf())) {
                byUnit.computeIfAbsent(unitKey(p.getInquiryUnit()), k -> new ArrayList<>()).add(p);
            }
        }
        List<UnitGroup> groups = new ArrayList<>();
        int total = 0;
        for (List<ProceedingView> ps : byUnit.values()) {
            ps.sort(Comparator.comparing(ProceedingView::getDueOn).thenComparing(ProceedingView::getId));
            UnitRef u = ps.get(0).getInquiryUnit();
            groups.add(new UnitGroup(u.unitId(), u.asRecorded(), ps.size(), ps.stream().map(p -> new OverdueRow(p.getId(), p.getTypeName(),
                    p.getDueOn(), ChronoUnit.DAYS.between(p.getDueOn(), q.asOf()), p.getEscalation() != null,
                    p.getEscalation() == null ? null : p.getEscalation().substituteDueOn())).toList()));
            total += ps.size();
        }
        return new OverdueReport(q.agencyName(), q.asOf(), total, groups);
    }

    private static String unitKey(UnitRef u) {
        return u == null ? "" : u.unitId() != null ? u.unitId() : "~" + u.asRecorded();
    }

    public record LateRow(String proceedingTypeId, String typeName, String unitId, String unitAsRecorded, int concluded, int late,
                          long totalDaysLate, long maxDaysLate) {
    }

    public record LateReport(String agencyName, int year, LocalDate dueBy, int concluded, int late, List<LateRow> rows) {
    }

    /**
     * Proceedings concluded in the year, late ones counted against the suspension-adjusted due date, by
     * type and inquiry unit; rows only for pairs with at least one late conclusion. Due by 30 January.
     */
    @QueryHandler
    LateReport handle(FindLateReport q) {
        LocalDate from = LocalDate.of(q.year(), 1, 1);
        LocalDate to = LocalDate.of(q.year(), 12, 31);
        List<ProceedingView> concluded = mongo.find(Query.query(Criteria.where("agencyName").is(q.agencyName()).and("status").is("CONCLUDED")),
                ProceedingView.class).stream().filter(p -> !p.getConclusion().on().isBefore(from) && !p.getConclusion().on().isAfter(to)).toList();
        Map<String, List<ProceedingView>> groups = new LinkedHashMap<>();
        concluded.stream().sorted(Comparator.comparing(ProceedingView::getTypeName).thenComparing(ProceedingView::getId))
                .forEach(p -> groups.computeIfAbsent(p.getProceedingTypeId() + "|" + unitKey(p.getInquiryUnit()), k -> new ArrayList<>()).add(p));
        List<LateRow> rows = new ArrayList<>();
        int late = 0;
        for (List<ProceedingView> ps : groups.values()) {
            List<ProceedingView> lateOnes = ps.stream().filter(p -> p.getConclusion().late()).toList();
            late += lateOnes.size();
            if (!lateOnes.isEmpty()) {
                ProceedingView first = ps.get(0);
                rows.add(new LateRow(first.getProceedingTypeId(), first.getTypeName(), first.getInquiryUnit().unitId(),
                        first.getInquiryUnit().asRecorded(), ps.size(), lateOnes.size(),
                        lateOnes.stream().mapToLong(p -> p.getConclusion().daysLate()).sum(),
                        lateOnes.stream().mapToLong(p -> p.getConclusion().daysLate()).max().orElse(0)));
            }
        }
        return new LateReport(q.agencyName(), q.year(), LocalDate.of(q.year() + 1, 1, 30), concluded.size(), late, rows);
    }

    /** What the POAS context asks when a unit is to close: every type (latest version) and open proceeding naming it. */
    @QueryHandler
    List<ProceedingReference> handle(FindProceedingsNamingUnit q) {
        List<ProceedingReference> refs = new ArrayList<>();
        mongo.find(Query.query(Criteria.where("namedUnitIds").is(q.unitId())), ProceedingTypeView.class).stream()
                .sorted(Comparator.comparing(ProceedingTypeView::getId))
                .forEach(t -> roles(t.latest().inquiryUnit(), t.latest().finalActUnit(), q.unitId())
                        .forEach(r -> refs.add(new ProceedingReference(t.getId(), "TYPE", r))));
        mongo.find(Query.query(new Criteria().orOperator(Criteria.where("inquiryUnit.unitId").is(q.unitId()),
                        Criteria.where("finalActUnit.unitId").is(q.unitId())).and("status").is("OPEN")), ProceedingView.class).stream()
                .sorted(Comparator.comparing(ProceedingView::getId))
                .forEach(p -> roles(p.getInquiryUnit(), p.getFinalActUnit(), q.unitId())
                        .forEach(r -> refs.add(new ProceedingReference(p.getId(), "INSTANCE", r))));
        return refs;
    }

    private static List<String> roles(UnitRef inquiry, UnitRef finalAct, String unitId) {
        List<String> roles = new ArrayList<>();
        if (inquiry != null && inquiry.names(unitId)) {
            roles.add("INQUIRY");
        }
        if (finalAct != null && finalAct.names(unitId)) {
            roles.add("FINAL_ACT");
        }
        return roles;
    }

    @QueryHandler
    Optional<UnitClosureView> handle(FindUnitClosureReport q) {
        return Optional.ofNullable(mongo.findById(q.unitId(), UnitClosureView.class));
    }
}
