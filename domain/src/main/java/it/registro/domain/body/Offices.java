package it.registro.domain.body;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import it.registro.domain.body.api.Office;

/**
 * The offices of a body (President, Vice President…) over time: who holds each now, who held it at
 * an instant, every election that made an officer, and the interim presidency while the President's
 * office is vacant. Changed only through the methods an event handler calls.
 */
public final class Offices {

    /** An office held from an instant to an instant (exclusive), or still held when {@code to} is null. */
    public record Tenure(Office office, String personId, Instant from, Instant to, String sessionRef) {

        public boolean at(Instant instant) {
            return !instant.isBefore(from) && (to == null || instant.isBefore(to));
        }
    }

    private final List<Tenure> tenures = new ArrayList<>();
    private final Set<String> elections = new HashSet<>();
    private Instant interimFrom;

    // ------------------------------------------------------------------ reading

    /** The tenure running now (no end recorded). */
    public Optional<Tenure> current(Office office) {
        return tenures.stream().filter(t -> t.office() == office && t.to() == null).reduce((a, b) -> b);
    }

    public List<Tenure> currentAll() {
        return tenures.stream().filter(t -> t.to() == null).toList();
    }

    public Optional<String> holderAt(Office office, Instant at) {
        return tenures.stream().filter(t -> t.office() == office && t.at(at)).map(Tenure::personId).reduce((a, b) -> b);
    }

    public boolean elected(Office office, String personId, String sessionRef) {
        return elections.contains(key(office, personId, sessionRef));
    }

    public Instant interimFrom() {
        return interimFrom;
    }

    private static String key(Office office, String personId, String sessionRef) {
        return office + ":" + personId + ":" + sessionRef;
    }

    // ------------------------------------------------------------------ applied by event handlers

    void officerElected(Office office, String personId, Instant at, String sessionRef) {
        elections.add(key(office, personId, sessionRef));
        tenures.add(new Tenure(office, personId, at, null, sessionRef));
        if (office == Office.PRESIDENT) {
            interimFrom = null;
        }
    }

    void officeVacated(Office office, String personId, Instant at) {
        for (int i = 0; i < tenures.size(); i++) {
            Tenure t = tenures.get(i);
            if (t.office() == office && t.to() == null && Objects.equals(t.personId(), personId)) {
                tenures.set(i, new Tenure(office, personId, t.from(), at, t.sessionRef()));
            }
        }
    }

    void interimDesignated(Instant from) {
        interimFrom = from;
    }
}
