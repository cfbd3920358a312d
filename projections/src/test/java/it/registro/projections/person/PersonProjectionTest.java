package it.registro.projections.person;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.person.api.FindPerson;
import it.registro.domain.person.api.FindPersonVersion;
import it.registro.domain.person.api.FindPersonsByName;
import it.registro.domain.person.api.PersonAliasRecorded;
import it.registro.domain.person.api.PersonRegistered;
import it.registro.projections.body.BodyProjection;
import it.registro.projections.common.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

class PersonProjectionTest {

    private static final Instant T = Instant.parse("2024-10-10T08:00:00Z");
    private InMemoryMongo mongo;
    private PersonProjection persons;
    private BodyProjection bodies;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        persons = new PersonProjection(mongo.template());
        bodies = new BodyProjection(mongo.template());
        persons.on(new PersonRegistered("n1", "Ida Maria Ada Ramponi", "seed 004 L81"), 0, T);
        persons.on(new PersonRegistered("m1", "Leonardo Virgilio", "seed 004 L15"), 0, T);
        persons.on(new PersonAliasRecorded("m1", "ANDREA VIRGILIO", "seed 004 L243"), 1, T);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void anyFormOfTheNameFindsThePersonWhateverTheCaseOrWordOrder() {
        assertThat(persons.handle(new FindPersonsByName("Ramponi Ida Maria Ada"))).extracting(PersonView::id).containsExactly("n1");
        assertThat(persons.handle(new FindPersonsByName("ANDREA VIRGILIO"))).extracting(PersonView::id).containsExactly("m1");
        assertThat(persons.handle(new FindPersonsByName("leonardo  virgilio"))).extracting(PersonView::id).containsExactly("m1");
        assertThat(persons.handle(new FindPersonsByName("Ida Ramponi"))).isEmpty();
    }

    @Test
    void theVersionIsTheLastAppliedSequenceOrMinusOneForAnUnknownPerson() {
        assertThat(persons.handle(new FindPersonVersion("m1"))).isEqualTo(1L);
        assertThat(persons.handle(new FindPersonVersion("n1"))).isEqualTo(0L);
        assertThat(persons.handle(new FindPersonVersion("nobody"))).isEqualTo(-1L);
        assertThat(persons.handle(new FindPersonVersion("m1"))).isEqualTo(persons.handle(new FindPerson("m1")).orElseThrow().person().version());
    }

    @Test
    void aliasesAreRecordedOnceEvenWhenTheEventComesAgain() {
        persons.on(new PersonAliasRecorded("m1", "ANDREA VIRGILIO", "seed 004 L243"), 1, T);
        assertThat(persons.handle(new FindPerson("m1")).orElseThrow().person().aliases()).hasSize(1);
    }

    @Test
    void historyGathersSeatsAndOfficesAcrossBodies() {
        bodies.on(new BodyRegistered("collegio", BodyKind.COLLEGIO_DEI_SINDACI, new Agency(AgencyKind.ATS, "ATS Val Padana"),
                "Collegio dei Sindaci", null), 0, T);
        bodies.on(new SeatDefined("collegio", "s1", SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", null, null), 1, T);
        bodies.on(new MemberSeated("collegio", "s1", "m1", "Leonardo Virgilio", null, LocalDate.of(2024, 10, 10), null, null), 2, T);
        bodies.on(new OfficerElected("collegio", Office.PRESIDENT, "m1", "LEONARDO VIRGILIO",
                Instant.parse("2024-10-18T12:10:00Z"), "1/24", null), 3, T);

        PersonHistory h = persons.handle(new FindPerson("m1")).orElseThrow();
        assertThat(h.memberships()).hasSize(1);
        assertThat(h.memberships().get(0).bodyId()).isEqualTo("collegio");
        assertThat(h.memberships().get(0).role()).isEqualTo(SeatRole.CONFERENCE_PRESIDENT);
        assertThat(h.memberships().get(0).from()).isEqualTo(LocalDate.of(2024, 10, 10));
        assertThat(h.offices()).extracting(PersonHistory.OfficeHeld::office).containsExactly(Office.PRESIDENT);
        assertThat(persons.handle(new FindPerson("n1")).orElseThrow().memberships()).isEmpty();
        assertThat(persons.handle(new FindPerson("nobody"))).isEmpty();
    }
}
