package it.registro.domain.act.api;

import java.time.LocalDate;
import java.util.Optional;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;

/**
 * What an act may ask about another before relating to it: whether it exists, its date, whether it
 * is already revoked. Answered from the event store.
 */
public interface ActFacts {

    Optional<ActFact> find(String actId);

    /** The registered act; an unknown one is the rejection UNKNOWN_ACT on {@code field}. */
    default ActFact require(String actId, String field) {
        return find(actId).orElseThrow(() -> new CommandRejectedException(
                Rejection.invalid("UNKNOWN_ACT", field, "No act '" + actId + "' is registered")));
    }

    record ActFact(String actId, String issuerBodyId, LocalDate date, boolean revoked) {
    }
}
