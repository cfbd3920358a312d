package it.registro.domain.act.api;

/** Acts by issuer (body id), type and/or number, in any combination. */
public record FindActs(String issuerBodyId, ActType type, String number) {
}
