package it.registro.domain.act.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What an act may ask about another before relating to it: whether it exists, its date, whether it
 * is already revoked. Answered from the event store.
 */
public interface ActFacts {

    Optional<ActFact> find(String actId);

    record ActFact(String actId, String issuerBodyId, LocalDate date, boolean revoked) {
    }
}
