package it.registro.domain.session.api;

/** Whether an absence is stated by the minutes or inferred from them. */
public enum AbsenceBasis {
    STATED,
    INFERRED
}
