package it.registro.domain.act;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.act.api.*;
import it.registro.domain.common.KnownReferences;

import static it.registro.domain.common.Rejections.rejectedWith;

/** Seed 000: decreto 150/2022 and decreto 279/2022 of ASST Cremona's DG; FIXTURE acts from 9001. */
class ActTest {

    private static final String DG = "dg-asst-cremona";
    private static final String D150 = ActIds.of(DG, ActType.DECRETO, "150", 2022);
    private static final String D279 = ActIds.of(DG, ActType.DECRETO, "279", 2022);
    private static final LocalDate MAR_29 = LocalDate.of(2022, 3, 29);
    private static final LocalDate JUN_10 = LocalDate.of(2022, 6, 10);
    private static final ActRegistered REGISTERED_150 = new ActRegistered(D150, DG, ActType.DECRETO, "150", 2022, MAR_29,
            null, "DECRETO N. 150 DEL 29/03/2022", false, "seed 000 L10197");
    private static final ActRegistered REGISTERED_279 = new ActRegistered(D279, DG, ActType.DECRETO, "279", 2022, JUN_10,
            null, null, true, "seed 000 L141");

    private AggregateTestFixture<Act> fixture;
    private final Map<String, ActFacts.ActFact> known = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Act.class);
        fixture.registerInjectableResource(new KnownReferences(Set.of(), Set.of(), Set.of(DG)));
        fixture.registerInjectableResource((ActFacts) id -> Optional.ofNullable(known.get(id)));
    }

    @Test
    @DisplayName("A1: an act is registered under its identity; the year comes from the date")
    void register() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAct(D150, DG, ActType.DECRETO, "150", null, MAR_29, null, "DECRETO N. 150 DEL 29/03/2022",
                        false, "seed 000 L10197"))
                .expectEvents(REGISTERED_150);
    }

    @Test
    @DisplayName("A1: a year that is not the date's is refused; so is an issuer that is not registered")
    void badIdentity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAct("x", DG, ActType.DECRETO, "151", 2021, MAR_29, null, null, false, null))
                .expectException(rejectedWith("YEAR_DATE_MISMATCH", "year")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterAct("x", "nobody", ActType.DECRETO, "1", 2022, null, null, null, false, null))
                .expectException(rejectedWith("UNKNOWN_ISSUER", "issuerBodyId")).expectNoEvents();
    }

    @Test
    @DisplayName("A2: executability cannot precede the adoption")
    void executableAfterAdoption() {
        fixture.given(REGISTERED_150, new ActAdopted(D150, MAR_29, "DR. GIUSEPPE ROSSI", null, null, null, null))
                .when(new DeclareExecutable(D150, MAR_29.minusDays(1), true, null, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(REGISTERED_150, new ActAdopted(D150, MAR_29, "DR. GIUSEPPE ROSSI", null, null, null, null))
                .when(new DeclareExecutable(D150, MAR_29, true, "art.17, comma 6, L.R. 33/2009", "seed 000 L10349-10351"))
                .expectEvents(new ActDeclaredExecutable(D150, MAR_29, true, "art.17, comma 6, L.R. 33/2009", "seed 000 L10349-10351"));
    }

    @Test
    @DisplayName("A2: an act under regional control is not executive without an approving act")
    void pendingControl() {
        fixture.given(REGISTERED_279, new ActAdopted(D279, JUN_10, null, null, null, null, null))
                .when(new DeclareExecutable(D279, JUN_10, false, null, null))
                .expectException(rejectedWith("PENDING_CONTROL")).expectNoEvents();
    }

    @Test
    @DisplayName("A2: an approving act makes an act under control executive from the approval's date")
    void approvalMakesExecutive() {
        LocalDate aug1 = LocalDate.of(2022, 8, 1);
        fixture.given(REGISTERED_279, new ActAdopted(D279, JUN_10, null, null, null, null, null))
                .when(new RecordIncomingReference(D279, ReferenceKind.APPROVES, "dgr-xi-9001-2022", aug1, aug1))
                .expectEvents(new ActReferencedBy(D279, ReferenceKind.APPROVES, "dgr-xi-9001-2022", aug1, aug1),
                        new ActBecameExecutive(D279, aug1, "APPROVAL", "dgr-xi-9001-2022"));
    }

    @Test
    @DisplayName("A3: references need a registered target, not itself, not later than the source; no second revocation")
    void references() {
        fixture.given(REGISTERED_150)
                .when(new RecordActReference(D150, ReferenceKind.AMENDS, "nothing", null, null, null))
                .expectException(rejectedWith("UNKNOWN_ACT")).expectNoEvents();
        fixture.given(REGISTERED_150)
                .when(new RecordActReference(D150, ReferenceKind.REVOKES, D150, null, null, null))
                .expectException(rejectedWith("SELF_REFERENCE")).expectNoEvents();
        known.put("later", new ActFacts.ActFact("later", DG, MAR_29.plusDays(1), false));
        fixture.given(REGISTERED_150)
                .when(new RecordActReference(D150, ReferenceKind.REVOKES, "later", null, null, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        known.put("gone", new ActFacts.ActFact("gone", DG, MAR_29.minusDays(1), true));
        fixture.given(REGISTERED_150)
                .when(new RecordActReference(D150, ReferenceKind.REVOKES, "gone", null, null, null))
                .expectException(rejectedWith("ALREADY_REVOKED")).expectNoEvents();
        known.put("older", new ActFacts.ActFact("older", DG, MAR_29.minusDays(10), false));
        fixture.given(REGISTERED_150)
                .when(new RecordActReference(D150, ReferenceKind.AMENDS, "older", null, "integrato e modificato", null))
                .expectEvents(new ActReferenceRecorded(D150, ReferenceKind.AMENDS, "older", MAR_29, MAR_29, "integrato e modificato", null));
    }

    @Test
    @DisplayName("A3: a revocation received ends the act from its date")
    void revoked() {
        LocalDate may3 = LocalDate.of(2024, 5, 3);
        fixture.given(REGISTERED_150)
                .when(new RecordIncomingReference(D150, ReferenceKind.REVOKES, "d9004", may3, may3))
                .expectEvents(new ActReferencedBy(D150, ReferenceKind.REVOKES, "d9004", may3, may3),
                        new ActRevoked(D150, may3, "d9004"));
    }

    @Test
    @DisplayName("a document of an act (the signed decree) is kept with its SHA-256; a description without one is refused")
    void documents() {
        it.registro.domain.document.api.StoredDocument signed = new it.registro.domain.document.api.StoredDocument("doc-9",
                "decreto-150.pdf", "application/pdf", 2048, "0f".repeat(32));
        fixture.given(REGISTERED_150).when(new AttachActDocument(D150, "Atto firmato digitalmente", signed, "secretariat"))
                .expectEvents(new ActDocumentAttached(D150, "document-1", "Atto firmato digitalmente",
                        signed, "secretariat"));
        fixture.given(REGISTERED_150).when(new AttachActDocument(D150, "Atto firmato", new it.registro.domain.document.api.StoredDocument(
                        "doc-9", "decreto-150.pdf", "application/pdf", 2048, null), "secretariat"))
                .expectException(it.registro.domain.common.Rejections.rejectedWith("DIGEST_MALFORMED")).expectNoEvents();
    }

    @Test
    @DisplayName("issue 24 #5: decree 279's signatory, responsabile del procedimento and attestation of technical regularity, as recorded")
    void formalities() {
        // seed 000 L289-291 ("PRESO ATTO dell'attestazione resa dal competente Responsabile del procedimento in ordine alla
        // regolarità tecnica"), L10185 ("IL DIRETTORE GENERALE – DR. GIUSEPPE ROSSI"), L10195 ("Il Responsabile del
        // procedimento: Bonfanti Marianna")
        ActAttestation technical = new ActAttestation(AttestationKind.TECHNICAL_REGULARITY, "Responsabile del procedimento",
                "PRESO ATTO dell’attestazione resa dal competente Responsabile del procedimento in ordine alla regolarità tecnica del presente provvedimento");
        fixture.given(REGISTERED_279)
                .when(new RecordActFormalities(D279, java.util.List.of(new ActSignatory("  IL DIRETTORE GENERALE ", "DR.  GIUSEPPE ROSSI", null)),
                        "Bonfanti Marianna", java.util.List.of(technical), null, "seed 000 L289-291, L10185, L10195"))
                .expectEvents(new ActFormalitiesRecorded(D279, java.util.List.of(new ActSignatory("IL DIRETTORE GENERALE", "DR. GIUSEPPE ROSSI", null)),
                        "Bonfanti Marianna", java.util.List.of(technical), null, "seed 000 L289-291, L10185, L10195"));
        fixture.given(REGISTERED_279)
                .when(new RecordActFormalities(D279, null, " ", java.util.List.of(), null, null))
                .expectException(rejectedWith("NOTHING_TO_RECORD")).expectNoEvents();
        fixture.given(REGISTERED_279)
                .when(new RecordActFormalities(D279, java.util.List.of(new ActSignatory("IL DIRETTORE GENERALE", " ", null)), null, null, null, null))
                .expectException(rejectedWith("FIELD_REQUIRED")).expectNoEvents();
        fixture.given(REGISTERED_279)
                .when(new RecordActFormalities(D279, null, null, java.util.List.of(new ActAttestation(null, null, "regolarità")), null, null))
                .expectException(rejectedWith("FIELD_REQUIRED")).expectNoEvents();
    }
}
