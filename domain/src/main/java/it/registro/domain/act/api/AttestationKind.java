package it.registro.domain.act.api;

/** What an attestation on an act vouches for ("in ordine alla regolarità tecnica", "… contabile", "… di legittimità"). */
public enum AttestationKind {
    TECHNICAL_REGULARITY,
    LEGAL_REGULARITY,
    ACCOUNTING_REGULARITY,
    OTHER
}
