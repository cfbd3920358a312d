package it.registro.domain.poas.api;

/** The approval chain of a POAS, in order, with its status and deadline. */
public record FindApprovalChain(String poasId) {
}
