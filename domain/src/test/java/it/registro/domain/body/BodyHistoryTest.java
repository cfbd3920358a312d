package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.DelegationRevoked;
import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.MemberUnseated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficeVacated;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.domain.body.api.TermCorrected;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.FieldChange;

import static it.registro.domain.body.BodyFixtures.FROM;
import static it.registro.domain.body.BodyFixtures.ID;
import static it.registro.domain.body.BodyFixtures.PRES_CREMA;
import static it.registro.domain.body.BodyFixtures.PRES_CREMONA;
import static it.registro.domain.body.BodyFixtures.composed;
import static org.assertj.core.api.Assertions.assertThat;

/** The body's small value objects, each answering its dated questions from the events applied. */
class BodyHistoryTest {

    private static Instant rome(int month, int day, int hour) {
        return LocalDateTime.of(2024, month, day, hour, 0).atZone(BusinessTime.ZONE).toInstant();
    }

    private static BodyHistory history(Object... more) {
        BodyHistory h = new BodyHistory();
        composed().forEach(h::apply);
        List.of(more).forEach(h::apply);
        return h;
    }

    @Test
    @DisplayName("terms: holders on a day in seat order; an unseated member leaves the day after the last; a corrected term replaces the recorded one")
    void terms() {
        BodyHistory h = history(new MemberUnseated(ID, PRES_CREMONA, "m1", LocalDate.of(2024, 12, 31), "dimissioni", null),
                new MemberSeated(ID, PRES_CREMONA, "m4", null, null, LocalDate.of(2025, 1, 1), null, null));
        assertThat(h.on(LocalDate.of(2024, 12, 31)).held()).extracting(Terms.Term::personId).containsExactly("m1", "m2", "m3");
        assertThat(h.on(LocalDate.of(2025, 1, 1)).held()).extracting(Terms.Term::personId).containsExactly("m4", "m2", "m3");
        assertThat(h.on(FROM.minusDays(1)).held()).isEmpty();
        assertThat(h.terms().seatOf("m4", LocalDate.of(2025, 1, 2))).contains(PRES_CREMONA);

        h.apply(new TermCorrected(ID, PRES_CREMA, "m3", FROM, List.of(new FieldChange("from", "2024-10-10", "2024-10-12")), "x"));
        assertThat(h.on(LocalDate.of(2024, 10, 11)).held()).extracting(Terms.Term::personId).containsExactly("m1", "m2");
        assertThat(h.terms().termFrom(PRES_CREMA, LocalDate.of(2024, 10, 12))).isPresent();
    }

    @Test
    @DisplayName("composition acts and rule sets: the latest in force on or before the day")
    void inForce() {
        ActRef later = new ActRef("ATS Val Padana", "Deliberazione", "9", LocalDate.of(2025, 3, 1), null);
        RuleSetAdopted r1 = new RuleSetAdopted(ID, 1, "R1", FROM, new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS, null),
                new MajorityRule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, null, null), Weighting.HEADCOUNT, true, null);
        RuleSetAdopted r2 = new RuleSetAdopted(ID, 2, "R2", LocalDate.of(2025, 1, 1), r1.quorum(), r1.majority(), Weighting.POPULATION,
                false, null);
        BodyHistory h = history(new CompositionActRecorded(ID, later, LocalDate.of(2025, 3, 1), false), r1, r2);
        assertThat(h.on(LocalDate.of(2025, 2, 28)).compositionAct().act()).isEqualTo(BodyFixtures.DELIBERA_436);
        assertThat(h.on(LocalDate.of(2025, 3, 1)).compositionAct().act()).isEqualTo(later);
        assertThat(h.on(LocalDate.of(2024, 12, 31)).ruleSet()).isEqualTo(r1);
        assertThat(h.on(LocalDate.of(2025, 1, 1)).ruleSet()).isEqualTo(r2);
        assertThat(h.on(FROM.minusDays(1)).ruleSet()).isNull();
    }

    @Test
    @DisplayName("offices: the holder at an instant, up to (not including) the vacancy")
    void offices() {
        BodyHistory h = history(new OfficerElected(ID, Office.PRESIDENT, "m1", null, rome(10, 18, 14), "s1", null),
                new OfficeVacated(ID, Office.PRESIDENT, "m1", rome(11, 1, 9), "dimissioni"));
        assertThat(h.officeHolderAt(Office.PRESIDENT, rome(10, 18, 13))).isEmpty();
        assertThat(h.officeHolderAt(Office.PRESIDENT, rome(10, 18, 14))).contains("m1");
        assertThat(h.officeHolderAt(Office.PRESIDENT, rome(11, 1, 9))).isEmpty();
        assertThat(h.offices().current(Office.PRESIDENT)).isEmpty();
        assertThat(h.offices().elected(Office.PRESIDENT, "m1", "s1")).isTrue();
    }

    @Test
    @DisplayName("delegations: running on a day until their end or their revocation, whichever comes first")
    void delegations() {
        BodyHistory h = history(new SeatDelegated(ID, "d1", PRES_CREMA, "m3", "x1", null, rome(11, 5, 0), rome(11, 8, 0), null, "l"),
                new DelegationRevoked(ID, "d1", rome(11, 6, 12), "revoca"));
        assertThat(h.on(LocalDate.of(2024, 11, 5)).delegations()).hasSize(1);
        assertThat(h.on(LocalDate.of(2024, 11, 6)).delegations()).hasSize(1);
        assertThat(h.on(LocalDate.of(2024, 11, 7)).delegations()).isEmpty();
        assertThat(h.delegations().get("d1").orElseThrow().activeAt(rome(11, 6, 12))).isFalse();
        assertThat(h.delegations().delegatesDuring("x1", rome(11, 6, 0), rome(11, 7, 0))).isTrue();
    }
}
