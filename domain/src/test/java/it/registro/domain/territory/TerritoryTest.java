package it.registro.domain.territory;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.territory.api.AgencyLevel;
import it.registro.domain.territory.api.AmbitoAgencyAssigned;
import it.registro.domain.territory.api.AmbitoPopulationRecorded;
import it.registro.domain.territory.api.AmbitoRegistered;
import it.registro.domain.territory.api.AssignAmbitoAgency;
import it.registro.domain.territory.api.ChangeDistrictAmbiti;
import it.registro.domain.territory.api.ComunePlacedInAmbito;
import it.registro.domain.territory.api.ComuneRemovedFromAmbito;
import it.registro.domain.territory.api.DistrictAmbitiChanged;
import it.registro.domain.territory.api.DistrictEstablished;
import it.registro.domain.territory.api.EstablishDistrict;
import it.registro.domain.territory.api.PlaceComuneInAmbito;
import it.registro.domain.territory.api.RecordAmbitoPopulation;
import it.registro.domain.territory.api.RegisterAmbito;
import it.registro.domain.territory.api.RemoveComuneFromAmbito;

import static it.registro.domain.common.Rejections.rejectedWith;

/** Ambiti and districts from seed 000's district table (L10384-10404) and the Distretto Cremonese (L2339-2343). */
class TerritoryTest {

    private final AggregateTestFixture<Ambito> ambiti = new AggregateTestFixture<>(Ambito.class);
    private final AggregateTestFixture<District> districts = new AggregateTestFixture<>(District.class);
    private static final String SEED = "seed 000 L10388-10394";
    private static final LocalDate FROM = LocalDate.of(2022, 3, 1);
    private static final AmbitoRegistered OGLIO_PO = new AmbitoRegistered("50097", "lom_48", "Oglio Po", SEED);

    @Test
    @DisplayName("seed 000 L10388: ambito 50097 lom_48 Oglio Po, 27 comuni, 82.358 inhabitants, served by two ASSTs")
    void ambitoOverTwoAgencies() {
        ambiti.givenNoPriorActivity().when(new RegisterAmbito("50097", "lom_48", " Oglio  Po ", SEED)).expectEvents(OGLIO_PO);
        ambiti.given(OGLIO_PO).when(new PlaceComuneInAmbito("50097", "comune-casalmaggiore", FROM, "seed 000 L10428"))
                .expectEvents(new ComunePlacedInAmbito("50097", "comune-casalmaggiore", FROM, "seed 000 L10428"));
        ambiti.given(OGLIO_PO, new ComunePlacedInAmbito("50097", "comune-casalmaggiore", FROM, null),
                        new ComunePlacedInAmbito("50097", "comune-viadana", FROM, null))
                .when(new AssignAmbitoAgency("50097", AgencyLevel.ASST, "ASST Cremona", List.of("comune-casalmaggiore"), FROM, SEED))
                .expectEvents(new AmbitoAgencyAssigned("50097", AgencyLevel.ASST, "ASST Cremona", List.of("comune-casalmaggiore"), FROM, SEED));
        ambiti.given(OGLIO_PO)
                .when(new RecordAmbitoPopulation("50097", 82_358, 27, FROM, SEED))
                .expectEvents(new AmbitoPopulationRecorded("50097", 82_358, 27, FROM, SEED));
    }

    @Test
    @DisplayName("a comune is in an ambito once at a time; an ASST is assigned only comuni of the ambito")
    void refusals() {
        ComunePlacedInAmbito placed = new ComunePlacedInAmbito("50097", "comune-viadana", FROM, null);
        ambiti.given(OGLIO_PO, placed).when(new PlaceComuneInAmbito("50097", "comune-viadana", FROM.plusYears(1), null))
                .expectException(rejectedWith("COMUNE_ALREADY_IN_AMBITO", "comuneId")).expectNoEvents();
        ambiti.given(OGLIO_PO).when(new RemoveComuneFromAmbito("50097", "comune-viadana", FROM, null))
                .expectException(rejectedWith("COMUNE_NOT_IN_AMBITO", "comuneId")).expectNoEvents();
        ambiti.given(OGLIO_PO, placed).when(new AssignAmbitoAgency("50097", AgencyLevel.ASST, "ASST Mantova", List.of("comune-cremona"), FROM, null))
                .expectException(rejectedWith("COMUNE_NOT_IN_AMBITO", "comuni")).expectNoEvents();
        ambiti.given(OGLIO_PO).when(new PlaceComuneInAmbito("50097", "Viadana", FROM, null))
                .expectException(rejectedWith("COMUNE_ID_MALFORMED", "comuneId")).expectNoEvents();
        ambiti.given(OGLIO_PO, new AmbitoPopulationRecorded("50097", 82_358, 27, FROM, SEED))
                .when(new RecordAmbitoPopulation("50097", 82_000, 27, FROM, SEED))
                .expectException(rejectedWith("POPULATION_ALREADY_RECORDED", "referenceDate")).expectNoEvents();
        ambiti.givenNoPriorActivity().when(new RegisterAmbito("50 097", null, "Oglio Po", null))
                .expectException(rejectedWith("AMBITO_ID_MALFORMED", "id")).expectNoEvents();
    }

    @Test
    @DisplayName("a comune that moves leaves one ambito on the day it joins the other")
    void comuneMoves() {
        ambiti.given(OGLIO_PO, new ComunePlacedInAmbito("50097", "comune-viadana", FROM, null))
                .when(new RemoveComuneFromAmbito("50097", "comune-viadana", FROM.plusYears(2), "DGR"))
                .expectEvents(new ComuneRemovedFromAmbito("50097", "comune-viadana", FROM.plusYears(2), "DGR"));
    }

    @Test
    @DisplayName("seed 000 L2341-2343: decree 150 of 29/03/2022 establishes the Distretto Cremonese over ambito 50006")
    void district() {
        LocalDate from = LocalDate.of(2022, 3, 30);
        DistrictEstablished cremonese = new DistrictEstablished("distretto-cremonese", "Distretto Cremonese", "ASST Cremona",
                List.of("50006"), from, "Decreto DG n. 150 del 29/03/2022", "seed 000 L2341-2343");
        districts.givenNoPriorActivity()
                .when(new EstablishDistrict("distretto-cremonese", "Distretto Cremonese", "ASST Cremona", List.of("50006", "50006"), from,
                        "Decreto DG n. 150 del 29/03/2022", "seed 000 L2341-2343"))
                .expectEvents(cremonese);
        districts.given(cremonese).when(new ChangeDistrictAmbiti("distretto-cremonese", List.of("50006", "50097"), from.plusYears(1), null, null))
                .expectEvents(new DistrictAmbitiChanged("distretto-cremonese", List.of("50006", "50097"), from.plusYears(1), null, null));
        districts.given(cremonese).when(new ChangeDistrictAmbiti("distretto-cremonese", List.of("50097"), from, null, null))
                .expectException(rejectedWith("DISTRICT_CHANGE_OUT_OF_ORDER", "from")).expectNoEvents();
        districts.givenNoPriorActivity()
                .when(new EstablishDistrict("distretto-x", "X", "ASST Cremona", List.of(), from, null, null))
                .expectException(rejectedWith("AMBITI_REQUIRED", "ambiti")).expectNoEvents();
    }
}
