package it.registro.projections.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.territory.api.AmbitoAgencyAssigned;
import it.registro.domain.territory.api.AmbitoPopulationRecorded;
import it.registro.domain.territory.api.AmbitoRegistered;
import it.registro.domain.territory.api.ComunePlacedInAmbito;
import it.registro.domain.territory.api.ComuneRemovedFromAmbito;
import it.registro.domain.territory.api.DistrictAmbitiChanged;
import it.registro.domain.territory.api.DistrictEstablished;
import it.registro.domain.territory.api.FindTerritory;
import it.registro.domain.territory.api.TerritoryKind;
import it.registro.projections.comune.ComuneView;

/**
 * Keeps ambiti and districts and derives a territory on a day: which comuni, served by which ASST, with which
 * population. Writes are absolute and guarded by the aggregate's sequence number, so a replay leaves the same state.
 */
@Component
@ProcessingGroup(TerritoryProjection.PROCESSING_GROUP)
public class TerritoryProjection {

    public static final String PROCESSING_GROUP = "territory";

    private final MongoTemplate mongo;

    public TerritoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AmbitoRegistered e, @SequenceNumber long sequence) {
        mongo.save(new AmbitoView(e.ambitoId(), e.nationalCode(), e.name(), e.source(), List.of(), List.of(), List.of(), sequence));
    }

    @EventHandler
    void on(ComunePlacedInAmbito e, @SequenceNumber long sequence) {
        ambito(e.ambitoId(), sequence).ifPresent(a -> {
            List<AmbitoView.Member> comuni = new ArrayList<>(a.comuni());
            comuni.add(new AmbitoView.Member(e.comuneId(), e.from(), null, e.source()));
            save(a, comuni, a.agencies(), a.populations(), sequence);
        });
    }

    @EventHandler
    void on(ComuneRemovedFromAmbito e, @SequenceNumber long sequence) {
        ambito(e.ambitoId(), sequence).ifPresent(a -> {
            List<AmbitoView.Member> comuni = new ArrayList<>();
            for (AmbitoView.Member m : a.comuni()) {
                comuni.add(m.comuneId().equals(e.comuneId()) && m.until() == null
                        ? new AmbitoView.Member(m.comuneId(), m.from(), e.from(), m.source()) : m);
            }
            save(a, comuni, a.agencies(), a.populations(), sequence);
        });
    }

    @EventHandler
    void on(AmbitoAgencyAssigned e, @SequenceNumber long sequence) {
        ambito(e.ambitoId(), sequence).ifPresent(a -> {
            List<AmbitoView.Assignment> agencies = new ArrayList<>(a.agencies());
            agencies.add(new AmbitoView.Assignment(e.level(), e.agency(), e.comuni(), e.from(), e.source()));
            save(a, a.comuni(), agencies, a.populations(), sequence);
        });
    }

    @EventHandler
    void on(AmbitoPopulationRecorded e, @SequenceNumber long sequence) {
        ambito(e.ambitoId(), sequence).ifPresent(a -> {
            List<AmbitoView.Declared> populations = new ArrayList<>(a.populations());
            populations.add(new AmbitoView.Declared(e.population(), e.comuni(), e.referenceDate(), e.source()));
            save(a, a.comuni(), a.agencies(), populations, sequence);
        });
    }

    @EventHandler
    void on(DistrictEstablished e, @SequenceNumber long sequence) {
        mongo.save(new DistrictView(e.districtId(), e.name(), e.agency(),
                List.of(new DistrictView.Ambiti(e.ambiti(), e.from(), e.byActRef(), e.source())), sequence));
    }

    @EventHandler
    void on(DistrictAmbitiChanged e, @SequenceNumber long sequence) {
        DistrictView d = mongo.findById(e.districtId(), DistrictView.class);
        if (d == null || d.version() >= sequence) {
            return;
        }
        List<DistrictView.Ambiti> lists = new ArrayList<>(d.ambiti());
        lists.add(new DistrictView.Ambiti(e.ambiti(), e.from(), e.byActRef(), e.source()));
        mongo.save(new DistrictView(d.id(), d.name(), d.agency(), lists, sequence));
    }

    private Optional<AmbitoView> ambito(String id, long sequence) {
        AmbitoView a = mongo.findById(id, AmbitoView.class);
        return a == null || a.version() >= sequence ? Optional.empty() : Optional.of(a);
    }

    private void save(AmbitoView a, List<AmbitoView.Member> comuni, List<AmbitoView.Assignment> agencies,
                      List<AmbitoView.Declared> populations, long sequence) {
        mongo.save(new AmbitoView(a.id(), a.nationalCode(), a.name(), a.source(), comuni, agencies, populations, sequence));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), AmbitoView.class);
        mongo.remove(new Query(), DistrictView.class);
    }

    @QueryHandler
    public Optional<AmbitoView> handle(it.registro.domain.territory.api.FindAmbito q) {
        return Optional.ofNullable(mongo.findById(q.ambitoId(), AmbitoView.class));
    }

    @QueryHandler
    public Optional<DistrictView> handle(it.registro.domain.territory.api.FindDistrict q) {
        return Optional.ofNullable(mongo.findById(q.districtId(), DistrictView.class));
    }

    @QueryHandler
    public Optional<TerritoryOn> handle(FindTerritory q) {
        LocalDate on = q.on() == null ? LocalDate.now(java.time.ZoneId.of("Europe/Rome")) : q.on();
        List<TerritoryOn.Problem> problems = new ArrayList<>();
        List<AmbitoView> ambiti;
        String name;
        boolean wholeAmbiti = true;
        switch (q.kind()) {
            case AMBITO -> {
                AmbitoView a = mongo.findById(q.id(), AmbitoView.class);
                if (a == null) {
                    return Optional.empty();
                }
                ambiti = List.of(a);
                name = a.name();
            }
            case DISTRICT -> {
                DistrictView d = mongo.findById(q.id(), DistrictView.class);
                if (d == null) {
                    return Optional.empty();
                }
                name = d.name();
                List<String> ids = d.ambiti().stream().filter(l -> !l.from().isAfter(on))
                        .max(Comparator.comparing(DistrictView.Ambiti::from)).map(DistrictView.Ambiti::ambiti).orElse(List.of());
                if (ids.isEmpty()) {
                    problems.add(new TerritoryOn.Problem("DISTRICT_NOT_YET_ESTABLISHED", "Il distretto non è ancora istituito il " + on));
                }
                ambiti = mongo.find(Query.query(Criteria.where("_id").in(ids)), AmbitoView.class);
                ids.stream().filter(id -> ambiti.stream().noneMatch(a -> a.id().equals(id)))
                        .forEach(id -> problems.add(new TerritoryOn.Problem("AMBITO_NOT_REGISTERED", "Ambito " + id + " non registrato")));
            }
            default -> {
                // an ASST's or an ATS's territory: every comune it serves on the day, from whichever ambito (Lombardy has about 90);
                // made of whole ambiti when it serves every comune of each, so that their declared figures apply
                name = q.id();
                ambiti = mongo.findAll(AmbitoView.class).stream()
                        .filter(a -> comuniOn(a, on).values().stream().anyMatch(agencies -> serves(agencies, q.id()))).toList();
                wholeAmbiti = ambiti.stream().allMatch(a -> comuniOn(a, on).values().stream().allMatch(agencies -> serves(agencies, q.id())));
            }
        }
        Map<String, String[]> comuni = new TreeMap<>(); // comune -> {ambito, ASST, ATS}
        for (AmbitoView a : ambiti) {
            comuniOn(a, on).forEach((comune, agencies) -> {
                if (q.kind() != TerritoryKind.AGENCY || serves(agencies, q.id())) {
                    String[] before = comuni.put(comune, new String[]{a.id(), agencies[0], agencies[1]});
                    if (before != null) {
                        problems.add(new TerritoryOn.Problem("COMUNE_IN_TWO_AMBITI", "Il comune " + comune + " è in due ambiti il " + on + ": " + before[0] + " e " + a.id()));
                    }
                }
            });
        }
        Map<String, ComuneView> views = new HashMap<>();
        if (!comuni.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(comuni.keySet())), ComuneView.class).forEach(c -> views.put(c.id(), c));
        }
        List<TerritoryOn.ComuneOn> out = new ArrayList<>();
        long sum = 0;
        boolean everyComune = true;
        for (Map.Entry<String, String[]> c : comuni.entrySet()) {
            ComuneView view = views.get(c.getKey());
            if (view == null) {
                problems.add(new TerritoryOn.Problem("COMUNE_NOT_REGISTERED", "Comune " + c.getKey() + " non registrato"));
            }
            Optional<ComuneView.Population> p = view == null ? Optional.empty() : view.populationOn(on);
            everyComune &= p.isPresent();
            sum += p.map(ComuneView.Population::population).orElse(0L);
            out.add(new TerritoryOn.ComuneOn(c.getKey(), view == null ? null : view.name(), c.getValue()[0], c.getValue()[1], c.getValue()[2],
                    p.map(ComuneView.Population::population).orElse(null), p.map(ComuneView.Population::referenceDate).orElse(null)));
        }
        List<TerritoryOn.AmbitoOn> ambitiOn = new ArrayList<>();
        long declaredSum = 0;
        boolean everyDeclared = !ambiti.isEmpty();
        for (AmbitoView a : ambiti) {
            int count = comuniOn(a, on).size();
            Optional<AmbitoView.Declared> declared = a.populations().stream().filter(p -> !p.referenceDate().isAfter(on))
                    .max(Comparator.comparing(AmbitoView.Declared::referenceDate));
            everyDeclared &= declared.isPresent();
            declaredSum += declared.map(AmbitoView.Declared::population).orElse(0L);
            declared.filter(d -> d.comuni() > 0 && d.comuni() != count).ifPresent(d -> problems.add(new TerritoryOn.Problem("AMBITO_COUNT_DIFFERS", "L'ambito " + a.id() + " dichiara "
                    + d.comuni() + " comuni, ne risultano " + count + " il " + on)));
            ambitiOn.add(new TerritoryOn.AmbitoOn(a.id(), a.nationalCode(), a.name(), count,
                    declared.map(AmbitoView.Declared::population).orElse(null), declared.map(AmbitoView.Declared::comuni).orElse(null),
                    declared.map(AmbitoView.Declared::referenceDate).orElse(null), declared.map(AmbitoView.Declared::source).orElse(null)));
        }
        String basis;
        long population;
        if (everyComune && !out.isEmpty()) {
            basis = "COMUNI";
            population = sum;
            if (wholeAmbiti && everyDeclared && declaredSum != sum) {
                problems.add(new TerritoryOn.Problem("POPULATION_DIFFERS", "La somma delle popolazioni dei comuni (" + sum
                        + ") differisce da quella dichiarata per gli ambiti (" + declaredSum + ")"));
            }
        } else if (wholeAmbiti && everyDeclared) {
            basis = "DECLARED";
            population = declaredSum;
        } else {
            basis = "INCOMPLETE";
            population = sum;
        }
        return Optional.of(new TerritoryOn(q.kind(), q.id(), name, on, out.size(), out, ambitiOn, population, basis, problems));
    }

    /** The ambito's comuni on a day, each with {the ASST serving it, the ATS it is in} then (null where none is assigned). */
    static Map<String, String[]> comuniOn(AmbitoView a, LocalDate on) {
        Map<String, String[]> out = new TreeMap<>();
        for (AmbitoView.Member m : a.comuni()) {
            if (m.covers(on)) {
                out.put(m.comuneId(), new String[2]);
            }
        }
        // per level, the latest assignment on or before the day that names the comune (or names none: all of them) wins
        a.agencies().stream().filter(s -> !s.from().isAfter(on)).sorted(Comparator.comparing(AmbitoView.Assignment::from))
                .forEach(s -> out.forEach((comune, agencies) -> {
                    if (s.comuni().isEmpty() || s.comuni().contains(comune)) {
                        agencies[s.level() == it.registro.domain.territory.api.AgencyLevel.ATS ? 1 : 0] = s.agency();
                    }
                }));
        return out;
    }

    private static boolean serves(String[] agencies, String agency) {
        return agency.equals(agencies[0]) || agency.equals(agencies[1]);
    }
}
