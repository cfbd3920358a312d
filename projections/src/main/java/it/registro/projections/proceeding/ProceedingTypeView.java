package it.registro.projections.proceeding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.proceeding.api.TypeVersion;
import it.registro.domain.proceeding.api.UnitRef;
import it.registro.projections.common.Versioned;

/** One proceeding type with every version by date, and the reassignments of its units under POAS acts. */
@Document(ProceedingTypeView.COLLECTION)
public class ProceedingTypeView implements Versioned {

    public static final String COLLECTION = "proceeding_types";

    public record Reassignment(String fromUnitId, UnitRef toUnit, List<String> roles, String actId, String poasId, LocalDate effectiveFrom) {
    }

    @Id
    private String id;
    private AgencyKind agencyKind;
    private String agencyName;
    private List<TypeVersion> versions = new ArrayList<>();
    private List<Reassignment> reassignments = new ArrayList<>();
    /** Units named by the latest version, for "which proceedings name this unit". */
    private List<String> namedUnitIds = new ArrayList<>();
    private long version;

    public ProceedingTypeView() {
    }

    public ProceedingTypeView(String id, AgencyKind agencyKind, String agencyName) {
        this.id = id;
        this.agencyKind = agencyKind;
        this.agencyName = agencyName;
    }

    public Optional<TypeVersion> versionOn(LocalDate day) {
        TypeVersion found = null;
        for (TypeVersion v : versions) {
            if (!v.validFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    public TypeVersion latest() {
        return versions.get(versions.size() - 1);
    }

    void refreshNamedUnits() {
        namedUnitIds = new ArrayList<>();
        TypeVersion v = latest();
        for (UnitRef u : new UnitRef[]{v.inquiryUnit(), v.finalActUnit()}) {
            if (u != null && u.unitId() != null && !namedUnitIds.contains(u.unitId())) {
                namedUnitIds.add(u.unitId());
            }
        }
    }

    public String getId() {
        return id;
    }

    public AgencyKind getAgencyKind() {
        return agencyKind;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public List<TypeVersion> getVersions() {
        return versions;
    }

    public List<Reassignment> getReassignments() {
        return reassignments;
    }

    public List<String> getNamedUnitIds() {
        return namedUnitIds;
    }

    @Override

    public long getVersion() {
        return version;
    }

    @Override

    public void version(long v) {
        version = v;
    }
}
