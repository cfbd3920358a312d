package it.registro.domain.poas.api;

/**
 * A proceeding type (TYPE) or an open proceeding (INSTANCE) naming a unit in a role (INQUIRY,
 * FINAL_ACT): what a unit's closure must leave reassigned.
 */
public record ProceedingReference(String proceedingId, String scope, String role) {
}
