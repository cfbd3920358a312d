package it.registro.domain.body.api;

/** The kind of public entity a body belongs to. */
public enum AgencyKind {
    /** Regione Lombardia: the Giunta and its directorates (e.g. DG Welfare). */
    REGIONE,
    /** Agenzia di Tutela della Salute, over several ASSTs (e.g. ATS Val Padana). */
    ATS,
    /** Azienda Socio-Sanitaria Territoriale (e.g. ASST Cremona, ASST Crema). */
    ASST,
    /** A former Azienda Ospedaliera (e.g. of Cremona), replaced by an ASST on 1 January 2016. */
    AZIENDA_OSPEDALIERA
}
