package it.registro.app.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyKind;
import it.registro.projections.body.BodyView;

/** A body as the API shows it; {@code corrections}: every correction of its record, with the old and new values and the reason. */
public record BodyResource(
        String id,
        BodyKind kind,
        BodyKind.Category category,
        Agency agency,
        String name,
        String legalBasis,
        List<Name> names,
        List<Name> aliases,
        BodyView.Succession succession,
        List<BodyView.Correction> corrections,
        long version,
        Instant registeredAt,
        Instant updatedAt) {

    /** A name of the body: from when it applies (business date), why, and when it was recorded. */
    public record Name(String name, LocalDate effectiveFrom, String reason, Instant recordedAt) {
    }

    static BodyResource of(BodyView view) {
        return new BodyResource(view.getId(), view.getKind(), view.getKind().category(), view.getAgency(), view.getName(),
                view.getLegalBasis(),
                view.getNames().stream().map(n -> new Name(n.name(), n.effectiveFrom(), n.reason(), n.recordedAt())).toList(),
                view.getAliases().stream().map(n -> new Name(n.name(), null, n.reason(), n.recordedAt())).toList(),
                view.getSuccession(), view.getCorrections(), view.getVersion(), view.getRegisteredAt(), view.getUpdatedAt());
    }
}
