package it.registro.domain.territory.api;

/** Which agency an assignment names: the ASST that serves the comuni, or the ATS whose territory they are in. */
public enum AgencyLevel {
    ASST,
    ATS
}
