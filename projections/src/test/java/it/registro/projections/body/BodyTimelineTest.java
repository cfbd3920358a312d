package it.registro.projections.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.DelegationRevoked;
import it.registro.domain.body.api.FindComposition;
import it.registro.domain.body.api.FindDelegations;
import it.registro.domain.body.api.FindOfficers;
import it.registro.domain.body.api.FindRuleSet;
import it.registro.domain.body.api.InterimPresidingOfficerDesignated;
import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.MemberUnseated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;
import it.registro.projections.common.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

/** As-of answers from the body document: feed events, then ask about different dates and instants. */
class BodyTimelineTest {

    private static final String B = "collegio";
    private static final Instant T = Instant.parse("2024-10-10T08:00:00Z");
    private static final LocalDate OCT_10 = LocalDate.of(2024, 10, 10);
    private static final ActRef ACT = new ActRef("ATS Val Padana", "Deliberazione", "436", OCT_10, "Delib. 436/2024");
    private static final ActRef ACT2 = new ActRef("ATS Val Padana", "Deliberazione", "9001",
            LocalDate.of(2025, 3, 1), "Delib. 9001/2025");

    private InMemoryMongo mongo;
    private BodyProjection projection;
    private long seq;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        projection = new BodyProjection(mongo.template());
        seq = 0;
        projection.on(new BodyRegistered(B, BodyKind.COLLEGIO_DEI_SINDACI, new Agency(AgencyKind.ATS, "ATS Val Padana"),
                "Collegio", null), seq, T);
        apply(new CompositionActRecorded(B, ACT, OCT_10, true));
        apply(new SeatDefined(B, "s1", SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", "Presidente", ACT));
        apply(new MemberSeated(B, "s1", "m1", "Leonardo Virgilio", "comune-cremona", OCT_10, null, ACT));
        apply(new SeatDefined(B, "s2", SeatRole.ELECTED_BY_CONFERENCE, "ASST Cremona", null, ACT));
        apply(new MemberSeated(B, "s2", "m2", "Ennio Roberto Oliva", null, OCT_10, null, ACT));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private void apply(Object event) {
        seq++;
        if (event instanceof CompositionActRecorded e) {
            projection.on(e, seq, T);
        } else if (event instanceof SeatDefined e) {
            projection.on(e, seq, T);
        } else if (event instanceof MemberSeated e) {
            projection.on(e, seq, T);
        } else if (event instanceof MemberUnseated e) {
            projection.on(e, seq, T);
        } else if (event instanceof OfficerElected e) {
            projection.on(e, seq, T);
        } else if (event instanceof InterimPresidingOfficerDesignated e) {
            projection.on(e, seq, T);
        } else if (event instanceof SeatDelegated e) {
            projection.on(e, seq, T);
        } else if (event instanceof DelegationRevoked e) {
            projection.on(e, seq, T);
        } else if (event instanceof RuleSetAdopted e) {
            projection.on(e, seq, T);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }

    private static Instant rome(LocalDateTime t) {
        return t.atZone(BusinessTime.ZONE).toInstant();
    }

    private BodyTimeline.Composition composition(LocalDate day) {
        return projection.handle(new FindComposition(B, day)).orElseThrow();
    }

    @Test
    void compositionBeforeTheActIsEmptyAndAfterItHasTheHolders() {
        assertThat(composition(OCT_10.minusDays(1)).seats()).isEmpty();
        assertThat(composition(OCT_10.minusDays(1)).act()).isNull();
        BodyTimeline.Composition c = composition(LocalDate.of(2024, 10, 18));
        assertThat(c.members()).isEqualTo(2);
        assertThat(c.act().act()).isEqualTo(ACT);
        assertThat(c.seats()).extracting(s -> s.holder().personId()).containsExactly("m1", "m2");
        assertThat(c.seats().get(0).holder().nameAsRecorded()).isEqualTo("Leonardo Virgilio");
    }

    @Test
    void aChangeOfCompositionShowsOnlyFromItsDate() {
        LocalDate mar1 = ACT2.date();
        apply(new CompositionActRecorded(B, ACT2, mar1, false));
        apply(new MemberUnseated(B, "s2", "m2", mar1.minusDays(1), "Composition act", ACT2));
        apply(new MemberSeated(B, "s2", "m4", "Stefano Samarati", null, mar1, null, ACT2));

        assertThat(composition(mar1.minusDays(1)).seats()).extracting(s -> s.holder().personId()).containsExactly("m1", "m2");
        assertThat(composition(mar1.minusDays(1)).act().act()).isEqualTo(ACT);
        assertThat(composition(mar1).seats()).extracting(s -> s.holder().personId()).containsExactly("m1", "m4");
        assertThat(composition(mar1).act().act()).isEqualTo(ACT2);
    }

    @Test
    void officersAtAnInstantWithTheInterimPresidency() {
        Instant t1400 = rome(LocalDateTime.of(2024, 10, 18, 14, 0));
        Instant t1410 = rome(LocalDateTime.of(2024, 10, 18, 14, 10));
        apply(new InterimPresidingOfficerDesignated(B, "n1", "Direttore Generale", t1400, "non essendo ancora stato rieletto"));
        apply(new OfficerElected(B, Office.PRESIDENT, "m1", "LEONARDO VIRGILIO", t1410, "1/24", null));

        BodyTimeline.Officers at1405 = projection.handle(new FindOfficers(B, t1400.plusSeconds(300))).orElseThrow();
        assertThat(at1405.offices()).allMatch(BodyTimeline.OfficeHolder::vacant);
        assertThat(at1405.interimPresidingOfficer().personId()).isEqualTo("n1");

        BodyTimeline.Officers at1500 = projection.handle(new FindOfficers(B, t1410.plusSeconds(3000))).orElseThrow();
        assertThat(at1500.offices().get(0).office()).isEqualTo(Office.PRESIDENT);
        assertThat(at1500.offices().get(0).personId()).isEqualTo("m1");
        assertThat(at1500.offices().get(0).since()).isEqualTo(t1410);
        assertThat(at1500.offices().get(1).vacant()).isTrue();
        assertThat(at1500.interimPresidingOfficer()).isNull();
    }

    @Test
    void theDelegateAndNotTheHolderVotesWhileTheDelegationRuns() {
        Instant from = rome(LocalDateTime.of(2024, 10, 18, 0, 0));
        Instant to = rome(LocalDateTime.of(2024, 10, 19, 0, 0));
        apply(new SeatDelegated(B, "d1", "s1", "m1", "x1", "Mario Rossi", from, to, "1/24", "prot. 9001"));
        apply(new DelegationRevoked(B, "d1", from.plusSeconds(15 * 3600), "revoca"));

        BodyTimeline.Delegations at10 = projection.handle(new FindDelegations(B, from.plusSeconds(10 * 3600))).orElseThrow();
        assertThat(at10.active()).hasSize(1);
        assertThat(at10.votingRights()).extracting(BodyTimeline.VotingRight::voterPersonId).containsExactly("x1", "m2");
        // never both: the holder of s1 is not a voter while the delegate is
        assertThat(at10.votingRights()).extracting(BodyTimeline.VotingRight::voterPersonId).doesNotContain("m1");

        BodyTimeline.Delegations at16 = projection.handle(new FindDelegations(B, from.plusSeconds(16 * 3600))).orElseThrow();
        assertThat(at16.active()).isEmpty();
        assertThat(at16.votingRights()).extracting(BodyTimeline.VotingRight::voterPersonId).containsExactly("m1", "m2");
    }

    @Test
    void theRuleSetInForceOnADate() {
        QuorumRule half = new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS, null);
        apply(new RuleSetAdopted(B, 1, "R1", LocalDate.of(2024, 10, 1), half,
                new MajorityRule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, null, null), Weighting.HEADCOUNT, true, null));
        apply(new RuleSetAdopted(B, 2, "R2", LocalDate.of(2025, 1, 1), half,
                new MajorityRule(MajorityRule.Kind.ABSOLUTE_MAJORITY_OF_MEMBERS, null, null), Weighting.POPULATION, true, null));

        assertThat(projection.handle(new FindRuleSet(B, LocalDate.of(2024, 9, 30)))).isEmpty();
        assertThat(projection.handle(new FindRuleSet(B, LocalDate.of(2024, 10, 18))).orElseThrow().name()).isEqualTo("R1");
        assertThat(projection.handle(new FindRuleSet(B, LocalDate.of(2024, 12, 31))).orElseThrow().version()).isEqualTo(1);
        assertThat(projection.handle(new FindRuleSet(B, LocalDate.of(2025, 1, 1))).orElseThrow().majority().kind())
                .isEqualTo(MajorityRule.Kind.ABSOLUTE_MAJORITY_OF_MEMBERS);
    }

    @Test
    void replayingAnEventChangesNothing() {
        org.bson.Document before = mongo.template().getCollection(BodyView.COLLECTION).find().first();
        projection.on(new MemberSeated(B, "s2", "m2", "Ennio Roberto Oliva", null, OCT_10, null, ACT), 5, T);
        assertThat(mongo.template().getCollection(BodyView.COLLECTION).find().first()).isEqualTo(before);
    }
}
