package it.registro.domain.proceeding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import it.registro.domain.body.api.Agency;
import it.registro.domain.proceeding.api.ProceedingTypeDefined;
import it.registro.domain.proceeding.api.ProceedingTypeRevised;
import it.registro.domain.proceeding.api.ProceedingTypeUnitReassigned;
import it.registro.domain.proceeding.api.TypeVersion;
import it.registro.domain.proceeding.api.UnitRef;

/**
 * A proceeding type's versions folded from its events; the aggregate and the catalogue lookup of
 * other aggregates use the same fold, so both see the same version on a date.
 */
public final class TypeHistory {

    private Agency agency;
    private final List<TypeVersion> versions = new ArrayList<>();

    public static TypeHistory of(Iterable<?> payloads) {
        TypeHistory h = new TypeHistory();
        payloads.forEach(h::apply);
        return h;
    }

    public void apply(Object event) {
        if (event instanceof ProceedingTypeDefined e) {
            agency = e.agency();
            add(e.version());
        } else if (event instanceof ProceedingTypeRevised e) {
            add(e.version());
        } else if (event instanceof ProceedingTypeUnitReassigned e) {
            TypeVersion base = versionOn(e.effectiveFrom()).orElse(latest());
            UnitRef inquiry = base.inquiryUnit() != null && base.inquiryUnit().names(e.fromUnitId()) ? e.toUnit() : base.inquiryUnit();
            UnitRef finalAct = base.finalActUnit() != null && base.finalActUnit().names(e.fromUnitId()) ? e.toUnit() : base.finalActUnit();
            add(base.withUnits(inquiry, finalAct, e.effectiveFrom()));
        }
    }

    private void add(TypeVersion v) {
        versions.removeIf(x -> x.validFrom().equals(v.validFrom()));
        versions.add(v);
        versions.sort(Comparator.comparing(TypeVersion::validFrom));
    }

    public boolean exists() {
        return agency != null;
    }

    public Agency agency() {
        return agency;
    }

    public List<TypeVersion> versions() {
        return List.copyOf(versions);
    }

    public TypeVersion latest() {
        return versions.get(versions.size() - 1);
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
}
