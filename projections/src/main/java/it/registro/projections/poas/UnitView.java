package it.registro.projections.poas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.poas.api.EffectiveRule;
import it.registro.domain.poas.api.UnitType;
import it.registro.projections.common.Versioned;

/**
 * One organisational unit: its attributes, its scheduled activation and closure with the acts behind
 * them, and its audit trail. An activation "da data approvazione POAS" has no date until the approving
 * act has one; it is then read from that act, never guessed.
 */
@Document(UnitView.COLLECTION)
public class UnitView implements Versioned {

    public static final String COLLECTION = "units";

    /** A scheduled change as the change list has it, with its approval once the POAS is approved. */
    public record Change(String kind, EffectiveRule rule, LocalDate date, String rawText, String presidioAsRecorded,
                         String groupAsRecorded, String scheduledByActId, String poasId, String approvedByActId,
                         LocalDate approvedOn, String source, Instant recordedAt, String recordedBy) {

        Change approved(String actId, LocalDate on) {
            LocalDate d = rule == EffectiveRule.ON_APPROVAL ? on : date;
            return new Change(kind, rule, d, rawText, presidioAsRecorded, groupAsRecorded, scheduledByActId, poasId, actId, on,
                    source, recordedAt, recordedBy);
        }
    }

    /** One line of the audit trail: business date where it has one, recording time, who, under which act. */
    public record TrailEntry(String kind, LocalDate businessDate, String rawText, String actId, String otherUnitId,
                             String detail, String source, Instant recordedAt, String recordedBy) {
    }

    public record Flag(String code, String severity, String message) {
    }

    public record Link(String unitId, String kind, String basis) {
    }

    /** The unit's parent from {@code from} ({@code null}: from the unit's first day), with the act that put it there. */
    public record Placement(String parentUnitId, LocalDate from, String actId) {
    }

    /** The unit's name from {@code from} ({@code null}: its name when first recorded). */
    public record Naming(String name, LocalDate from, String actId) {
    }

    @Id
    private String id;
    private String agency;
    private UnitType type;
    private String code;
    private String name;
    private String presidio;
    private String refersToUnitId;
    private boolean existedBefore;
    private Change activation;
    private Change closure;
    private List<Placement> placements = new ArrayList<>();
    private List<Naming> names = new ArrayList<>();
    private List<Link> predecessors = new ArrayList<>();
    private List<Link> successors = new ArrayList<>();
    private List<Flag> flags = new ArrayList<>();
    private List<TrailEntry> trail = new ArrayList<>();
    private long version;

    protected UnitView() {
    }

    UnitView(String id, String agency, UnitType type, String code, String name, String presidio) {
        this.id = id;
        this.agency = agency;
        this.type = type;
        this.code = code;
        this.name = name;
        this.presidio = presidio;
    }

    /**
     * Where the unit stands on a day. A change counts only once approved; SCHEDULED until the first
     * active day, CLOSED after the last one.
     */
    public String statusOn(LocalDate day) {
        boolean started = existedBefore || activation != null && approvedBy(activation, day) && activation.date() != null
                && !activation.date().isAfter(day);
        if (!started) {
            return "SCHEDULED";
        }
        boolean ended = closure != null && approvedBy(closure, day) && closure.date().isBefore(day);
        return ended ? "CLOSED" : "ACTIVE";
    }

    /** A change under a POAS needs the POAS approved by the day; one decided by an act alone (e.g. a district) does not. */
    private static boolean approvedBy(Change c, LocalDate day) {
        return c.poasId() == null || c.approvedOn() != null && !c.approvedOn().isAfter(day);
    }

    /** The parent on a day: the last placement whose first day is not after it; empty before the first move for an unplaced unit. */
    public String parentOn(LocalDate day) {
        String parent = null;
        for (Placement p : placements) {
            if (p.from() == null || !p.from().isAfter(day)) {
                parent = p.parentUnitId();
            }
        }
        return parent;
    }

    /** The name on a day; before the first recorded rename, the name the unit was recorded with. */
    public String nameOn(LocalDate day) {
        String current = name;
        for (Naming n : names) {
            if (!n.from().isAfter(day)) {
                current = n.name();
            }
        }
        return current;
    }

    void refersTo(String unitId) { this.refersToUnitId = unitId; }
    void existedBefore() { this.existedBefore = true; }
    void activation(Change c) { this.activation = c; }
    void closure(Change c) { this.closure = c; }
    @Override
    public void version(long v) { this.version = v; }

    public String getId() { return id; }
    public String getAgency() { return agency; }
    public UnitType getType() { return type; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getPresidio() { return presidio; }
    public String getRefersToUnitId() { return refersToUnitId; }
    public boolean isExistedBefore() { return existedBefore; }
    public Change getActivation() { return activation; }
    public Change getClosure() { return closure; }
    public List<Placement> getPlacements() { return placements; }
    public List<Naming> getNames() { return names; }
    public List<Link> getPredecessors() { return predecessors; }
    public List<Link> getSuccessors() { return successors; }
    public List<Flag> getFlags() { return flags; }
    public List<TrailEntry> getTrail() { return trail; }
    @Override
    public long getVersion() { return version; }
}
