package it.registro.domain.office.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a kind of organ or office (Collegio Sindacale, Nucleo di Valutazione, CUG, Direttore Amministrativo…): its legal basis, the term of its mandates and who designates its members. */
public record DefineOrganKind(@TargetAggregateIdentifier String organKindId, String name, String legalBasis, TermRule term, java.util.List<String> designators, String source) {
}
