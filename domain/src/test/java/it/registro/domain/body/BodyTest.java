package it.registro.domain.body;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.BodyRenamed;
import it.registro.domain.body.api.RegisterBody;
import it.registro.domain.body.api.RenameBody;

import static it.registro.domain.common.Rejections.rejectedWith;

class BodyTest {

    private static final String ID = "collegio-dei-sindaci-ats-val-padana";
    private static final Agency ATS_VAL_PADANA = new Agency(AgencyKind.ATS, "ATS Val Padana");
    // Seed 004 L7-8: the Collegio "istituito in attuazione della L.R. 22 del 14/12/2021 e della D.G.R. n. 6762 del 25/07/2022".
    private static final String LEGAL_BASIS = "L.R. 22 del 14/12/2021; D.G.R. n. 6762 del 25/07/2022";
    private static final BodyRegistered REGISTERED = new BodyRegistered(ID, BodyKind.COLLEGIO_DEI_SINDACI,
            ATS_VAL_PADANA, "Collegio dei Sindaci ATS Val Padana", LEGAL_BASIS);

    private AggregateTestFixture<Body> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Body.class);
    }

    @Test
    @DisplayName("registering a body records its kind, agency, name and legal basis, with whitespace collapsed")
    void registers() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody(ID, BodyKind.COLLEGIO_DEI_SINDACI,
                        new Agency(AgencyKind.ATS, "  ATS   Val Padana "),
                        "Collegio dei Sindaci\n ATS Val Padana", LEGAL_BASIS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    @DisplayName("a blank legal basis is stored as absent, not as an empty string")
    void blankLegalBasisIsAbsent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody("direttore-generale-asst-cremona", BodyKind.DIRETTORE_GENERALE,
                        new Agency(AgencyKind.ASST, "ASST Cremona"), "Direttore Generale ASST Cremona", "  "))
                .expectEvents(new BodyRegistered("direttore-generale-asst-cremona", BodyKind.DIRETTORE_GENERALE,
                        new Agency(AgencyKind.ASST, "ASST Cremona"), "Direttore Generale ASST Cremona", null));
    }

    @Test
    @DisplayName("a Collegio dei Sindaci belongs to an ATS: registering one under an ASST is rejected")
    void kindMustFitAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody("collegio-asst-crema", BodyKind.COLLEGIO_DEI_SINDACI,
                        new Agency(AgencyKind.ASST, "ASST Crema"), "Collegio dei Sindaci ASST Crema", null))
                .expectException(rejectedWith("KIND_NOT_ALLOWED_FOR_AGENCY", "kind"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the Giunta regionale belongs to the Region, not to an agency")
    void giuntaBelongsToRegion() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody("giunta-ats", BodyKind.GIUNTA_REGIONALE,
                        ATS_VAL_PADANA, "Giunta", null))
                .expectException(rejectedWith("KIND_NOT_ALLOWED_FOR_AGENCY"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("an id that is not a lower-case slug is rejected")
    void malformedId() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody("Collegio dei Sindaci", BodyKind.COLLEGIO_DEI_SINDACI,
                        ATS_VAL_PADANA, "Collegio", null))
                .expectException(rejectedWith("BODY_ID_MALFORMED", "id"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a name is required")
    void nameRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody(ID, BodyKind.COLLEGIO_DEI_SINDACI, ATS_VAL_PADANA, " ", null))
                .expectException(rejectedWith("FIELD_REQUIRED", "name"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("an over-long name is rejected")
    void nameTooLong() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody(ID, BodyKind.COLLEGIO_DEI_SINDACI, ATS_VAL_PADANA, "x".repeat(201), null))
                .expectException(rejectedWith("FIELD_TOO_LONG", "name"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the agency's name is required")
    void agencyNameRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBody(ID, BodyKind.COLLEGIO_DEI_SINDACI, new Agency(AgencyKind.ATS, ""),
                        "Collegio", null))
                .expectException(rejectedWith("FIELD_REQUIRED", "agency.name"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a rename records the previous name, the reason and the business date it takes effect")
    void renames() {
        fixture.given(REGISTERED)
                .when(new RenameBody(ID, "Collegio dei Sindaci dell'ATS Val Padana", "Denominazione da regolamento",
                        LocalDate.of(2024, 10, 10), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BodyRenamed(ID, "Collegio dei Sindaci ATS Val Padana",
                        "Collegio dei Sindaci dell'ATS Val Padana", "Denominazione da regolamento",
                        LocalDate.of(2024, 10, 10)))
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("a rename needs a reason")
    void renameNeedsReason() {
        fixture.given(REGISTERED)
                .when(new RenameBody(ID, "Altro nome", null, LocalDate.of(2024, 10, 10), null))
                .expectException(rejectedWith("FIELD_REQUIRED", "reason"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a rename needs the date it takes effect")
    void renameNeedsDate() {
        fixture.given(REGISTERED)
                .when(new RenameBody(ID, "Altro nome", "motivo", null, null))
                .expectException(rejectedWith("FIELD_REQUIRED", "effectiveFrom"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("renaming to the current name changes nothing and is rejected")
    void renameToSameName() {
        fixture.given(REGISTERED)
                .when(new RenameBody(ID, " Collegio dei  Sindaci ATS Val Padana", "motivo",
                        LocalDate.of(2024, 10, 10), null))
                .expectException(rejectedWith("NAME_UNCHANGED", "name"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a new name cannot take effect before the name it replaces")
    void renameDatesInOrder() {
        fixture.given(REGISTERED, new BodyRenamed(ID, REGISTERED.name(), "Nome B", "motivo", LocalDate.of(2024, 10, 10)))
                .when(new RenameBody(ID, "Nome C", "motivo", LocalDate.of(2024, 1, 1), null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "effectiveFrom"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a rename on the same day as the previous one is in order")
    void renameSameDay() {
        fixture.given(REGISTERED, new BodyRenamed(ID, REGISTERED.name(), "Nome B", "motivo", LocalDate.of(2024, 10, 10)))
                .when(new RenameBody(ID, "Nome C", "correzione", LocalDate.of(2024, 10, 10), null))
                .expectEvents(new BodyRenamed(ID, "Nome B", "Nome C", "correzione", LocalDate.of(2024, 10, 10)));
    }

    @Test
    @DisplayName("G10: another name of the body is kept as an alias; a known name is refused")
    void alias() {
        fixture.given(REGISTERED)
                .when(new it.registro.domain.body.api.RecordBodyAlias(ID, "Collegio dei Sindaci di ATS Val Padana", "slide"))
                .expectEvents(new it.registro.domain.body.api.BodyAliasRecorded(ID, "Collegio dei Sindaci di ATS Val Padana", "slide"));
        fixture.given(REGISTERED)
                .when(new it.registro.domain.body.api.RecordBodyAlias(ID, "collegio dei sindaci ats val padana", null))
                .expectException(rejectedWith("ALIAS_ALREADY_KNOWN"))
                .expectNoEvents();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a mayors' body stands for a territory of its own kind, each change later than the last")
    void territory() {
        java.time.LocalDate from = java.time.LocalDate.of(2022, 3, 30);
        BodyRegistered assemblea = new BodyRegistered("assemblea-distretto-cremonese", BodyKind.ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO,
                new Agency(AgencyKind.ASST, "ASST Cremona"), "Assemblea dei Sindaci del Distretto Cremonese", null);
        var district = it.registro.domain.territory.api.TerritoryKind.DISTRICT;
        var defined = new it.registro.domain.body.api.BodyTerritoryDefined("assemblea-distretto-cremonese", district, "distretto-cremonese",
                from, "seed 000 L2341-2343");
        fixture.given(assemblea)
                .when(new it.registro.domain.body.api.DefineBodyTerritory("assemblea-distretto-cremonese", district, " distretto-cremonese ",
                        from, "seed 000 L2341-2343"))
                .expectEvents(defined);
        fixture.given(assemblea)
                .when(new it.registro.domain.body.api.DefineBodyTerritory("assemblea-distretto-cremonese",
                        it.registro.domain.territory.api.TerritoryKind.AGENCY, "ASST Cremona", from, null))
                .expectException(it.registro.domain.common.Rejections.rejectedWith("TERRITORY_KIND_MISMATCH", "kind")).expectNoEvents();
        fixture.given(assemblea, defined)
                .when(new it.registro.domain.body.api.DefineBodyTerritory("assemblea-distretto-cremonese", district, "distretto-x", from, null))
                .expectException(it.registro.domain.common.Rejections.rejectedWith("TERRITORY_CHANGE_OUT_OF_ORDER", "from")).expectNoEvents();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a Collegio dei Sindaci stands for its ATS's territory")
    void collegioTerritory() {
        java.time.LocalDate from = java.time.LocalDate.of(2022, 3, 30);
        fixture.given(REGISTERED)
                .when(new it.registro.domain.body.api.DefineBodyTerritory(ID, it.registro.domain.territory.api.TerritoryKind.AGENCY,
                        "ATS Val Padana", from, null))
                .expectEvents(new it.registro.domain.body.api.BodyTerritoryDefined(ID, it.registro.domain.territory.api.TerritoryKind.AGENCY,
                        "ATS Val Padana", from, null));
    }
}
