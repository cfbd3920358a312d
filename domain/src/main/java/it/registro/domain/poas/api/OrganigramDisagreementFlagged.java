package it.registro.domain.poas.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The organigram box and the change list disagree on a unit's date: ORGANIGRAM_DATE_MISSING (one has a
 * date, the other none) or ORGANIGRAM_DATE_CONFLICT (two different dates). INFO: the list's date stands.
 */
@Revision("1")
public record OrganigramDisagreementFlagged(
        String unitId,
        String code,
        LocalDate listDate,
        String boxDateAsRecorded,
        String boxSource) {
}
