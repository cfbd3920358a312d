package it.registro.projections.territory;

import java.time.LocalDate;
import java.util.List;

import it.registro.domain.territory.api.TerritoryKind;

/**
 * A territory on a day: its comuni with the ambito and ASST of each and the population in force, the ambiti it is
 * made of with the figures documents declare, and the population base. {@code populationBasis}: {@code COMUNI} when
 * every comune has a figure in force (their sum), {@code DECLARED} when the territory is made of whole ambiti whose
 * declared figures are used because some comune has none, {@code INCOMPLETE} otherwise (the known part, never
 * silently short). {@code problems} lists what does not add up, in words, never dropped.
 */
public record TerritoryOn(TerritoryKind kind, String id, String name, LocalDate on, int comuniCount, List<ComuneOn> comuni,
                          List<AmbitoOn> ambiti, long population, String populationBasis, List<Problem> problems) {

    /** What does not add up: a stable code and the words shown to the secretariat. */
    public record Problem(String code, String message) {
    }

    /** {@code agency}: the ASST serving the comune; {@code ats}: the ATS whose territory it is in (null when not recorded). */
    public record ComuneOn(String comuneId, String name, String ambitoId, String agency, String ats, Long population, LocalDate populationDate) {
    }

    public record AmbitoOn(String ambitoId, String nationalCode, String name, int comuni, Long declaredPopulation,
                           Integer declaredComuni, LocalDate declaredOn, String declaredSource) {
    }
}
