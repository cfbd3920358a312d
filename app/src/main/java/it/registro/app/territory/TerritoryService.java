package it.registro.app.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.FindComposition;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.territory.api.FindAmbito;
import it.registro.domain.territory.api.FindDistrict;
import it.registro.domain.territory.api.FindTerritory;
import it.registro.domain.territory.api.TerritoryKind;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.body.BodyView;
import it.registro.projections.territory.AmbitoView;
import it.registro.projections.territory.DistrictView;
import it.registro.projections.territory.TerritoryOn;

/** The territory's public face for controllers and pages: territories on a day, and a body's composition checked against its own. */
@Service
public class TerritoryService {

    /**
     * A body's mayors' seats on a day against the comuni of its territory then: the comuni with no seat, the seats of
     * comuni outside it, and the territory's population beside the composition's.
     */
    public record CompositionCheck(String bodyId, LocalDate on, BodyView.Territory territory, TerritoryOn derived, int seats,
                                   List<String> comuniWithoutSeat, List<String> seatsOutsideTerritory, long compositionPopulation,
                                   boolean agrees, java.util.Map<String, String> comuneNames) {

        /** A comune by its name where the register knows it, else by its id. */
        public String name(String comuneId) {
            return comuneNames.getOrDefault(comuneId, comuneId);
        }
    }

    private final QueryGateway queries;

    public TerritoryService(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<TerritoryOn> territory(TerritoryKind kind, String id, LocalDate on) {
        return queries.query(new FindTerritory(kind, id, on), ResponseTypes.optionalInstanceOf(TerritoryOn.class)).join();
    }

    public Optional<AmbitoView> ambito(String id) {
        return queries.query(new FindAmbito(id), ResponseTypes.optionalInstanceOf(AmbitoView.class)).join();
    }

    public Optional<DistrictView> district(String id) {
        return queries.query(new FindDistrict(id), ResponseTypes.optionalInstanceOf(DistrictView.class)).join();
    }

    public Optional<BodyView> body(String id) {
        return queries.query(new FindBody(id), ResponseTypes.optionalInstanceOf(BodyView.class)).join();
    }

    /** Empty when the body is unknown; a check without a territory when none is defined on the day. */
    public Optional<CompositionCheck> check(String bodyId, LocalDate on) {
        Optional<BodyView> body = body(bodyId);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        BodyTimeline.Composition composition = queries.query(new FindComposition(bodyId, on),
                ResponseTypes.optionalInstanceOf(BodyTimeline.Composition.class)).join().orElse(null);
        Set<String> seated = new TreeSet<>();
        int seats = 0;
        if (composition != null) {
            for (BodyTimeline.SeatOnDate seat : composition.seats()) {
                // a mayor's seat stands for its holder's comune, or, vacant, for the comune it is defined for
                String comune = seat.holder() != null && seat.holder().comuneId() != null ? seat.holder().comuneId()
                        : seat.constituency() != null && seat.constituency().startsWith("comune-") ? seat.constituency() : null;
                if (seat.role() == SeatRole.MAYOR && comune != null) {
                    seated.add(comune);
                    seats++;
                }
            }
        }
        Optional<BodyView.Territory> territory = body.get().territoryOn(on);
        TerritoryOn derived = territory.flatMap(t -> territory(t.kind(), t.territoryId(), on)).orElse(null);
        Set<String> expected = new TreeSet<>();
        if (derived != null) {
            derived.comuni().forEach(c -> expected.add(c.comuneId()));
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(seated);
        List<String> outside = new ArrayList<>(seated);
        outside.removeAll(expected);
        boolean agrees = derived != null && missing.isEmpty() && outside.isEmpty();
        java.util.Map<String, String> names = new java.util.TreeMap<>();
        if (derived != null) {
            derived.comuni().stream().filter(c -> c.name() != null).forEach(c -> names.put(c.comuneId(), c.name()));
        }
        for (String comune : outside) {
            queries.query(new it.registro.domain.comune.api.FindComune(comune),
                    ResponseTypes.optionalInstanceOf(it.registro.projections.comune.ComuneView.class)).join()
                    .ifPresent(c -> names.put(c.id(), c.name()));
        }
        return Optional.of(new CompositionCheck(bodyId, on, territory.orElse(null), derived, seats, missing, outside,
                composition == null ? 0 : composition.population(), agrees, names));
    }
}
