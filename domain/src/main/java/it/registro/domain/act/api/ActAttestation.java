package it.registro.domain.act.api;

/** An attestation the act records: what it vouches for, who gave it, and the act's words. */
public record ActAttestation(AttestationKind kind, String byAsRecorded, String textAsRecorded) {
}
