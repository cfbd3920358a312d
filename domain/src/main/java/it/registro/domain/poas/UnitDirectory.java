package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a unit's decisions need to know of other units. */
public interface UnitDirectory {

    /** Which units refer to a unit (e.g. a function whose afferenza is the unit), asked when the unit is to close. */
    List<String> referrers(String unitId);

    /** The unit's scheduled last active day, or empty when it is not scheduled to close (or does not exist). */
    Optional<LocalDate> lastDay(String unitId);

    boolean exists(String unitId);

    /** The unit's parent as last placed or moved, whatever the dates; empty for a root or an unknown unit. */
    Optional<String> parentOf(String unitId);
    /** Proceeding types and open proceedings naming the unit, asked when it is to close; none by default. */
    default List<it.registro.domain.poas.api.ProceedingReference> proceedingsNaming(String unitId) {
        return List.of();
    }
}
