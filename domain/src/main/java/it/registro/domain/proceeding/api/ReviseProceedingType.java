package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new version of a proceeding type, in force from {@code validFrom} (after the current version's). */
public record ReviseProceedingType(
        @TargetAggregateIdentifier String proceedingTypeId,
        LocalDate validFrom,
        String name,
        String area,
        UnitRef inquiryUnit,
        UnitRef finalActUnit,
        String termText,
        TermRule term,
        Boolean silenceAssent,
        String substitutePowerHolder,
        String source) {
}
