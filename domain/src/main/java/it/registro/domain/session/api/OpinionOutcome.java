package it.registro.domain.session.api;

/** A parere. */
public enum OpinionOutcome {
    FAVOURABLE,
    UNFAVOURABLE,
    FAVOURABLE_WITH_CONDITIONS
}
