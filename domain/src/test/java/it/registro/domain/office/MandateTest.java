package it.registro.domain.office;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.office.api.AppointToOffice;
import it.registro.domain.office.api.DefineOrganKind;
import it.registro.domain.office.api.DelegatePowers;
import it.registro.domain.office.api.EndMandate;
import it.registro.domain.office.api.MandateEnded;
import it.registro.domain.office.api.MandateStarted;
import it.registro.domain.office.api.OrganKindDefined;
import it.registro.domain.office.api.PowersDelegated;
import it.registro.domain.office.api.TermRule;

import static it.registro.domain.common.Rejections.rejectedWith;

/** Organs and mandates as seed 000 describes them (L1010-1020, L1057-1060, L1340-1344). */
class MandateTest {

    static final OrganKindDefined COLLEGIO_SINDACALE = new OrganKindDefined("collegio-sindacale", "Collegio Sindacale", "d.lgs. 502/1992; l.r. 33/2009",
            new TermRule(TermRule.Kind.FIXED, 3, null, null, "dura in carica per tre anni"),
            List.of("Regione Lombardia", "Ministero dell'Economia e delle Finanze", "Ministero della Salute"), "seed 000 L1012-1014");
    static final OrganKindDefined DIRETTORE_AMMINISTRATIVO = new OrganKindDefined("direttore-amministrativo", "Direttore Amministrativo", null,
            new TermRule(TermRule.Kind.RANGE, null, 3, 5, "non può essere inferiore a tre e superiore a cinque anni"), List.of(), "seed 000 L1057-1060");
    static final OrganKindDefined DIRETTORE_GENERALE = new OrganKindDefined("direttore-generale", "Direttore Generale", null,
            new TermRule(TermRule.Kind.RANGE, null, 3, 5, "FIXTURE"), List.of(), "FIXTURE");
    static final Map<String, OrganKindDefined> KINDS = Map.of("collegio-sindacale", COLLEGIO_SINDACALE,
            "direttore-amministrativo", DIRETTORE_AMMINISTRATIVO, "direttore-generale", DIRETTORE_GENERALE);
    static final LocalDate FROM = LocalDate.of(2022, 1, 1);

    private AggregateTestFixture<Mandate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mandate.class);
        fixture.registerInjectableResource((OrganKinds) id -> Optional.ofNullable(KINDS.get(id)));
    }

    @Test
    @DisplayName("L1012: a member of the Collegio Sindacale, designated by the MEF, serves three years; four are refused, and so is another designator")
    void collegioSindacale() {
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("cs-asst-cremona-2022-mef", "ASST Cremona", "collegio-sindacale", null, null, "Componente MEF",
                        "Ministero dell'Economia e delle Finanze", FROM, null, "Decreto DG n. 1 del 01/01/2022", "FIXTURE"))
                .expectEvents(new MandateStarted("cs-asst-cremona-2022-mef", "ASST Cremona", "collegio-sindacale", null, null, "Componente MEF",
                        "Ministero dell'Economia e delle Finanze", FROM, LocalDate.of(2024, 12, 31), COLLEGIO_SINDACALE.term(),
                        "Decreto DG n. 1 del 01/01/2022", "FIXTURE"));
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("cs-x", "ASST Cremona", "collegio-sindacale", null, null, "X", null, FROM, LocalDate.of(2025, 12, 31), null, null))
                .expectException(rejectedWith("TERM_OUTSIDE_RULE", "until")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("cs-y", "ASST Cremona", "collegio-sindacale", null, null, "Y", "Provincia di Cremona", FROM, null, null, null))
                .expectException(rejectedWith("DESIGNATOR_NOT_PROVIDED", "designatedBy")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("cs-z", "ASST Cremona", "nucleo-di-valutazione", null, null, "Z", null, FROM, null, null, null))
                .expectException(rejectedWith("ORGAN_KIND_UNKNOWN", "organKindId")).expectNoEvents();
    }

    @Test
    @DisplayName("L1059-1060: a Direttore Amministrativo for three to five years: two are refused, four accepted, none stated refused")
    void strategicDirectorTerm() {
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("da-1", "ASST Cremona", "direttore-amministrativo", null, "p1", null, null, FROM, LocalDate.of(2023, 12, 31), null, null))
                .expectException(rejectedWith("TERM_OUTSIDE_RULE", "until")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("da-1", "ASST Cremona", "direttore-amministrativo", null, "p1", null, null, FROM, null, null, null))
                .expectException(rejectedWith("TERM_OUTSIDE_RULE", "until")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AppointToOffice("da-1", "ASST Cremona", "direttore-amministrativo", null, "p1", null, null, FROM, LocalDate.of(2025, 12, 31), null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("L1342-1344: the DG's delegations last no longer than the DG's own mandate; with no end, they end with it")
    void delegationsWithinTheMandate() {
        MandateStarted dg = new MandateStarted("dg-1", "ASST Cremona", "direttore-generale", null, "p-dg", null, null, FROM, LocalDate.of(2024, 12, 31),
                DIRETTORE_GENERALE.term(), null, null);
        fixture.given(dg)
                .when(new DelegatePowers("dg-1", "deleghe-da", "direttore-amministrativo", null, "atti di gestione del personale", FROM.plusMonths(1),
                        null, "Decreto DG n. 2 del 01/02/2022", "FIXTURE"))
                .expectEvents(new PowersDelegated("dg-1", "deleghe-da", "direttore-amministrativo", null, "atti di gestione del personale",
                        FROM.plusMonths(1), LocalDate.of(2024, 12, 31), "Decreto DG n. 2 del 01/02/2022", "FIXTURE"));
        fixture.given(dg)
                .when(new DelegatePowers("dg-1", "deleghe-ds", "direttore-sanitario", null, "x", FROM, LocalDate.of(2026, 1, 1), null, null))
                .expectException(rejectedWith("DELEGATION_BEYOND_MANDATE", "until")).expectNoEvents();
        fixture.given(dg, new MandateEnded("dg-1", LocalDate.of(2023, 6, 30), "dimissioni", null))
                .when(new DelegatePowers("dg-1", "deleghe-late", "direttore-sanitario", null, "x", LocalDate.of(2023, 7, 1), null, null, null))
                .expectException(rejectedWith("DELEGATION_OUTSIDE_MANDATE", "from")).expectNoEvents();
        fixture.given(dg).when(new EndMandate("dg-1", LocalDate.of(2025, 6, 30), "oltre", null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "lastDay")).expectNoEvents();
    }

    @Test
    @DisplayName("an organ kind is data: the Nucleo di Valutazione delle Prestazioni (L1214) with an open term")
    void organKindIsData() {
        AggregateTestFixture<OrganKind> kinds = new AggregateTestFixture<>(OrganKind.class);
        TermRule open = new TermRule(TermRule.Kind.OPEN, null, null, null, null);
        kinds.givenNoPriorActivity()
                .when(new DefineOrganKind("nucleo-di-valutazione", "Nucleo di Valutazione delle Prestazioni", "l.r. 33/2009", open, List.of(" "), "seed 000 L1214"))
                .expectEvents(new OrganKindDefined("nucleo-di-valutazione", "Nucleo di Valutazione delle Prestazioni", "l.r. 33/2009", open, List.of(),
                        "seed 000 L1214"));
        kinds.givenNoPriorActivity()
                .when(new DefineOrganKind("x", "X", null, new TermRule(TermRule.Kind.RANGE, null, 5, 3, null), List.of(), null))
                .expectException(rejectedWith("TERM_RULE_MALFORMED", "term")).expectNoEvents();
    }
}
