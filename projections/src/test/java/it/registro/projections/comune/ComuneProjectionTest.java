package it.registro.projections.comune;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import it.registro.domain.comune.api.ComuneAliasRecorded;
import it.registro.domain.comune.api.ComuneRegistered;
import it.registro.domain.comune.api.FindComune;
import it.registro.domain.comune.api.PopulationRecorded;
import it.registro.projections.common.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

class ComuneProjectionTest {

    private static final Instant T = Instant.parse("2024-10-10T08:00:00Z");
    private InMemoryMongo mongo;
    private ComuneProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        projection = new ComuneProjection(mongo.template());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void populationAsOfADateIsTheLatestFigureNotAfterIt() {
        // figures may be recorded in any order of reference date
        projection.on(new ComuneRegistered("comune-crema", "Crema", "CR"), 0, T);
        projection.on(new PopulationRecorded("comune-crema", 34_000, LocalDate.of(2024, 1, 1), "ISTAT"), 1, T);
        projection.on(new PopulationRecorded("comune-crema", 33_000, LocalDate.of(2023, 1, 1), "ISTAT"), 2, T);
        projection.on(new ComuneAliasRecorded("comune-crema", "CREMA", "slides"), 3, T);

        ComuneView crema = projection.handle(new FindComune("comune-crema")).orElseThrow();
        assertThat(crema.populations()).extracting(ComuneView.Population::population).containsExactly(33_000L, 34_000L);
        assertThat(crema.populationOn(LocalDate.of(2023, 6, 1)).orElseThrow().population()).isEqualTo(33_000);
        assertThat(crema.populationOn(LocalDate.of(2024, 6, 1)).orElseThrow().population()).isEqualTo(34_000);
        assertThat(crema.populationOn(LocalDate.of(2022, 6, 1))).isEmpty();
        assertThat(crema.aliases()).hasSize(1);
    }
}
