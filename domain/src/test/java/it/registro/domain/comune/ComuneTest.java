package it.registro.domain.comune;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.comune.api.ComuneAliasRecorded;
import it.registro.domain.comune.api.ComuneRegistered;
import it.registro.domain.comune.api.PopulationRecorded;
import it.registro.domain.comune.api.RecordComuneAlias;
import it.registro.domain.comune.api.RecordPopulation;
import it.registro.domain.comune.api.RegisterComune;

import static it.registro.domain.common.Rejections.rejectedWith;

class ComuneTest {

    private final AggregateTestFixture<Comune> fixture = new AggregateTestFixture<>(Comune.class);
    private static final ComuneRegistered SAN_GIACOMO = new ComuneRegistered("comune-san-giacomo-delle-segnate",
            "San Giacomo delle Segnate", "MN");
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void register() {
        fixture.givenNoPriorActivity()
                .when(new RegisterComune("comune-san-giacomo-delle-segnate", "San Giacomo delle Segnate", "mn"))
                .expectEvents(SAN_GIACOMO);
    }

    @Test
    @DisplayName("seed 004 L68 writes 'S.Giacomo delle Segnate': an alias of the same comune")
    void alias() {
        fixture.given(SAN_GIACOMO)
                .when(new RecordComuneAlias("comune-san-giacomo-delle-segnate", "S.Giacomo delle Segnate", "seed 004 L68"))
                .expectEvents(new ComuneAliasRecorded("comune-san-giacomo-delle-segnate", "S.Giacomo delle Segnate",
                        "seed 004 L68"));
    }

    @Test
    @DisplayName("populations are dated; one figure per reference date")
    void population() {
        fixture.given(SAN_GIACOMO)
                .when(new RecordPopulation("comune-san-giacomo-delle-segnate", 1600, JAN_1, "ISTAT"))
                .expectEvents(new PopulationRecorded("comune-san-giacomo-delle-segnate", 1600, JAN_1, "ISTAT"));
        fixture.given(SAN_GIACOMO, new PopulationRecorded("comune-san-giacomo-delle-segnate", 1600, JAN_1, "ISTAT"))
                .when(new RecordPopulation("comune-san-giacomo-delle-segnate", 1700, JAN_1, "ISTAT"))
                .expectException(rejectedWith("POPULATION_ALREADY_RECORDED", "referenceDate"))
                .expectNoEvents();
    }

    @Test
    void badInput() {
        fixture.given(SAN_GIACOMO)
                .when(new RecordPopulation("comune-san-giacomo-delle-segnate", 0, JAN_1, "ISTAT"))
                .expectException(rejectedWith("POPULATION_OUT_OF_RANGE", "population")).expectNoEvents();
        fixture.given(SAN_GIACOMO)
                .when(new RecordPopulation("comune-san-giacomo-delle-segnate", 10, null, "ISTAT"))
                .expectException(rejectedWith("FIELD_REQUIRED", "referenceDate")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterComune("cremona", "Cremona", "CR"))
                .expectException(rejectedWith("COMUNE_ID_MALFORMED", "id")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterComune("comune-cremona", "Cremona", "CRE"))
                .expectException(rejectedWith("FIELD_TOO_LONG", "province")).expectNoEvents();
    }
}
