package it.registro.domain.body.api;

/** How members count for quorum and votes. */
public enum Weighting {
    /** One member, one vote. */
    HEADCOUNT,
    /** Each member counts for the population of the comune they represent. */
    POPULATION
}
