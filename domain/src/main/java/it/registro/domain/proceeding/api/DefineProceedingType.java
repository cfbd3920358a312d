package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import it.registro.domain.body.api.Agency;

/**
 * A proceeding type in an agency's catalogue, in force from {@code validFrom}. Without {@code term}
 * the rule is read from {@code termText}; a text that cannot be read is refused (TERM_UNPARSEABLE),
 * and the caller may then state the rule (e.g. NOT_SET), keeping the text.
 */
public record DefineProceedingType(
        @TargetAggregateIdentifier String proceedingTypeId,
        Agency agency,
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
