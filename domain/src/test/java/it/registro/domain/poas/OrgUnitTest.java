package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.poas.api.*;

import static it.registro.domain.common.Rejections.rejectedWith;

/** Units of ASST Cremona from seed 000's change list (L9951-10158) and organigram boxes. */
class OrgUnitTest {

    private static final String AGENCY = "ASST Cremona";
    private static final String D279 = "dg-asst-cremona-decreto-279-2022";
    private static final String POAS = "poas-asst-cremona-2022-2024";
    /** Decree 150/2022: dates a district (seed 000 L10322-10329), and belongs to no POAS. */
    private static final String D150 = "dg-asst-cremona-decreto-150-2022";
    private static final String SSD_30101 = UnitIds.of(AGENCY, UnitType.SSD, "30101", null);
    private static final String SC_30102 = UnitIds.of(AGENCY, UnitType.SC, "30102", "03027300");
    private static final String SS_63101 = UnitIds.of(AGENCY, UnitType.SS, "63101", null);
    private static final String FUN_63501 = UnitIds.of(AGENCY, UnitType.FUN, "63501", null);
    /** The tree of seed 000 (L1954-1958, L8875): Direzione Sanitaria ⊃ Dipartimento Emergenza - Urgenza ⊃ SSD 30101. */
    private static final String DS = UnitIds.of(AGENCY, UnitType.DIRECTION, null, "DIREZIONE SANITARIA", null);
    private static final String DEU = UnitIds.of(AGENCY, UnitType.DEPARTMENT, null, "DIPARTIMENTO AREA EMERGENZA - URGENZA", null);
    private static final Map<String, String> PARENTS = Map.of(DEU, DS, SSD_30101, DEU);
    private static final LocalDate SEP_30 = LocalDate.of(2022, 9, 30);
    private static final LocalDate OCT_1 = LocalDate.of(2022, 10, 1);

    /** A directory over a fixed map of last days; SS 63101 has the function HOME VISITING referring to it. */
    private static UnitDirectory directory(Map<String, LocalDate> lastDays) {
        return new UnitDirectory() {
            public List<String> referrers(String unitId) {
                return unitId.equals(SS_63101) ? List.of(FUN_63501) : List.of();
            }

            public Optional<LocalDate> lastDay(String unitId) {
                return Optional.ofNullable(lastDays.get(unitId));
            }

            public boolean exists(String unitId) {
                return List.of(SSD_30101, SC_30102, SS_63101, DS, DEU).contains(unitId);
            }

            public Optional<String> parentOf(String unitId) {
                return Optional.ofNullable(PARENTS.get(unitId));
            }
        };
    }

    /** One fixture per given/when: a fixture's event store holds one aggregate. */
    private static AggregateTestFixture<OrgUnit> fixture(Map<String, LocalDate> lastDays) {
        AggregateTestFixture<OrgUnit> f = new AggregateTestFixture<>(OrgUnit.class);
        f.registerInjectableResource((ActFacts) id -> id.equals(D279) || id.equals(D150)
                ? Optional.of(new ActFacts.ActFact(id, "dg-asst-cremona", LocalDate.of(2022, 6, 10), false)) : Optional.empty());
        f.registerInjectableResource(directory(lastDays));
        f.registerInjectableResource(new FakePoasFacts(Map.of(D279, POAS)));
        return f;
    }

    private static AggregateTestFixture<OrgUnit> fixture() {
        return fixture(Map.of(SSD_30101, SEP_30));
    }

    private static UnitRecordedAsExisting existing(String id, UnitType type, String code, String name, String presidio) {
        return new UnitRecordedAsExisting(id, AGENCY, type, code, name, presidio, null, null);
    }

    private static UnitActivationScheduled sc30102() {
        return new UnitActivationScheduled(SC_30102, AGENCY, UnitType.SC, "30102", "ANESTESIA E RIANIMAZIONE POOP", "03027300",
                "CASALMAGGIORE OSPEDALE (OGLIO PO)", "DIPARTIMENTO AREA EMERGENZA - URGENZA", EffectiveRule.DATE, OCT_1,
                "01/10/2022 Da Attivare", D279, POAS, "seed 000 L9987-9995", null, null);
    }

    @Test
    @DisplayName("row 30: closing SS 63101 flags the function that still points to it, and reassigns nothing")
    void danglingReference() {
        LocalDate dec31 = LocalDate.of(2022, 12, 31);
        fixture().given(existing(SS_63101, UnitType.SS, "63101", "VACCINAZIONI", null))
                .when(new ScheduleUnitClosure(SS_63101, dec31, "STAFF", "STAFF DELLA DIREZIONE SANITARIA", "31/12/2022 Da Chiudere",
                        D279, POAS, "seed 000 L10150"))
                .expectEvents(new UnitClosureScheduled(SS_63101, dec31, "STAFF", "STAFF DELLA DIREZIONE SANITARIA",
                                "31/12/2022 Da Chiudere", D279, POAS, "seed 000 L10150"),
                        new DanglingReferenceFlagged(SS_63101, FUN_63501, dec31, D279));
    }

    @Test
    @DisplayName("a second closure, an unregistered act, an ON_APPROVAL activation without its POAS: refused, nothing stored")
    void refusals() {
        fixture().given(existing(SSD_30101, UnitType.SSD, "30101", "ANESTESIA E RIANIMAZIONE POOP", null),
                        new UnitClosureScheduled(SSD_30101, SEP_30, null, null, null, D279, POAS, null))
                .when(new ScheduleUnitClosure(SSD_30101, OCT_1, null, null, null, D279, POAS, null))
                .expectNoEvents().expectException(rejectedWith("CHANGE_ALREADY_SCHEDULED"));
        fixture().given(existing(SSD_30101, UnitType.SSD, "30101", "ANESTESIA E RIANIMAZIONE POOP", null))
                .when(new ScheduleUnitClosure(SSD_30101, SEP_30, null, null, null, "no-such-act", POAS, null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT"));
        fixture().givenNoPriorActivity()
                .when(new ScheduleUnitActivation(SC_30102, AGENCY, UnitType.SC, "30102", "ANESTESIA E RIANIMAZIONE POOP", "03027300",
                        null, null, EffectiveRule.ON_APPROVAL, null, null, D150, null, null, null, null))
                .expectNoEvents().expectException(rejectedWith("FIELD_REQUIRED", "poasId"));
        fixture().givenNoPriorActivity()
                .when(new ScheduleUnitActivation("unit-wrong-id", AGENCY, UnitType.SC, "30102", "X", null,
                        null, null, EffectiveRule.DATE, OCT_1, null, D279, POAS, null, null, null))
                .expectNoEvents().expectException(rejectedWith("UNIT_ID_MISMATCH"));
    }

    @Test
    @DisplayName("P5: SC 30102 (opens 01/10/2022) succeeds SSD 30101 (last day 30/09/2022); the reverse is DATES_OUT_OF_ORDER")
    void succession() {
        fixture().given(sc30102())
                .when(new LinkUnitSuccession(SC_30102, SSD_30101, SuccessionKind.UPGRADE, SuccessionBasis.INFERRED, null, null))
                .expectEvents(new UnitSuccessionLinked(SC_30102, SSD_30101, SuccessionKind.UPGRADE, SuccessionBasis.INFERRED, null, null));
        fixture().given(existing(SSD_30101, UnitType.SSD, "30101", "ANESTESIA E RIANIMAZIONE POOP", null))
                .when(new LinkUnitSuccession(SSD_30101, SC_30102, SuccessionKind.UPGRADE, SuccessionBasis.INFERRED, null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
    }

    @Test
    @DisplayName("a successor starting on or before its predecessor's last day is DATES_OUT_OF_ORDER")
    void overlap() {
        fixture(Map.of(SSD_30101, OCT_1)).given(sc30102())
                .when(new LinkUnitSuccession(SC_30102, SSD_30101, SuccessionKind.UPGRADE, SuccessionBasis.INFERRED, null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
    }

    @Test
    @DisplayName("P3 step 5: the SC 30102 box has no date (L8895-8901), the list says 01/10/2022: INFO flag; the list's date stands")
    void organigramDateMissing() {
        ScheduleUnitActivation row6 = new ScheduleUnitActivation(SC_30102, AGENCY, UnitType.SC, "30102", "ANESTESIA E RIANIMAZIONE POOP",
                "03027300", "CASALMAGGIORE OSPEDALE (OGLIO PO)", "DIPARTIMENTO AREA EMERGENZA - URGENZA", EffectiveRule.DATE, OCT_1,
                "01/10/2022 Da Attivare", D279, POAS, "seed 000 L9987-9995", null, "seed 000 L8895-8901");
        fixture().givenNoPriorActivity().when(row6).expectEvents(
                new UnitActivationScheduled(SC_30102, AGENCY, UnitType.SC, "30102", "ANESTESIA E RIANIMAZIONE POOP", "03027300",
                        "CASALMAGGIORE OSPEDALE (OGLIO PO)", "DIPARTIMENTO AREA EMERGENZA - URGENZA", EffectiveRule.DATE, OCT_1,
                        "01/10/2022 Da Attivare", D279, POAS, "seed 000 L9987-9995", null, "seed 000 L8895-8901"),
                new OrganigramDisagreementFlagged(SC_30102, "ORGANIGRAM_DATE_MISSING", OCT_1, null, "seed 000 L8895-8901"));
    }

    @Test
    @DisplayName("a box that agrees (SD 75001 'Attiva dal 01/10/2022', L9272) raises nothing; one that differs is a conflict")
    void organigramDateAgreesOrConflicts() {
        String sd = UnitIds.of(AGENCY, UnitType.SD, "75001", null);
        java.util.function.Function<String, ScheduleUnitActivation> row23 = box -> new ScheduleUnitActivation(sd, AGENCY, UnitType.SD,
                "75001", "PROGRAMMAZIONE TERRITORIALE INTEGRATA", null, "STAFF", "STAFF DELLA DIREZIONE SOCIOSANITARIA", EffectiveRule.DATE,
                OCT_1, "01/10/2022 Da Attivare", D279, POAS, "seed 000 L10084-10088", box, "seed 000 L9272");
        fixture().givenNoPriorActivity().when(row23.apply("Attiva dal 01/10/2022"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers
                        .exactSequenceOf(org.hamcrest.Matchers.instanceOf(UnitActivationScheduled.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture().givenNoPriorActivity().when(row23.apply("Attiva dal 01/01/2023"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers
                        .exactSequenceOf(org.hamcrest.Matchers.instanceOf(UnitActivationScheduled.class),
                                org.hamcrest.Matchers.instanceOf(OrganigramDisagreementFlagged.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    private static UnitRecordedAsExisting deu() {
        return existing(DEU, UnitType.DEPARTMENT, null, "DIPARTIMENTO AREA EMERGENZA - URGENZA", null);
    }

    @Test
    @DisplayName("tree: a unit is placed once under an existing parent; a second placement, an unknown parent or a cycle is refused")
    void placement() {
        fixture().given(existing(SSD_30101, UnitType.SSD, "30101", "ANESTESIA E RIANIMAZIONE POOP", null))
                .when(new PlaceUnit(SSD_30101, DEU, D279, "seed 000 L10134-10138"))
                .expectEvents(new UnitPlaced(SSD_30101, DEU, D279, "seed 000 L10134-10138"));
        fixture().given(existing(SSD_30101, UnitType.SSD, "30101", "ANESTESIA E RIANIMAZIONE POOP", null),
                        new UnitPlaced(SSD_30101, DEU, D279, null))
                .when(new PlaceUnit(SSD_30101, DS, D279, null))
                .expectNoEvents().expectException(rejectedWith("UNIT_ALREADY_PLACED"));
        fixture().given(existing(SSD_30101, UnitType.SSD, "30101", "ANESTESIA E RIANIMAZIONE POOP", null))
                .when(new PlaceUnit(SSD_30101, "unit-nowhere", null, null))
                .expectNoEvents().expectException(rejectedWith("UNIT_NOT_FOUND"));
        // DS sits above SSD 30101 (through the department): putting DS under it would close a loop
        fixture().given(existing(DS, UnitType.DIRECTION, null, "DIREZIONE SANITARIA", null))
                .when(new PlaceUnit(DS, SSD_30101, null, null))
                .expectNoEvents().expectException(rejectedWith("PARENT_CYCLE"));
        fixture().given(deu()).when(new PlaceUnit(DEU, DEU, null, null))
                .expectNoEvents().expectException(rejectedWith("PARENT_CYCLE"));
        fixture().given(deu()).when(new PlaceUnit(DEU, DS, "no-such-act", null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT"));
    }

    @Test
    @DisplayName("move: dated, decided by an act, from the recorded parent; never before the unit starts nor after it ends")
    void move() {
        LocalDate jan1 = LocalDate.of(2023, 1, 1);
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null))
                .when(new MoveUnit(SC_30102, DS, jan1, D279, "staff of the Direzione Sanitaria", null))
                .expectEvents(new UnitMoved(SC_30102, DEU, DS, jan1, D279, "staff of the Direzione Sanitaria", null));
        fixture().given(sc30102())
                .when(new MoveUnit(SC_30102, DS, jan1, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("UNIT_NOT_PLACED"));
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null))
                .when(new MoveUnit(SC_30102, DEU, jan1, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("NOTHING_TO_CHANGE"));
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null))
                .when(new MoveUnit(SC_30102, DS, SEP_30, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null), new UnitMoved(SC_30102, DEU, DS, jan1, D279, null, null))
                .when(new MoveUnit(SC_30102, DEU, jan1, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null),
                        new UnitClosureScheduled(SC_30102, LocalDate.of(2022, 12, 31), null, null, null, D279, POAS, null))
                .when(new MoveUnit(SC_30102, DS, jan1, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("UNIT_NOT_ACTIVE"));
        // SSD 30101's last day is 30/09/2022: nothing can move under it from 01/01/2023
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null))
                .when(new MoveUnit(SC_30102, SSD_30101, jan1, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("PARENT_NOT_ACTIVE"));
        fixture().given(sc30102(), new UnitPlaced(SC_30102, DEU, D279, null))
                .when(new MoveUnit(SC_30102, DS, jan1, null, null, null))
                .expectNoEvents().expectException(rejectedWith("FIELD_REQUIRED"));
    }

    @Test
    @DisplayName("rename: the unit keeps its identity; a new name from a date, decided by an act, after any earlier rename")
    void rename() {
        LocalDate jan1 = LocalDate.of(2023, 1, 1);
        fixture().given(sc30102())
                .when(new RenameUnit(SC_30102, "  ANESTESIA  E RIANIMAZIONE OGLIO PO ", jan1, D279, null, null))
                .expectEvents(new UnitRenamed(SC_30102, "ANESTESIA E RIANIMAZIONE POOP", "ANESTESIA E RIANIMAZIONE OGLIO PO", jan1, D279,
                        null, null));
        fixture().given(sc30102())
                .when(new RenameUnit(SC_30102, "ANESTESIA E RIANIMAZIONE POOP", jan1, D279, null, null))
                .expectNoEvents().expectException(rejectedWith("NOTHING_TO_CHANGE"));
        fixture().given(sc30102(), new UnitRenamed(SC_30102, "ANESTESIA E RIANIMAZIONE POOP", "X", jan1, D279, null, null))
                .when(new RenameUnit(SC_30102, "Y", LocalDate.of(2022, 12, 1), D279, null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
        fixture().given(sc30102())
                .when(new RenameUnit(SC_30102, "Y", jan1, "no-such-act", null, null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT"));
    }

    @Test
    @DisplayName("issue 20 #7: a dated change under a POAS act keeps its plan whether or not the caller names it; a wrong plan is refused")
    void poasDerivedFromTheAct() {
        ScheduleUnitActivation unnamed = new ScheduleUnitActivation(SC_30102, AGENCY, UnitType.SC, "30102", "ANESTESIA E RIANIMAZIONE POOP",
                "03027300", null, null, EffectiveRule.DATE, OCT_1, null, D279, null, null, null, null);
        fixture().givenNoPriorActivity().when(unnamed).expectEvents(new UnitActivationScheduled(SC_30102, AGENCY, UnitType.SC, "30102",
                "ANESTESIA E RIANIMAZIONE POOP", "03027300", null, null, EffectiveRule.DATE, OCT_1, null, D279, POAS, null, null, null));
        fixture().givenNoPriorActivity().when(new ScheduleUnitActivation(SC_30102, AGENCY, UnitType.SC, "30102",
                        "ANESTESIA E RIANIMAZIONE POOP", "03027300", null, null, EffectiveRule.DATE, OCT_1, null, D279, "poas-other", null, null, null))
                .expectNoEvents().expectException(rejectedWith("ACT_NOT_OF_POAS", "poasId"));
        // an act outside any plan dates the change by itself, with no plan
        fixture().givenNoPriorActivity().when(new ScheduleUnitActivation(SC_30102, AGENCY, UnitType.SC, "30102",
                        "ANESTESIA E RIANIMAZIONE POOP", "03027300", null, null, EffectiveRule.DATE, OCT_1, null, D150, null, null, null, null))
                .expectEvents(new UnitActivationScheduled(SC_30102, AGENCY, UnitType.SC, "30102", "ANESTESIA E RIANIMAZIONE POOP", "03027300",
                        null, null, EffectiveRule.DATE, OCT_1, null, D150, null, null, null, null));
        LocalDate dec31 = LocalDate.of(2022, 12, 31);
        fixture().given(existing(SS_63101, UnitType.SS, "63101", "VACCINAZIONI", null))
                .when(new ScheduleUnitClosure(SS_63101, dec31, null, null, null, D279, null, null))
                .expectEvents(new UnitClosureScheduled(SS_63101, dec31, null, null, null, D279, POAS, null),
                        new DanglingReferenceFlagged(SS_63101, FUN_63501, dec31, D279));
    }

    @Test
    @DisplayName("issue 20 #4: a scheduled change's day and text are corrected with a reason, the unit's days kept in order")
    void correction() {
        fixture().given(sc30102())
                .when(new CorrectUnitChange(SC_30102, "activation", Map.of("effectiveFrom", "2022-10-03"), "data dell'elenco errata"))
                .expectEvents(new UnitChangeCorrected(SC_30102, "ACTIVATION", List.of(
                        new it.registro.domain.common.FieldChange("effectiveFrom", "2022-10-01", "2022-10-03")), "data dell'elenco errata"));
        // SC 30102 succeeds SSD 30101 (last day 30/09): it cannot start on that day
        fixture().given(sc30102(), new UnitSuccessionLinked(SC_30102, SSD_30101, SuccessionKind.UPGRADE, SuccessionBasis.INFERRED, null, null))
                .when(new CorrectUnitChange(SC_30102, "ACTIVATION", Map.of("effectiveFrom", "2022-09-30"), "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture().given(sc30102(), new UnitClosureScheduled(SC_30102, LocalDate.of(2023, 12, 31), null, null, null, D279, POAS, null))
                .when(new CorrectUnitChange(SC_30102, "CLOSURE", Map.of("lastDay", "2022-09-01"), "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture().given(sc30102())
                .when(new CorrectUnitChange(SC_30102, "CLOSURE", Map.of("lastDay", "2023-01-01"), "x"))
                .expectException(rejectedWith("CHANGE_NOT_SCHEDULED")).expectNoEvents();
        fixture().given(new UnitActivationScheduled(SC_30102, AGENCY, UnitType.SC, "30102", "X", "03027300", null, null,
                        EffectiveRule.ON_APPROVAL, null, null, D279, POAS, null, null, null))
                .when(new CorrectUnitChange(SC_30102, "ACTIVATION", Map.of("effectiveFrom", "2023-01-01"), "x"))
                .expectException(rejectedWith("FIELD_NOT_CORRECTABLE")).expectNoEvents();
    }
}
