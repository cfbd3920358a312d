package it.registro.domain.office.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganKindDefined(String organKindId, String name, String legalBasis, TermRule term, java.util.List<String> designators, String source) {
}
