package it.registro.projections.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.BodyRenamed;
import it.registro.domain.body.api.FindBodies;
import it.registro.domain.body.api.FindBody;
import it.registro.projections.common.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

class BodyProjectionTest {

    private static final Instant T0 = Instant.parse("2024-10-10T08:00:00Z");
    private static final Instant T1 = Instant.parse("2024-10-11T08:00:00Z");
    private static final BodyRegistered COLLEGIO = new BodyRegistered("collegio-ats-val-padana",
            BodyKind.COLLEGIO_DEI_SINDACI, new Agency(AgencyKind.ATS, "ATS Val Padana"),
            "Collegio dei Sindaci", "L.R. 22/2021");
    private static final BodyRegistered CONFERENZA_CREMA = new BodyRegistered("conferenza-asst-crema",
            BodyKind.CONFERENZA_DEI_SINDACI, new Agency(AgencyKind.ASST, "ASST Crema"),
            "Conferenza dei Sindaci ASST di Crema", null);
    private static final BodyRegistered CONFERENZA_CREMONA = new BodyRegistered("conferenza-asst-cremona",
            BodyKind.CONFERENZA_DEI_SINDACI, new Agency(AgencyKind.ASST, "ASST Cremona"),
            "Conferenza dei Sindaci ASST di Cremona", null);
    private static final BodyRenamed RENAMED = new BodyRenamed("collegio-ats-val-padana", "Collegio dei Sindaci",
            "Collegio dei Sindaci di ATS Val Padana", "regolamento", LocalDate.of(2024, 10, 10));

    private InMemoryMongo mongo;
    private BodyProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        projection = new BodyProjection(mongo.template());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void registrationCreatesTheView() {
        projection.on(COLLEGIO, 0, T0);

        BodyView view = projection.handle(new FindBody("collegio-ats-val-padana")).orElseThrow();
        assertThat(view.getKind()).isEqualTo(BodyKind.COLLEGIO_DEI_SINDACI);
        assertThat(view.getAgency()).isEqualTo(new Agency(AgencyKind.ATS, "ATS Val Padana"));
        assertThat(view.getName()).isEqualTo("Collegio dei Sindaci");
        assertThat(view.getLegalBasis()).isEqualTo("L.R. 22/2021");
        assertThat(view.getVersion()).isZero();
        assertThat(view.getRegisteredAt()).isEqualTo(T0);
    }

    @Test
    void renameKeepsTheDatedHistoryOfNames() {
        projection.on(COLLEGIO, 0, T0);
        projection.on(RENAMED, 1, T1);

        BodyView view = projection.handle(new FindBody("collegio-ats-val-padana")).orElseThrow();
        assertThat(view.getName()).isEqualTo("Collegio dei Sindaci di ATS Val Padana");
        assertThat(view.getVersion()).isEqualTo(1);
        assertThat(view.getNames()).extracting(BodyView.NameEntry::name)
                .containsExactly("Collegio dei Sindaci", "Collegio dei Sindaci di ATS Val Padana");
        assertThat(view.getNames().get(1).effectiveFrom()).isEqualTo(LocalDate.of(2024, 10, 10));
        assertThat(view.getNames().get(1).recordedAt()).isEqualTo(T1);
        assertThat(view.nameOn(LocalDate.of(2024, 10, 9))).isEqualTo("Collegio dei Sindaci");
        assertThat(view.nameOn(LocalDate.of(2024, 10, 10))).isEqualTo("Collegio dei Sindaci di ATS Val Padana");
    }

    @Test
    void handlingTheSameEventsTwiceGivesTheSameDocument() {
        projection.on(COLLEGIO, 0, T0);
        projection.on(RENAMED, 1, T1);
        org.bson.Document once = raw("collegio-ats-val-padana");

        projection.on(RENAMED, 1, T1);
        projection.on(RENAMED, 1, T1);

        assertThat(raw("collegio-ats-val-padana")).isEqualTo(once);
    }

    private org.bson.Document raw(String id) {
        return mongo.template().getCollection(BodyView.COLLECTION).find(new org.bson.Document("_id", id)).first();
    }

    @Test
    void resetEmptiesTheReadModel() {
        projection.on(COLLEGIO, 0, T0);
        projection.reset();
        assertThat(projection.handle(new FindBody("collegio-ats-val-padana"))).isEmpty();
    }

    @Test
    void listsFilterByKindAndAgencyAndSortByName() {
        projection.on(COLLEGIO, 0, T0);
        projection.on(CONFERENZA_CREMONA, 0, T0);
        projection.on(CONFERENZA_CREMA, 0, T0);

        List<BodyView> all = projection.handle(new FindBodies(null, null));
        assertThat(all).extracting(BodyView::getId)
                .containsExactly("collegio-ats-val-padana", "conferenza-asst-crema", "conferenza-asst-cremona");
        assertThat(projection.handle(new FindBodies(BodyKind.CONFERENZA_DEI_SINDACI, null)))
                .extracting(BodyView::getId).containsExactly("conferenza-asst-crema", "conferenza-asst-cremona");
        // the agency filter is an exact, case-insensitive match: "ASST Crema" is not "ASST Cremona"
        assertThat(projection.handle(new FindBodies(null, "asst crema")))
                .extracting(BodyView::getId).containsExactly("conferenza-asst-crema");
        assertThat(projection.handle(new FindBodies(BodyKind.COLLEGIO_DEI_SINDACI, "ASST Crema"))).isEmpty();
    }

    @Test
    void unknownBodyIsEmpty() {
        assertThat(projection.handle(new FindBody("nope"))).isEmpty();
    }
}
