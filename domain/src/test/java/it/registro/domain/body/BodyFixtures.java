package it.registro.domain.body;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.KnownReferences;

/** The Collegio dei Sindaci of ATS Val Padana as deliberazione 436/2024 composed it (seed 004 L10-73). */
final class BodyFixtures {

    static final String ID = "collegio-ats-val-padana";
    static final LocalDate FROM = LocalDate.of(2024, 10, 10);
    static final ActRef DELIBERA_436 = new ActRef("ATS Val Padana", "Deliberazione", "436", FROM,
            "Deliberazione ATS n. 436 del 10/10/2024");
    static final BodyRegistered REGISTERED = new BodyRegistered(ID, BodyKind.COLLEGIO_DEI_SINDACI,
            new Agency(AgencyKind.ATS, "ATS Val Padana"), "Collegio dei Sindaci", null);

    static final String PRES_CREMONA = "conference-president-asst-cremona";
    static final String ELECTED_CREMONA = "elected-by-conference-asst-cremona";
    static final String PRES_CREMA = "conference-president-asst-crema";

    static final KnownReferences REFERENCES = new KnownReferences(
            Set.of("m1", "m2", "m3", "m4", "m5", "m6", "n1", "x1", "x2"),
            Set.of("comune-cremona", "comune-crema"));

    private BodyFixtures() {
    }

    static AggregateTestFixture<Body> fixture() {
        AggregateTestFixture<Body> fixture = new AggregateTestFixture<>(Body.class);
        fixture.registerInjectableResource(REFERENCES);
        return fixture;
    }

    /** Registered, with three seats held from 10/10/2024 by m1, m2, m3. */
    static List<Object> composed() {
        return List.of(REGISTERED,
                new CompositionActRecorded(ID, DELIBERA_436, FROM, true),
                new SeatDefined(ID, PRES_CREMONA, SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", null, DELIBERA_436),
                new MemberSeated(ID, PRES_CREMONA, "m1", "Leonardo Virgilio", "comune-cremona", FROM, null, DELIBERA_436),
                new SeatDefined(ID, ELECTED_CREMONA, SeatRole.ELECTED_BY_CONFERENCE, "ASST Cremona", null, DELIBERA_436),
                new MemberSeated(ID, ELECTED_CREMONA, "m2", "Ennio Roberto Oliva", null, FROM, null, DELIBERA_436),
                new SeatDefined(ID, PRES_CREMA, SeatRole.CONFERENCE_PRESIDENT, "ASST Crema", null, DELIBERA_436),
                new MemberSeated(ID, PRES_CREMA, "m3", "Fabio Bergamaschi", "comune-crema", FROM, null, DELIBERA_436));
    }
}
