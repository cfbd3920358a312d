package it.registro.domain.proceeding.api;

import java.time.LocalDate;

/**
 * One version of a proceeding type, in force from {@code validFrom} until the next version. The term
 * is kept as the table words it ({@code termText}) beside its rule; {@code termStated} says the rule
 * was given explicitly rather than read from the text.
 */
public record TypeVersion(
        LocalDate validFrom,
        String name,
        String area,
        UnitRef inquiryUnit,
        UnitRef finalActUnit,
        String termText,
        TermRule term,
        boolean termStated,
        boolean silenceAssent,
        String substitutePowerHolder,
        String source) {

    public TypeVersion withUnits(UnitRef inquiry, UnitRef finalAct, LocalDate from) {
        return new TypeVersion(from, name, area, inquiry, finalAct, termText, term, termStated, silenceAssent, substitutePowerHolder, source);
    }
}
