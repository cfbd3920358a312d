package it.registro.domain.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.Tally;

import static org.assertj.core.api.Assertions.assertThat;

class VotingPoliciesTest {

    private static MajorityRule rule(MajorityRule.Kind kind) {
        return new MajorityRule(kind, null, null);
    }

    @Test
    @DisplayName("seed 004 L118-128: 3/0/1 with 4 voters passes the voters-present rule, threshold 3")
    void seed004UnderVotersPresent() {
        MajorityPolicy.Result r = MajorityPolicy.evaluate(rule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT),
                new Tally(3, 0, 1), 6);
        assertThat(r.outcome()).isEqualTo(MajorityPolicy.Outcome.PASSED);
        assertThat(r.threshold()).isEqualTo(3);
        assertThat(r.base()).isEqualTo(4);
    }

    @Test
    @DisplayName("the same 3/0/1 fails an absolute majority of 6 members (threshold 4): the rule must be named, not assumed")
    void seed004UnderMembers() {
        MajorityPolicy.Result r = MajorityPolicy.evaluate(rule(MajorityRule.Kind.ABSOLUTE_MAJORITY_OF_MEMBERS),
                new Tally(3, 0, 1), 6);
        assertThat(r.outcome()).isEqualTo(MajorityPolicy.Outcome.NOT_PASSED);
        assertThat(r.threshold()).isEqualTo(4);
    }

    @Test
    @DisplayName("abstentions count against under voters-present but not under votes-cast")
    void abstentions() {
        Tally t = new Tally(2, 1, 2);
        assertThat(MajorityPolicy.evaluate(rule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT), t, 9).outcome())
                .isEqualTo(MajorityPolicy.Outcome.NOT_PASSED);
        assertThat(MajorityPolicy.evaluate(rule(MajorityRule.Kind.MAJORITY_OF_VOTES_CAST), t, 9).outcome())
                .isEqualTo(MajorityPolicy.Outcome.PASSED);
    }

    @Test
    @DisplayName("a qualified two-thirds majority rounds its threshold up")
    void qualified() {
        MajorityRule twoThirds = new MajorityRule(MajorityRule.Kind.QUALIFIED_FRACTION_OF_MEMBERS, 2, 3);
        assertThat(MajorityPolicy.evaluate(twoThirds, new Tally(4, 3, 0), 7).threshold()).isEqualTo(5);
        assertThat(MajorityPolicy.evaluate(twoThirds, new Tally(5, 2, 0), 7).outcome())
                .isEqualTo(MajorityPolicy.Outcome.PASSED);
        assertThat(MajorityPolicy.evaluate(twoThirds, new Tally(4, 3, 0), 7).outcome())
                .isEqualTo(MajorityPolicy.Outcome.NOT_PASSED);
    }

    @Test
    @DisplayName("quorum by headcount: 4 of 6 present meets it (required 4), 3 does not")
    void quorumHeadcount() {
        QuorumRule half = new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS, null);
        assertThat(QuorumPolicy.evaluate(half, 6, 4, 0, 0).met()).isTrue();
        QuorumPolicy.Result three = QuorumPolicy.evaluate(half, 6, 3, 0, 0);
        assertThat(three.met()).isFalse();
        assertThat(three.required()).isEqualTo(4);
        assertThat(three.present()).isEqualTo(3);
    }

    @Test
    @DisplayName("quorum by population: few members representing most inhabitants meet it; both-rule needs both")
    void quorumPopulation() {
        QuorumRule pop = new QuorumRule(QuorumRule.Kind.MAJORITY_OF_POPULATION, null);
        QuorumRule both = new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS_AND_POPULATION, null);
        assertThat(QuorumPolicy.evaluate(pop, 48, 2, 156_113, 90_000).met()).isTrue();
        assertThat(QuorumPolicy.evaluate(both, 48, 2, 156_113, 90_000).met()).isFalse();
        QuorumPolicy.Result r = QuorumPolicy.evaluate(both, 48, 25, 156_113, 70_000);
        assertThat(r.met()).isFalse();
        assertThat(r.requiredPopulation()).isEqualTo(78_057);
    }

    @Test
    @DisplayName("a fixed-number quorum")
    void quorumFixed() {
        QuorumRule three = new QuorumRule(QuorumRule.Kind.FIXED_NUMBER, 3);
        assertThat(QuorumPolicy.evaluate(three, 6, 3, 0, 0).met()).isTrue();
        assertThat(QuorumPolicy.evaluate(three, 6, 2, 0, 0).met()).isFalse();
    }
}
