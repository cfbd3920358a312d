package it.registro.domain.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.AdoptRuleSet;
import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.Weighting;

import static it.registro.domain.body.BodyFixtures.ID;
import static it.registro.domain.body.BodyFixtures.composed;
import static it.registro.domain.common.Rejections.rejectedWith;

class BodyRuleSetTest {

    private final AggregateTestFixture<Body> fixture = BodyFixtures.fixture();
    private static final QuorumRule HALF = new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS, null);
    private static final MajorityRule VOTERS = new MajorityRule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, null, null);
    private static final LocalDate OCT_1 = LocalDate.of(2024, 10, 1);

    @Test
    @DisplayName("rule sets are numbered in the order they are adopted")
    void adopt() {
        fixture.given(composed())
                .when(new AdoptRuleSet(ID, "Regolamento 2024", OCT_1, HALF, VOTERS, Weighting.HEADCOUNT, true, null))
                .expectEvents(new RuleSetAdopted(ID, 1, "Regolamento 2024", OCT_1, HALF, VOTERS, Weighting.HEADCOUNT,
                        true, null));
        List<Object> given = new ArrayList<>(composed());
        given.add(new RuleSetAdopted(ID, 1, "Regolamento 2024", OCT_1, HALF, VOTERS, Weighting.HEADCOUNT, true, null));
        MajorityRule twoThirds = new MajorityRule(MajorityRule.Kind.QUALIFIED_FRACTION_OF_MEMBERS, 2, 3);
        fixture.given(given)
                .when(new AdoptRuleSet(ID, "Regolamento 2025", LocalDate.of(2025, 1, 1), HALF, twoThirds,
                        Weighting.POPULATION, false, null))
                .expectEvents(new RuleSetAdopted(ID, 2, "Regolamento 2025", LocalDate.of(2025, 1, 1), HALF, twoThirds,
                        Weighting.POPULATION, false, null));
    }

    @Test
    @DisplayName("a rule set cannot be slipped in before one already in force")
    void inOrder() {
        List<Object> given = new ArrayList<>(composed());
        given.add(new RuleSetAdopted(ID, 1, "R", OCT_1, HALF, VOTERS, Weighting.HEADCOUNT, true, null));
        fixture.given(given)
                .when(new AdoptRuleSet(ID, "R0", OCT_1, HALF, VOTERS, Weighting.HEADCOUNT, true, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "effectiveFrom"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("impossible thresholds are rejected: a fixed quorum above the seats, or a 'qualified' fraction of 1/2 or above 1")
    void impossibleThresholds() {
        fixture.given(composed())
                .when(new AdoptRuleSet(ID, "R", OCT_1, new QuorumRule(QuorumRule.Kind.FIXED_NUMBER, 4), VOTERS,
                        Weighting.HEADCOUNT, true, null))
                .expectException(rejectedWith("IMPOSSIBLE_THRESHOLD", "quorum.fixedNumber"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new AdoptRuleSet(ID, "R", OCT_1, new QuorumRule(QuorumRule.Kind.FIXED_NUMBER, 0), VOTERS,
                        Weighting.HEADCOUNT, true, null))
                .expectException(rejectedWith("IMPOSSIBLE_THRESHOLD"))
                .expectNoEvents();
        for (int[] f : new int[][]{{1, 2}, {4, 3}, {0, 3}, {2, 0}}) {
            fixture.given(composed())
                    .when(new AdoptRuleSet(ID, "R", OCT_1, HALF,
                            new MajorityRule(MajorityRule.Kind.QUALIFIED_FRACTION_OF_VOTERS_PRESENT, f[0], f[1]),
                            Weighting.HEADCOUNT, true, null))
                    .expectException(rejectedWith("IMPOSSIBLE_THRESHOLD", "majority.numerator"))
                    .expectNoEvents();
        }
    }

    @Test
    @DisplayName("a fixed quorum equal to the number of seats is possible")
    void fixedQuorumAtSeats() {
        fixture.given(composed())
                .when(new AdoptRuleSet(ID, "R", OCT_1, new QuorumRule(QuorumRule.Kind.FIXED_NUMBER, 3), VOTERS,
                        Weighting.HEADCOUNT, true, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("the rule kinds are required")
    void required() {
        fixture.given(composed())
                .when(new AdoptRuleSet(ID, "R", OCT_1, null, VOTERS, Weighting.HEADCOUNT, true, null))
                .expectException(rejectedWith("FIELD_REQUIRED", "quorum.kind"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new AdoptRuleSet(ID, "R", null, HALF, VOTERS, Weighting.HEADCOUNT, true, null))
                .expectException(rejectedWith("FIELD_REQUIRED", "effectiveFrom"))
                .expectNoEvents();
    }
}
