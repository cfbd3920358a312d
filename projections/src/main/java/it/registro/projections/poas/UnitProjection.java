package it.registro.projections.poas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

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

import it.registro.domain.poas.api.*;
import it.registro.projections.common.KeyLists;
import it.registro.projections.common.Versioned;

/**
 * Keeps the {@code units} read model. It shares the POAS processing group, so a POAS approval and
 * the unit changes it approves are applied in the order they were recorded, also on a rebuild.
 */
@Component
@ProcessingGroup(PoasProjection.PROCESSING_GROUP)
public class UnitProjection {

    private final MongoTemplate mongo;

    public UnitProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // the queries: units of an agency by code, referrers of a unit, the changes under one POAS
        mongo.indexOps(UnitView.class).createIndex(new Index().on("agency", Sort.Direction.ASC).on("code", Sort.Direction.ASC));
        mongo.indexOps(UnitView.class).createIndex(new Index().on("refersToUnitId", Sort.Direction.ASC));
        mongo.indexOps(UnitView.class).createIndex(new Index().on("activation.poasId", Sort.Direction.ASC));
        mongo.indexOps(UnitView.class).createIndex(new Index().on("closure.poasId", Sort.Direction.ASC));
        keyed = KeyLists.complete(mongo, KEYS, mongo.getCollection(mongo.getCollectionName(UnitView.class)).find().limit(1).first() == null);
    }

    /** Key lists of units: by agency ("agency:<name in lower case>") and by POAS ("poas:<id>"). */
    static final String KEYS = "unit_keys";
    /** Whether the key lists hold every unit (see KeyLists.complete); if not, the queries read the collection as before. */
    private volatile boolean keyed;

    private void update(String id, long seq, Consumer<UnitView> change) {
        Versioned.update(mongo, UnitView.class, id, seq, change.andThen(this::index));
    }

    /** Lists the unit under its agency and under the POAS of each change it has, for exact-key reads. */
    private void index(UnitView u) {
        KeyLists.add(mongo, KEYS, agencyKey(u.getAgency()), u.getId());
        for (UnitView.Change c : new UnitView.Change[] {u.getActivation(), u.getClosure()}) {
            if (c != null && c.poasId() != null) {
                KeyLists.add(mongo, KEYS, "poas:" + c.poasId(), u.getId());
            }
        }
    }

    private static String agencyKey(String agency) {
        return agency == null ? null : "agency:" + agency.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String who(String principal) {
        return principal == null ? "unknown" : principal;
    }

    @EventHandler
    public void on(UnitRecordedAsExisting e, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue("principal") String principal) {
        UnitView u = new UnitView(e.unitId(), e.agency(), e.type(), e.code(), e.name(), e.presidio());
        u.existedBefore();
        u.refersTo(e.refersToUnitId());
        u.getTrail().add(new UnitView.TrailEntry("RECORDED_AS_EXISTING", null, null, null, e.refersToUnitId(),
                "origin act unknown", e.source(), at, who(principal)));
        u.version(seq);
        mongo.save(u);
        index(u);
    }

    @EventHandler
    public void on(UnitActivationScheduled e, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue("principal") String principal) {
        UnitView u = new UnitView(e.unitId(), e.agency(), e.type(), e.code(), e.name(), e.presidio());
        u.activation(new UnitView.Change("ACTIVATION", e.effectiveRule(), e.effectiveFrom(), e.rawText(), e.presidioAsRecorded(),
                e.groupAsRecorded(), e.actId(), e.poasId(), null, null, e.source(), at, who(principal)));
        u.getTrail().add(new UnitView.TrailEntry("ACTIVATION_SCHEDULED", e.effectiveFrom(), e.rawText(), e.actId(), null,
                detail(e.groupAsRecorded(), e.presidioAsRecorded()), e.source(), at, who(principal)));
        approveIfAlready(u, e.poasId(), at, principal);
        u.version(seq);
        mongo.save(u);
        index(u);
    }

    @EventHandler
    public void on(UnitClosureScheduled e, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue("principal") String principal) {
        update(e.unitId(), seq, u -> {
            u.closure(new UnitView.Change("CLOSURE", EffectiveRule.DATE, e.lastDay(), e.rawText(), e.presidioAsRecorded(),
                    e.groupAsRecorded(), e.actId(), e.poasId(), null, null, e.source(), at, who(principal)));
            u.getTrail().add(new UnitView.TrailEntry("CLOSURE_SCHEDULED", e.lastDay(), e.rawText(), e.actId(), null,
                    detail(e.groupAsRecorded(), e.presidioAsRecorded()), e.source(), at, who(principal)));
            approveIfAlready(u, e.poasId(), at, principal);
        });
    }

    /** A scheduled change corrected: the change takes the corrected values, the trail keeps the correction and its reason. */
    @EventHandler
    public void on(it.registro.domain.poas.api.UnitChangeCorrected e, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue("principal") String principal) {
        update(e.unitId(), seq, u -> {
            UnitView.Change c = e.change().equals("CLOSURE") ? u.getClosure() : u.getActivation();
            LocalDate date = c.date();
            String raw = c.rawText();
            String presidio = c.presidioAsRecorded();
            String group = c.groupAsRecorded();
            for (it.registro.domain.common.FieldChange f : e.changes()) {
                switch (f.field()) {
                    case "effectiveFrom", "lastDay" -> date = f.value() == null ? null : LocalDate.parse(f.value());
                    case "rawText" -> raw = f.value();
                    case "presidioAsRecorded" -> presidio = f.value();
                    default -> group = f.value();
                }
            }
            UnitView.Change corrected = new UnitView.Change(c.kind(), c.rule(), date, raw, presidio, group, c.scheduledByActId(),
                    c.poasId(), c.approvedByActId(), c.approvedOn(), c.source(), c.recordedAt(), c.recordedBy());
            if (e.change().equals("CLOSURE")) {
                u.closure(corrected);
            } else {
                u.activation(corrected);
            }
            u.getTrail().add(new UnitView.TrailEntry(e.change() + "_CORRECTED", date, e.reason(), c.scheduledByActId(), null,
                    e.changes().stream().map(f -> f.field() + ": " + f.previous() + " → " + f.value())
                            .collect(java.util.stream.Collectors.joining("; ")), null, at, who(principal)));
        });
    }

    @EventHandler
    public void on(OrganigramDisagreementFlagged e, @SequenceNumber long seq) {
        String box = e.boxDateAsRecorded() == null ? "no date" : "'" + e.boxDateAsRecorded() + "'";
        update(e.unitId(), seq, u -> u.getFlags().add(new UnitView.Flag(e.code(), "INFO",
                "The change list gives " + e.listDate() + ", the organigram box (" + e.boxSource() + ") " + box + "; the list's date stands")));
    }

    @EventHandler
    public void on(DanglingReferenceFlagged e, @SequenceNumber long seq) {
        String message = "'" + e.referrerUnitId() + "' still refers to '" + e.unitId() + "', whose last day is " + e.lastDay()
                + "; it is neither closed nor reassigned automatically";
        UnitView.Flag flag = new UnitView.Flag("DANGLING_REFERENCE", "WARNING", message);
        update(e.unitId(), seq, u -> u.getFlags().add(flag));
        UnitView referrer = mongo.findById(e.referrerUnitId(), UnitView.class);
        if (referrer != null && !referrer.getFlags().contains(flag)) {
            referrer.getFlags().add(flag);
            mongo.save(referrer);
        }
    }

    @EventHandler
    public void on(UnitSuccessionLinked e, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue("principal") String principal) {
        String detail = e.kind() + "; " + e.basis() + (e.evidence() == null ? "" : "; " + e.evidence());
        update(e.unitId(), seq, u -> {
            u.getPredecessors().add(new UnitView.Link(e.predecessorUnitId(), e.kind().name(), e.basis().name()));
            u.getTrail().add(new UnitView.TrailEntry("SUCCEEDS", null, null, null, e.predecessorUnitId(), detail, e.source(), at,
                    who(principal)));
        });
        UnitView predecessor = mongo.findById(e.predecessorUnitId(), UnitView.class);
        UnitView.Link link = new UnitView.Link(e.unitId(), e.kind().name(), e.basis().name());
        if (predecessor != null && !predecessor.getSuccessors().contains(link)) {
            predecessor.getSuccessors().add(link);
            predecessor.getTrail().add(new UnitView.TrailEntry("SUCCEEDED_BY", null, null, null, e.unitId(), detail, e.source(), at,
                    who(principal)));
            mongo.save(predecessor);
        }
    }

    @EventHandler
    public void on(UnitPlaced e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.unitId(), seq, u -> {
            u.getPlacements().add(new UnitView.Placement(e.parentUnitId(), null, e.actId()));
            u.getTrail().add(new UnitView.TrailEntry("PLACED", null, null, e.actId(), e.parentUnitId(), null, e.source(), at,
                    who(principal)));
        });
    }

    @EventHandler
    public void on(UnitMoved e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.unitId(), seq, u -> {
            u.getPlacements().add(new UnitView.Placement(e.toParentUnitId(), e.effectiveFrom(), e.actId()));
            u.getTrail().add(new UnitView.TrailEntry("MOVED", e.effectiveFrom(), null, e.actId(), e.toParentUnitId(),
                    "from " + e.fromParentUnitId() + (e.reason() == null ? "" : "; " + e.reason()), e.source(), at, who(principal)));
        });
    }

    @EventHandler
    public void on(UnitRenamed e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        update(e.unitId(), seq, u -> {
            u.getNames().add(new UnitView.Naming(e.toName(), e.effectiveFrom(), e.actId()));
            u.getTrail().add(new UnitView.TrailEntry("RENAMED", e.effectiveFrom(), null, e.actId(), null,
                    "'" + e.fromName() + "' → '" + e.toName() + "'" + (e.reason() == null ? "" : "; " + e.reason()), e.source(), at,
                    who(principal)));
        });
    }

    /**
     * The approving act approves every change scheduled under the POAS, except those of a later
     * modification (scheduled by the act that adopted it), which wait for the modification's own
     * approval; ON_APPROVAL activations take the approving act's date.
     */
    @EventHandler
    public void on(PoasApproved e, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        java.util.Set<String> modificationActs = modificationActs(e.poasId());
        approveAll(e.poasId(), c -> !modificationActs.contains(c.scheduledByActId()), e.actId(), e.on(), e.source(), at, principal,
                "CHANGE_APPROVED");
    }

    @EventHandler
    public void on(PoasApprovalDated e, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        java.util.Set<String> modificationActs = modificationActs(e.poasId());
        approveAll(e.poasId(), c -> !modificationActs.contains(c.scheduledByActId()), e.actId(), e.on(), e.source(), at, principal,
                "APPROVAL_DATED");
    }

    @EventHandler
    public void on(PoasModificationApproved e, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        approveAll(e.poasId(), c -> e.adoptedByActId().equals(c.scheduledByActId()), e.actId(), e.on(), e.source(), at, principal,
                "CHANGE_APPROVED");
    }

    private java.util.Set<String> modificationActs(String poasId) {
        PoasView poas = mongo.findById(poasId, PoasView.class);
        return poas == null ? java.util.Set.of() : poas.getModifications().stream().map(PoasView.Modification::adoptedByActId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private void approveAll(String poasId, java.util.function.Predicate<UnitView.Change> mine, String actId, LocalDate on, String source,
                            Instant at, String principal, String kind) {
        for (UnitView u : underPoas(poasId)) {
            if (approve(u, mine, actId, on, source, at, principal, kind)) {
                mongo.save(u);
            }
        }
    }

    /** A change scheduled once its approver is already on record is approved at once, by the POAS or by its modification. */
    private void approveIfAlready(UnitView u, String poasId, Instant at, String principal) {
        if (poasId == null) {
            return;
        }
        PoasView poas = mongo.findById(poasId, PoasView.class);
        if (poas == null) {
            return;
        }
        for (UnitView.Change c : new UnitView.Change[] {u.getActivation(), u.getClosure()}) {
            if (c == null || !poasId.equals(c.poasId())) {
                continue;
            }
            Optional<PoasView.Modification> modification = poas.modificationAdoptedBy(c.scheduledByActId());
            PoasView.Approval approval = modification.isPresent() ? modification.get().approval() : poas.getApproval();
            if (approval != null) {
                approve(u, x -> x == c, approval.actId(), approval.on(), null, at, principal, "CHANGE_APPROVED");
            }
        }
    }

    /** Returns whether anything changed, so a redelivered approval is a no-op. */
    private static boolean approve(UnitView u, java.util.function.Predicate<UnitView.Change> mine, String actId, LocalDate on,
                                   String source, Instant at, String principal, String kind) {
        boolean changed = false;
        UnitView.Change a = u.getActivation();
        if (a != null && a.poasId() != null && mine.test(a) && pending(a, actId, on)) {
            u.activation(a.approved(actId, on));
            changed = true;
        }
        UnitView.Change c = u.getClosure();
        if (c != null && c.poasId() != null && mine.test(c) && pending(c, actId, on)) {
            u.closure(c.approved(actId, on));
            changed = true;
        }
        if (changed) {
            u.getTrail().add(new UnitView.TrailEntry(kind, on, null, actId, null, null, source, at, who(principal)));
        }
        return changed;
    }

    private static boolean pending(UnitView.Change c, String actId, LocalDate on) {
        return !(actId.equals(c.approvedByActId()) && java.util.Objects.equals(on, c.approvedOn()));
    }

    private List<UnitView> underPoas(String poasId) {
        if (!keyed) {
            return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("activation.poasId").is(poasId),
                    Criteria.where("closure.poasId").is(poasId))), UnitView.class);
        }
        return byIds(KeyLists.ids(mongo, KEYS, "poas:" + poasId)).stream().filter(u -> poasId.equals(poasOf(u.getActivation()))
                || poasId.equals(poasOf(u.getClosure()))).toList();
    }

    private static String poasOf(UnitView.Change c) {
        return c == null ? null : c.poasId();
    }

    /** Units by their ids, in the order of the ids. */
    private List<UnitView> byIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, UnitView> found = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), UnitView.class).forEach(u -> found.put(u.getId(), u));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String detail(String group, String presidio) {
        List<String> parts = new ArrayList<>();
        if (group != null) {
            parts.add("parent " + group);
        }
        if (presidio != null) {
            parts.add("presidio " + presidio);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), UnitView.class);
        KeyLists.clear(mongo, KEYS);
        keyed = true;
    }

    @QueryHandler
    public Optional<UnitView> handle(FindUnit q) {
        return Optional.ofNullable(mongo.findById(q.unitId(), UnitView.class));
    }

    /** Units of an agency (case-insensitive), optionally with one code; codes repeat across presidi and types. */
    @QueryHandler
    public List<UnitView> handle(FindUnits q) {
        List<UnitView> units = new ArrayList<>(ofAgency(q.agency()).stream()
                .filter(u -> q.code() == null || q.code().isBlank() || q.code().strip().equals(u.getCode())).toList());
        units.sort(Comparator.comparing(UnitView::getCode, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(UnitView::getId));
        return units;
    }

    @QueryHandler
    public List<String> handle(FindReferrers q) {
        return mongo.find(Query.query(Criteria.where("refersToUnitId").is(q.unitId())), UnitView.class).stream()
                .map(UnitView::getId).sorted().toList();
    }

    public record DeltaRow(String unitId, UnitType type, String code, String name, UnitView.Change change) {
    }

    public record Summary(long count, Map<String, Long> byEffective, Map<String, Long> byType, Map<String, Long> byPresidio,
                          Map<String, Long> byGroup) {

        static Summary of(List<DeltaRow> rows) {
            return new Summary(rows.size(), count(rows, r -> r.change().rule() == EffectiveRule.ON_APPROVAL ? "ON_APPROVAL"
                    : String.valueOf(r.change().date())), count(rows, r -> r.type().name()),
                    count(rows, r -> String.valueOf(r.change().presidioAsRecorded())),
                    count(rows, r -> String.valueOf(r.change().groupAsRecorded())));
        }

        private static Map<String, Long> count(List<DeltaRow> rows, Function<DeltaRow, String> key) {
            Map<String, Long> m = new TreeMap<>();
            rows.forEach(r -> m.merge(key.apply(r), 1L, Long::sum));
            return m;
        }
    }

    /** Every change scheduled under a POAS, in recording order, with totals an auditor can check against the list. */
    public record PoasDelta(String poasId, long total, Summary activations, Summary closures, List<DeltaRow> changes) {
    }

    @QueryHandler
    public PoasDelta handle(FindPoasDelta q) {
        List<DeltaRow> rows = new ArrayList<>();
        for (UnitView u : underPoas(q.poasId())) {
            for (UnitView.Change c : new UnitView.Change[] {u.getActivation(), u.getClosure()}) {
                if (c != null && q.poasId().equals(c.poasId())) {
                    rows.add(new DeltaRow(u.getId(), u.getType(), u.getCode(), u.getName(), c));
                }
            }
        }
        rows.sort(Comparator.comparing((DeltaRow r) -> r.change().recordedAt()).thenComparing(DeltaRow::unitId));
        List<DeltaRow> activations = rows.stream().filter(r -> r.change().kind().equals("ACTIVATION")).toList();
        List<DeltaRow> closures = rows.stream().filter(r -> r.change().kind().equals("CLOSURE")).toList();
        return new PoasDelta(q.poasId(), rows.size(), Summary.of(activations), Summary.of(closures), rows);
    }

    /** One line of a POAS's audit trail: recording time and who beside the business date and the act. */
    public record AuditRow(Instant recordedAt, String recordedBy, String kind, String unitId, UnitType type, String code, String name,
                           LocalDate businessDate, String actId, String detail, String source) {
    }

    /** The POAS's own chain and every trail entry of the units it changes, in recording order. */
    @QueryHandler
    public List<AuditRow> handle(FindPoasAudit q) {
        List<AuditRow> rows = new ArrayList<>();
        PoasView poas = mongo.findById(q.poasId(), PoasView.class);
        if (poas != null) {
            for (PoasView.Step step : poas.getSteps()) {
                rows.add(new AuditRow(step.recordedAt(), null, "POAS_" + step.kind(), null, null, null, step.step(), step.on(), step.actId(),
                        step.textAsRecorded(), step.source()));
            }
        }
        for (UnitView u : underPoas(q.poasId())) {
            for (UnitView.TrailEntry t : u.getTrail()) {
                rows.add(new AuditRow(t.recordedAt(), t.recordedBy(), t.kind(), u.getId(), u.getType(), u.getCode(), u.getName(),
                        t.businessDate(), t.actId(), t.detail() != null ? t.detail() : t.rawText(), t.source()));
            }
        }
        rows.sort(Comparator.comparing(AuditRow::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(AuditRow::unitId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    public record UnitLine(String unitId, UnitType type, String code, String name, String presidio, LocalDate date, String actId,
                           String approvedByActId) {

        static UnitLine of(UnitView u, UnitView.Change c) {
            return of(u, c, u.getName());
        }

        static UnitLine of(UnitView u, UnitView.Change c, String name) {
            return new UnitLine(u.getId(), u.getType(), u.getCode(), name, u.getPresidio(), c == null ? null : c.date(),
                    c == null ? null : c.scheduledByActId(), c == null ? null : c.approvedByActId());
        }
    }

    /**
     * A unit active on the day with the units under it. {@code parentUnitId} is the recorded parent; a
     * root is a unit with no recorded parent ({@code parentUnitId} null) or whose parent is not active
     * that day ({@code flag} PARENT_NOT_ACTIVE), so no active unit is ever hidden.
     */
    public record Node(UnitLine unit, String parentUnitId, String flag, List<Node> children) {
    }

    /** {@code units} counts every active unit, {@code unplaced} those with no recorded parent (roots by necessity). */
    public record OrgChart(String agency, LocalDate asOf, long units, long unplaced, List<Node> roots) {
    }

    /** An agency by its name in any case, as the POAS read model matches it. */
    private static Criteria agency(String name) {
        return Criteria.where("agency").regex("^" + Pattern.quote(name.strip()) + "$", "i");
    }

    private List<UnitView> ofAgency(String agency) {
        if (!keyed) {
            return mongo.find(Query.query(agency(agency)), UnitView.class);
        }
        return byIds(KeyLists.ids(mongo, KEYS, agencyKey(agency))).stream()
                .filter(u -> u.getAgency() != null && u.getAgency().strip().equalsIgnoreCase(agency.strip())).toList();
    }

    private static final Comparator<UnitLine> CHART_ORDER = Comparator.comparing((UnitLine l) -> l.type().ordinal() >= UnitType.DEPARTMENT.ordinal() ? 0 : 1)
            .thenComparing(UnitLine::code, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(UnitLine::name).thenComparing(UnitLine::unitId);

    @QueryHandler
    public OrgChart handle(FindOrgChart q) {
        Map<String, UnitView> active = new java.util.HashMap<>();
        for (UnitView u : ofAgency(q.agency())) {
            if (u.statusOn(q.asOf()).equals("ACTIVE")) {
                active.put(u.getId(), u);
            }
        }
        Map<String, List<UnitView>> children = new java.util.HashMap<>();
        List<UnitView> roots = new ArrayList<>();
        long unplaced = 0;
        for (UnitView u : active.values()) {
            String parent = u.parentOn(q.asOf());
            if (parent == null) {
                unplaced++;
            }
            if (parent != null && active.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(u);
            } else {
                roots.add(u);
            }
        }
        return new OrgChart(q.agency(), q.asOf(), active.size(), unplaced, nodes(roots, children, q.asOf(), 0));
    }

    private static List<Node> nodes(List<UnitView> units, Map<String, List<UnitView>> children, LocalDate day, int depth) {
        List<Node> out = new ArrayList<>();
        for (UnitView u : units) {
            String parent = u.parentOn(day);
            // a tree built from recorded placements cannot loop (moves are checked), but a depth guard costs nothing
            List<Node> below = depth > 64 ? List.of() : nodes(children.getOrDefault(u.getId(), List.of()), children, day, depth + 1);
            String flag = depth == 0 && parent != null ? "PARENT_NOT_ACTIVE" : null;
            out.add(new Node(UnitLine.of(u, u.getActivation(), u.nameOn(day)), parent, flag, below));
        }
        out.sort(Comparator.comparing(Node::unit, CHART_ORDER));
        return out;
    }

    /** What changed between two days, each change with the act that scheduled it and the act that approved it. */
    public record UnitDiff(String agency, LocalDate from, LocalDate to, List<UnitLine> activated, List<UnitLine> closed,
                           List<Moved> moved, List<Renamed> renamed) {
    }

    /** A unit active on both days whose parent differs; {@code date} and {@code actId} are those of the last move in between. */
    public record Moved(UnitLine unit, String fromParentUnitId, String toParentUnitId, LocalDate date, String actId) {
    }

    public record Renamed(UnitLine unit, String fromName, String toName, LocalDate date, String actId) {
    }

    @QueryHandler
    public UnitDiff handle(FindUnitDiff q) {
        List<UnitLine> activated = new ArrayList<>();
        List<UnitLine> closed = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        List<Renamed> renamed = new ArrayList<>();
        for (UnitView u : ofAgency(q.agency())) {
            String before = u.statusOn(q.from());
            String after = u.statusOn(q.to());
            if (!before.equals("ACTIVE") && !before.equals("CLOSED") && !after.equals("SCHEDULED")) {
                activated.add(UnitLine.of(u, u.getActivation()));
            }
            if (!before.equals("CLOSED") && after.equals("CLOSED")) {
                closed.add(UnitLine.of(u, u.getClosure()));
            }
            if (before.equals("ACTIVE") && after.equals("ACTIVE")) {
                movedOrRenamed(u, q.from(), q.to(), moved, renamed);
            }
        }
        Comparator<UnitLine> order = Comparator.comparing(UnitLine::date)
                .thenComparing(UnitLine::code, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(UnitLine::unitId);
        activated.sort(order);
        closed.sort(order);
        moved.sort(Comparator.comparing(Moved::date).thenComparing(m -> m.unit().unitId()));
        renamed.sort(Comparator.comparing(Renamed::date).thenComparing(r -> r.unit().unitId()));
        return new UnitDiff(q.agency(), q.from(), q.to(), activated, closed, moved, renamed);
    }

    /** Compares the two days' parent and name; a move there and back in between is no difference, as the diff is of states. */
    private static void movedOrRenamed(UnitView u, LocalDate from, LocalDate to, List<Moved> moved, List<Renamed> renamed) {
        String parentBefore = u.parentOn(from);
        String parentAfter = u.parentOn(to);
        if (parentAfter != null && !parentAfter.equals(parentBefore)) {
            UnitView.Placement last = u.getPlacements().stream().filter(p -> p.from() != null && p.from().isAfter(from) && !p.from().isAfter(to))
                    .reduce((a, b) -> b).orElse(null);
            if (last != null) {
                moved.add(new Moved(UnitLine.of(u, u.getActivation(), u.nameOn(to)), parentBefore, parentAfter, last.from(), last.actId()));
            }
        }
        String nameBefore = u.nameOn(from);
        String nameAfter = u.nameOn(to);
        if (!nameAfter.equals(nameBefore)) {
            UnitView.Naming last = u.getNames().stream().filter(n -> n.from().isAfter(from) && !n.from().isAfter(to))
                    .reduce((a, b) -> b).orElseThrow();
            renamed.add(new Renamed(UnitLine.of(u, u.getActivation(), nameAfter), nameBefore, nameAfter, last.from(), last.actId()));
        }
    }
}
