package it.registro.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.KnownReferences;

import it.registro.domain.document.api.StoredDocument;
import it.registro.domain.session.api.*;

import static it.registro.domain.common.Rejections.rejectedWith;
import static org.hamcrest.Matchers.allOf;
import static it.registro.domain.common.RecordMatchers.having;
import static org.hamcrest.Matchers.instanceOf;

/** Seduta 1/24 of seed 004 in small steps: m1..m6 members, n1 the DG (a participant). */
class SessionTest {

    private static final String S = "s1";
    private static final LocalDate DAY = LocalDate.of(2024, 10, 18);
    private AggregateTestFixture<Session> fixture;
    private FakeBodyFacts body;

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, LocalTime.of(hour, minute)).atZone(BusinessTime.ZONE).toInstant();
    }

    @BeforeEach
    void setUp() {
        body = new FakeBodyFacts();
        for (int i = 1; i <= 6; i++) {
            body.member("m" + i, "seat" + i, 1000L * i);
        }
        body.act(LocalDate.of(2024, 10, 10));
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(body);
        fixture.registerInjectableResource(new KnownReferences(Set.of("m1", "n1", "n3", "x1"), Set.of()));
    }

    private static SessionConvened convened() {
        return new SessionConvened(S, FakeBodyFacts.BODY, "1/24", "85679/24", LocalDate.of(2024, 10, 8), "n1",
                "Ramponi Ida Maria Ada", DAY, LocalTime.of(14, 0), SessionMode.TELEMATIC, null, null);
    }

    /** Convened, agenda set, n1 registered, m1 m3 m5 m6 arrived at 14:00, opened at 14:00. */
    private static List<Object> opened() {
        List<Object> events = new ArrayList<>(List.of(convened(),
                new AgendaItemAdded(S, 1, ItemKind.ELECTION, "Elezione del Presidente e del Vice Presidente"),
                new AgendaItemAdded(S, 2, ItemKind.NOMINATION, "Responsabile UPT"),
                new AgendaItemAdded(S, 3, ItemKind.INFORMATION, "Programmazione zonale"),
                new AgendaItemAdded(S, 4, ItemKind.OPINION, "Parere"),
                new ParticipantRegistered(S, "n1", "Ida Maria Ada Ramponi", ParticipantRole.DIRECTOR_GENERAL, "Direttore Generale")));
        int n = 1;
        for (String m : List.of("m1", "m3", "m5", "m6")) {
            events.add(new MemberArrived(S, "fact-" + n++, m, "seat" + m.substring(1), false, at(14, 0), TimePrecision.EXACT, null));
        }
        events.add(new SessionOpened(S, at(14, 0)));
        return events;
    }

    private static List<Object> with(List<Object> base, Object... more) {
        List<Object> events = new ArrayList<>(base);
        events.addAll(List.of(more));
        return events;
    }

    private static Matcher<Object> flagged(String code) {
        return allOf(instanceOf(DiscrepancyFlagged.class), having("code", org.hamcrest.Matchers.equalTo(code)));
    }

    @Test
    @DisplayName("convening needs a known body; a convocation cannot follow the sitting")
    void convene() {
        fixture.givenNoPriorActivity()
                .when(new ConveneSession(S, FakeBodyFacts.BODY, "1/24", "85679/24", LocalDate.of(2024, 10, 8), "n1",
                        "Ramponi Ida Maria Ada", DAY, LocalTime.of(14, 0), SessionMode.TELEMATIC, null, null))
                .expectEvents(convened());
        fixture.givenNoPriorActivity()
                .when(new ConveneSession(S, "nobody", null, null, null, null, null, DAY, null, null, null, null))
                .expectException(rejectedWith("BODY_NOT_FOUND")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ConveneSession(S, FakeBodyFacts.BODY, null, null, DAY.plusDays(1), null, null, DAY, null, null, null, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "protocolDate")).expectNoEvents();
    }

    @Test
    @DisplayName("G7: a member's arrival is accepted under a composition act dated after the convocation, with one warning")
    void compositionActAfterConvocation() {
        fixture.given(convened())
                .when(new RecordArrival(S, "m1", at(14, 0), TimePrecision.EXACT, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        instanceOf(MemberArrived.class), flagged("COMPOSITION_ACT_AFTER_CONVOCATION"), Matchers.andNoMore())));
        body.act(LocalDate.of(2024, 10, 7));
        fixture.given(convened())
                .when(new RecordArrival(S, "m1", at(14, 0), TimePrecision.EXACT, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        instanceOf(MemberArrived.class), Matchers.andNoMore())));
    }

    @Test
    @DisplayName("G2: only members (or delegates) arrive; a departure cannot precede the arrival; nothing after the close")
    void attendanceRules() {
        fixture.given(opened()).when(new RecordArrival(S, "n1", at(14, 5), TimePrecision.EXACT, null))
                .expectException(rejectedWith("NOT_A_MEMBER")).expectNoEvents();
        fixture.given(with(opened(), new MemberArrived(S, "fact-9", "m2", "seat2", false, at(14, 20), TimePrecision.APPROXIMATE, "circa")))
                .when(new RecordDeparture(S, "m2", at(14, 10), TimePrecision.EXACT, null))
                .expectException(rejectedWith("DEPARTURE_BEFORE_ARRIVAL")).expectNoEvents();
        fixture.given(with(opened(), new SessionClosed(S, at(15, 15), "15,15")))
                .when(new RecordArrival(S, "m4", at(15, 20), TimePrecision.EXACT, null))
                .expectException(rejectedWith("SESSION_CLOSED")).expectNoEvents();
    }

    @Test
    @DisplayName("G3: a tally above the members present at the vote is rejected with the figures; non-members do not raise the limit")
    void tallyExceedsPresent() {
        fixture.given(opened())
                .when(new RecordElection(S, 1, Office.PRESIDENT, "m1", "LEONARDO VIRGILIO", at(14, 10), new Tally(3, 0, 2), null))
                .expectException(allOf(rejectedWith("TALLY_EXCEEDS_PRESENT"),
                        having("rejection", having("details", org.hamcrest.Matchers.equalTo(
                                Map.of("tally", 5, "presentMembers", 4))))))
                .expectNoEvents();
    }

    @Test
    @DisplayName("G3: an election at 3/0/1 with 4 present is accepted; the outcome is judged under the rule set in force")
    void electionAccepted() {
        body.rules(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, Weighting.HEADCOUNT);
        QuorumFigures q = new QuorumFigures(1, "MAJORITY_OF_MEMBERS", true, 4, 6, 4, 15000, 0);
        fixture.given(opened())
                .when(new RecordElection(S, 1, Office.PRESIDENT, "m1", "LEONARDO VIRGILIO", at(14, 10), new Tally(3, 0, 1), "ELETTO"))
                .expectEvents(new ElectionRecorded(S, "fact-5", FakeBodyFacts.BODY, 1, Office.PRESIDENT, "m1",
                        "LEONARDO VIRGILIO", at(14, 10), new Tally(3, 0, 1), 4, q, 1, "MAJORITY_OF_VOTERS_PRESENT", 3L,
                        Outcome.PASSED, "ELETTO", 4L, false));
    }

    @Test
    @DisplayName("G9 variant: under an absolute majority of members the recorded election stands, flagged OUTCOME_RULE_MISMATCH")
    void outcomeMismatch() {
        body.rules(MajorityRule.Kind.ABSOLUTE_MAJORITY_OF_MEMBERS, Weighting.HEADCOUNT);
        fixture.given(opened())
                .when(new RecordElection(S, 1, Office.PRESIDENT, "m1", "x", at(14, 10), new Tally(3, 0, 1), "ELETTO"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        instanceOf(ElectionRecorded.class), flagged("OUTCOME_RULE_MISMATCH"), Matchers.andNoMore())));
    }

    @Test
    @DisplayName("G3: an election before the opening is rejected SESSION_NOT_OPEN")
    void beforeOpening() {
        fixture.given(opened())
                .when(new RecordElection(S, 1, Office.PRESIDENT, "m1", "x", at(13, 55), new Tally(3, 0, 1), null))
                .expectException(rejectedWith("SESSION_NOT_OPEN")).expectNoEvents();
    }

    @Test
    @DisplayName("G4: non-members never vote, absent members cannot, and a non-member cannot be elected")
    void whoMayVote() {
        fixture.given(opened())
                .when(new RecordVote(S, 1, "x", at(14, 10), VoteMode.OPEN_NAMED, null,
                        List.of(new NamedVote("n1", Choice.FOR)), null, null))
                .expectException(rejectedWith("VOTER_NOT_MEMBER", "votes[0].personId")).expectNoEvents();
        fixture.given(opened())
                .when(new RecordVote(S, 1, "x", at(14, 10), VoteMode.OPEN_NAMED, null,
                        List.of(new NamedVote("m4", Choice.FOR)), null, null))
                .expectException(rejectedWith("VOTER_NOT_PRESENT")).expectNoEvents();
        fixture.given(opened())
                .when(new RecordElection(S, 1, Office.PRESIDENT, "n1", "x", at(14, 10), new Tally(3, 0, 1), null))
                .expectException(rejectedWith("CANDIDATE_NOT_MEMBER")).expectNoEvents();
    }

    @Test
    @DisplayName("G10: an information item is not votable")
    void informationNotVotable() {
        fixture.given(opened())
                .when(new RecordVote(S, 3, "x", at(14, 40), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null))
                .expectException(rejectedWith("ITEM_NOT_VOTABLE")).expectNoEvents();
    }

    @Test
    @DisplayName("a secret ballot never stores individual choices")
    void secretBallot() {
        fixture.given(opened())
                .when(new RecordVote(S, 4, "x", at(14, 40), VoteMode.SECRET, new Tally(3, 1, 0),
                        List.of(new NamedVote("m1", Choice.FOR)), null, null))
                .expectException(rejectedWith("SECRET_BALLOT_CHOICES")).expectNoEvents();
    }

    @Test
    @DisplayName("a delegate votes for the seat it holds; the delegating member does not")
    void delegateVotes() {
        body.delegations.add(new BodyFacts.DelegationFact("d1", "seat1", "m1", "x1", at(0, 0), at(23, 0)));
        List<Object> given = with(opened(), new MemberArrived(S, "fact-9", "x1", "seat1", true, at(14, 1), TimePrecision.EXACT, null));
        fixture.given(given)
                .when(new RecordVote(S, 4, "x", at(14, 30), VoteMode.OPEN_NAMED, null, List.of(new NamedVote("m1", Choice.FOR)), null, null))
                .expectException(rejectedWith("VOTE_DELEGATED")).expectNoEvents();
        fixture.given(given)
                .when(new RecordVote(S, 4, "x", at(14, 30), VoteMode.OPEN_NAMED, null, List.of(new NamedVote("x1", Choice.FOR)), null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("population-weighted votes carry weights and the outcome uses weighted totals")
    void weightedVote() {
        body.rules(MajorityRule.Kind.MAJORITY_OF_VOTES_CAST, Weighting.POPULATION);
        // m1 (1000) and m3 (3000) for, m5 (5000) against: 4000 against 5000 → not passed though 2 heads to 1
        fixture.given(opened())
                .when(new RecordVote(S, 4, "x", at(14, 30), VoteMode.OPEN_NAMED, null, List.of(new NamedVote("m1", Choice.FOR),
                        new NamedVote("m3", Choice.FOR), new NamedVote("m5", Choice.AGAINST)), null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(allOf(instanceOf(VoteRecorded.class),
                        having("weightedTally", org.hamcrest.Matchers.equalTo(new Tally(4000, 5000, 0))),
                        having("tally", org.hamcrest.Matchers.equalTo(new Tally(2, 1, 0))),
                        having("computedOutcome", org.hamcrest.Matchers.equalTo(Outcome.NOT_PASSED))), Matchers.andNoMore())));
        fixture.given(opened())
                .when(new RecordVote(S, 4, "x", at(14, 30), VoteMode.OPEN_COUNTS, new Tally(2, 1, 0), null, null, null))
                .expectException(rejectedWith("WEIGHTED_VOTE_NEEDS_NAMES")).expectNoEvents();
    }

    @Test
    @DisplayName("a vote when quorum is not met is rejected with the figures")
    void quorumNotMet() {
        body.rules(new QuorumRule(QuorumRule.Kind.FIXED_NUMBER, 5));
        fixture.given(opened())
                .when(new RecordVote(S, 4, "x", at(14, 30), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null))
                .expectException(allOf(rejectedWith("QUORUM_NOT_MET"), having("rejection", having("details",
                        allOf(org.hamcrest.Matchers.hasEntry("present", (Object) 4), org.hamcrest.Matchers.hasEntry("required", (Object) 5))))))
                .expectNoEvents();
    }

    @Test
    @DisplayName("G3: attested voters equal to those present raise no flag; a different count does")
    void attestedVoters() {
        List<Object> elected = with(opened(), new ElectionRecorded(S, "fact-5", FakeBodyFacts.BODY, 1, Office.PRESIDENT, "m1", null,
                at(14, 10), new Tally(3, 0, 1), 4, null, null, null, null, null, null, null, false));
        fixture.given(elected).when(new AttestVoters(S, 1, 4, at(14, 20), "quattro"))
                .expectEvents(new VotersAttested(S, "fact-6", 1, 4, at(14, 20), "quattro"));
        fixture.given(elected).when(new AttestVoters(S, 1, 5, at(14, 20), "cinque"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(VotersAttested.class),
                        flagged("VOTER_COUNT_MISMATCH"), Matchers.andNoMore())));
    }

    @Test
    @DisplayName("G6: the chair must be present; a 'Vice Presidente' label on someone else is flagged, the label kept")
    void chair() {
        List<Object> given = with(opened(),
                new ElectionRecorded(S, "fact-5", FakeBodyFacts.BODY, 1, Office.VICE_PRESIDENT, "m6", null, at(14, 10),
                        new Tally(3, 0, 1), 4, null, null, null, null, null, null, null, false),
                new MemberLeft(S, "fact-6", "m1", at(15, 0), TimePrecision.EXACT, "alle ore 15"));
        fixture.given(given).when(new AssignChair(S, "m4", at(15, 0), ChairBasis.SUBSTITUTE, null, null))
                .expectException(rejectedWith("CHAIR_NOT_PRESENT")).expectNoEvents();
        fixture.given(given).when(new AssignChair(S, "m1", at(15, 5), ChairBasis.PRESIDENT, null, null))
                .expectException(rejectedWith("CHAIR_NOT_PRESENT")).expectNoEvents();
        fixture.given(given).when(new AssignChair(S, "m5", at(15, 0), ChairBasis.SUBSTITUTE, "Il Vice Presidente del Collegio Capucci", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(ChairAssumed.class),
                        flagged("VP_LABEL_MISMATCH"), Matchers.andNoMore())));
        fixture.given(given).when(new AssignChair(S, "n1", at(14, 0), ChairBasis.INTERIM, null, "non essendo ancora stato rieletto"))
                .expectEvents(new ChairAssumed(S, "fact-7", "n1", false, at(14, 0), ChairBasis.INTERIM, null,
                        "non essendo ancora stato rieletto", null));
    }

    @Test
    @DisplayName("G5: only a registered candidature can be designated; the designation waits for its ratification")
    void designation() {
        List<Object> given = with(opened(), new CandidatureRegistered(S, 2, "lazzari", "Francesco Lazzari", "1971, Cremona", "L411"));
        fixture.given(given)
                .when(new DesignateAppointee(S, 2, "Responsabile UPT", "superbi", "Pietro Superbi", at(14, 30),
                        DesignationBasis.UNANIMOUS, "all'unanimità", null, null, "ATS Val Padana", null, 3, null))
                .expectException(rejectedWith("CANDIDATE_NOT_REGISTERED")).expectNoEvents();
        fixture.given(given)
                .when(new DesignateAppointee(S, 2, "Responsabile UPT", "lazzari", "dr. Francesco Lazzari", at(14, 30),
                        DesignationBasis.UNANIMOUS, "all'unanimità", null, "criterio territoriale", "ATS Val Padana",
                        "atto del Direttore Generale di ATS Val Padana", 3, null))
                .expectEvents(new AppointeeDesignated(S, "designation-1", 2, "Responsabile UPT", "lazzari",
                        "dr. Francesco Lazzari", at(14, 30), DesignationBasis.UNANIMOUS, "all'unanimità", null,
                        "criterio territoriale", "ATS Val Padana", "atto del Direttore Generale di ATS Val Padana", 3, null));
    }

    @Test
    @DisplayName("A4: ratification by the right issuer starts a 3-year term; wrong issuer, early date and a second ratification are refused")
    void ratification() {
        List<Object> given = with(opened(), new CandidatureRegistered(S, 2, "lazzari", "Francesco Lazzari", null, null),
                new AppointeeDesignated(S, "designation-1", 2, "UPT", "lazzari", null, at(14, 30), DesignationBasis.UNANIMOUS,
                        null, null, null, "ATS Val Padana", null, 3, null));
        ActRef act = new ActRef("ATS Val Padana", "Deliberazione", "9002", LocalDate.of(2024, 11, 15), null);
        fixture.given(given).when(new RatifyDesignation(S, "designation-1", act, LocalDate.of(2024, 11, 15)))
                .expectEvents(new DesignationRatified(S, "designation-1", act, LocalDate.of(2024, 11, 15),
                        LocalDate.of(2024, 11, 15), LocalDate.of(2027, 11, 14)));
        fixture.given(given).when(new RatifyDesignation(S, "designation-1",
                        new ActRef("ASST Cremona", "Decreto", "150", LocalDate.of(2022, 3, 29), null), LocalDate.of(2024, 11, 15)))
                .expectException(rejectedWith("WRONG_RATIFYING_AUTHORITY")).expectNoEvents();
        fixture.given(given).when(new RatifyDesignation(S, "designation-1",
                        new ActRef("ATS Val Padana", "Deliberazione", "9002", LocalDate.of(2024, 10, 17), null), LocalDate.of(2024, 10, 17)))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(with(given, new DesignationRatified(S, "designation-1", act, LocalDate.of(2024, 11, 15), null, null)))
                .when(new RatifyDesignation(S, "designation-1", act, LocalDate.of(2024, 11, 16)))
                .expectException(rejectedWith("ALREADY_RATIFIED")).expectNoEvents();
    }

    @Test
    @DisplayName("G12: minutes are signed after the close, published after signing, once")
    void minutes() {
        List<Signatory> signers = List.of(new Signatory("m1", "Leonardo Virgilio", "IL PRESIDENTE ELETTO"));
        fixture.given(opened()).when(new SignMinutes(S, LocalDate.of(2024, 10, 25), signers))
                .expectException(rejectedWith("SESSION_NOT_CLOSED")).expectNoEvents();
        List<Object> closed = with(opened(), new SessionClosed(S, at(15, 15), "15,15"));
        fixture.given(closed).when(new PublishMinutes(S, LocalDate.of(2024, 10, 28), "https://www.ats-valpadana.it/collegio-dei-sindaci", null))
                .expectException(rejectedWith("MINUTES_NOT_SIGNED")).expectNoEvents();
        fixture.given(closed).when(new SignMinutes(S, LocalDate.of(2024, 10, 25), signers))
                .expectEvents(new MinutesSigned(S, LocalDate.of(2024, 10, 25), signers));
        fixture.given(with(closed, new MinutesSigned(S, LocalDate.of(2024, 10, 25), signers),
                        new MinutesPublished(S, LocalDate.of(2024, 10, 28), "https://x.it", null, null)))
                .when(new PublishMinutes(S, LocalDate.of(2024, 10, 29), "https://x.it", null))
                .expectException(rejectedWith("ALREADY_PUBLISHED")).expectNoEvents();
    }

    @Test
    @DisplayName("the published verbale's PDF/A is recorded with its SHA-256; a malformed digest is refused")
    void publishedPdf() {
        List<Signatory> signers = List.of(new Signatory("m1", "Leonardo Virgilio", "IL PRESIDENTE ELETTO"));
        List<Object> signed = with(opened(), new SessionClosed(S, at(15, 15), "15,15"),
                new MinutesSigned(S, LocalDate.of(2024, 10, 25), signers));
        StoredDocument pdf = new StoredDocument("doc-1", "verbale.pdf", "application/pdf", 1234, "ab".repeat(32));
        fixture.given(signed).when(new PublishMinutes(S, LocalDate.of(2024, 10, 28), "https://x.it", null, pdf))
                .expectEvents(new MinutesPublished(S, LocalDate.of(2024, 10, 28), "https://x.it", null, pdf));
        fixture.given(signed).when(new PublishMinutes(S, LocalDate.of(2024, 10, 28), "https://x.it", null,
                        new StoredDocument("doc-1", "verbale.pdf", "application/pdf", 1234, "not-a-digest")))
                .expectException(rejectedWith("DIGEST_MALFORMED")).expectNoEvents();
    }

    @Test
    @DisplayName("a document is attached to the session or an item with its hash, until the minutes are published")
    void documents() {
        StoredDocument slides = new StoredDocument("doc-2", "slides.pdf", "application/pdf", 99, "cd".repeat(32));
        fixture.given(opened()).when(new AttachDocument(S, 1, "Slides del Direttore Generale", slides, "secretariat"))
                .expectEvents(new SessionDocumentAttached(S, "attachment-1", 1, "Slides del Direttore Generale", slides, "secretariat"));
        fixture.given(opened()).when(new AttachDocument(S, 42, "Slides", slides, "secretariat"))
                .expectException(rejectedWith("ITEM_NOT_ON_AGENDA")).expectNoEvents();
        fixture.given(opened()).when(new AttachDocument(S, null, "Slides", new StoredDocument("doc-2", "s.pdf", "application/pdf", 0,
                        "cd".repeat(32)), "secretariat"))
                .expectException(rejectedWith("DOCUMENT_EMPTY")).expectNoEvents();
        List<Signatory> signers = List.of(new Signatory("m1", "Leonardo Virgilio", "IL PRESIDENTE ELETTO"));
        fixture.given(with(opened(), new SessionClosed(S, at(15, 15), "15,15"), new MinutesSigned(S, LocalDate.of(2024, 10, 25), signers),
                        new MinutesPublished(S, LocalDate.of(2024, 10, 28), "https://x.it", null, null)))
                .when(new AttachDocument(S, null, "Slides", slides, "secretariat"))
                .expectException(rejectedWith("MINUTES_ALREADY_PUBLISHED")).expectNoEvents();
    }

    @Test
    @DisplayName("a correction is a new event with a reason; a corrected tally is checked again")
    void corrections() {
        List<Object> elected = with(opened(), new ElectionRecorded(S, "fact-5", FakeBodyFacts.BODY, 1, Office.PRESIDENT, "m1",
                "LEONARDO VIRGILIO", at(14, 10), new Tally(3, 0, 1), 4, null, null, null, null, null, null, null, false));
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", "abstained", "0", "errore di trascrizione"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new RecordCorrected(S, "fact-5",
                                List.of(new it.registro.domain.common.FieldChange("abstained", "1", "0")), "errore di trascrizione")),
                        instanceOf(VoteFiguresRecomputed.class), instanceOf(ElectionCorrected.class), Matchers.andNoMore())));
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", "abstained", "2", "x"))
                .expectException(rejectedWith("TALLY_EXCEEDS_PRESENT")).expectNoEvents();
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", "office", "VICE_PRESIDENT", "x"))
                .expectException(rejectedWith("FIELD_NOT_CORRECTABLE")).expectNoEvents();
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", "abstained", "0", " "))
                .expectException(rejectedWith("FIELD_REQUIRED", "reason")).expectNoEvents();
        fixture.given(elected).when(new CorrectRecord(S, "fact-1", "at", "2024-10-18T14:02", "ora esatta"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new RecordCorrected(S, "fact-1",
                                List.of(new it.registro.domain.common.FieldChange("at", at(14, 0).toString(), at(14, 2).toString())), "ora esatta")),
                        // the election recorded with no figures now has the floor's
                        instanceOf(VoteFiguresRecomputed.class), Matchers.andNoMore())));
    }

    @Test
    @DisplayName("G11: a stated total is checked against its lines; a wrong one is flagged, the stated figure kept")
    void totals() {
        List<FundingLine> lines = List.of(
                new FundingLine("e1", null, "a", new BigDecimal("183000.00"), null, "L1097"),
                new FundingLine("e2", null, "b", new BigDecimal("774000.00"), null, "L1099"),
                new FundingLine("e3", null, "c", new BigDecimal("183000.00"), null, "L1101"),
                new FundingLine("e4", null, "d", new BigDecimal("244000.00"), null, "L1103"),
                new FundingLine("e5", null, "Centrale di monitoraggio", null, null, "L1105"));
        TotalCheck check = new TotalCheck("equipment", List.of("e1", "e2", "e3", "e4", "e5"), false, List.of(),
                new BigDecimal("1344000.00"), "Totale 1.344.000,00", "L1107");
        fixture.given(convened(), new AgendaItemAdded(S, 2, ItemKind.INFORMATION, "Polo ospedaliero"))
                .when(new RecordFigures(S, 2, List.of(new Milestone(YearMonth.of(2023, 12), "Dicembre ‘23", "x", "PLANNED", null)),
                        lines, List.of(check)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(allOf(instanceOf(FiguresRecorded.class),
                        having("results", org.hamcrest.Matchers.contains(allOf(
                                having("computed", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("1384000.00"))),
                                having("passed", org.hamcrest.Matchers.is(false)))))),
                        allOf(flagged("SUBTOTAL_MISMATCH"), having("details", org.hamcrest.Matchers.hasEntry("difference", "40000.00"))),
                        Matchers.andNoMore())));
    }

    @Test
    @DisplayName("G10: a session of information items only, with no opening, closes")
    void informationOnly() {
        fixture.given(new SessionConvened(S, FakeBodyFacts.BODY, null, null, null, null, null, DAY, null, null, null, null),
                        new AgendaItemAdded(S, 1, ItemKind.INFORMATION, "a"))
                .when(new CloseSession(S, at(18, 0), null))
                .expectEvents(new SessionClosed(S, at(18, 0), null));
    }

    // ================================================================== issue 20: one ballot per motion, corrections as a whole

    private static VoteRecorded secretVote(String factId, int itemNo, Tally tally) {
        return new VoteRecorded(S, factId, itemNo, "x", at(14, 40), VoteMode.SECRET, tally, null, null, 4, null, 1,
                "MAJORITY_OF_VOTERS_PRESENT", 3L, Outcome.PASSED, Outcome.PASSED, null, 4L, false, null, null);
    }

    @Test
    @DisplayName("issue 20 #5: after a secret ballot no named vote on the same item, unless a re-vote with its reason")
    void secretBallotStaysSecret() {
        List<Object> given = with(opened(), secretVote("fact-5", 4, new Tally(3, 1, 0)));
        List<NamedVote> everyone = List.of(new NamedVote("m1", Choice.FOR), new NamedVote("m3", Choice.FOR),
                new NamedVote("m5", Choice.FOR), new NamedVote("m6", Choice.AGAINST));
        fixture.given(given)
                .when(new RecordVote(S, 4, "x", at(14, 40), VoteMode.OPEN_NAMED, null, everyone, null, null))
                .expectException(rejectedWith("SECRET_BALLOT_HELD", "mode")).expectNoEvents();
        fixture.given(given)
                .when(new RecordVote(S, 4, "altra mozione", at(14, 45), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null))
                .expectException(rejectedWith("SECRET_BALLOT_HELD", "mode")).expectNoEvents();
        fixture.given(given)
                .when(new RecordVote(S, 4, "x", at(14, 50), VoteMode.OPEN_NAMED, null, everyone, null, null,
                        "ripetizione della votazione per contestazione del conteggio"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(allOf(instanceOf(VoteRecorded.class),
                        having("revoteOf", org.hamcrest.Matchers.equalTo("fact-5")),
                        having("revoteReason", org.hamcrest.Matchers.equalTo("ripetizione della votazione per contestazione del conteggio"))),
                        Matchers.andNoMore())));
    }

    @Test
    @DisplayName("issue 20 #5: after an open vote no secret ballot on the item; a second ballot on a motion only as a re-vote")
    void oneBallotPerMotion() {
        VoteRecorded open = new VoteRecorded(S, "fact-5", 4, "x", at(14, 40), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null,
                4, null, 1, "MAJORITY_OF_VOTERS_PRESENT", 3L, Outcome.PASSED, Outcome.PASSED, null, 4L, false, null, null);
        fixture.given(with(opened(), open))
                .when(new RecordVote(S, 4, "x", at(14, 45), VoteMode.SECRET, new Tally(4, 0, 0), null, null, null))
                .expectException(rejectedWith("OPEN_BALLOT_HELD", "mode")).expectNoEvents();
        fixture.given(with(opened(), open))
                .when(new RecordVote(S, 4, " X ", at(14, 45), VoteMode.OPEN_COUNTS, new Tally(3, 1, 0), null, null, null))
                .expectException(rejectedWith("BALLOT_ALREADY_HELD")).expectNoEvents();
        fixture.given(opened())
                .when(new RecordVote(S, 4, "x", at(14, 45), VoteMode.OPEN_COUNTS, new Tally(3, 1, 0), null, null, null, "di nuovo"))
                .expectException(rejectedWith("NOTHING_TO_REVOTE", "revoteReason")).expectNoEvents();
        // a different motion on the same item, openly, is its own ballot
        fixture.given(with(opened(), open))
                .when(new RecordVote(S, 4, "emendamento", at(14, 45), VoteMode.OPEN_COUNTS, new Tally(3, 1, 0), null, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("issue 20 #4: a whole tally is corrected at once (3/0/1 → 1/3/0 with 4 present), with no intermediate tally")
    void wholeTallyCorrection() {
        body.rules(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, Weighting.HEADCOUNT);
        List<Object> elected = with(opened(), new ElectionRecorded(S, "fact-5", FakeBodyFacts.BODY, 1, Office.PRESIDENT, "m1",
                "LEONARDO VIRGILIO", at(14, 10), new Tally(3, 0, 1), 4, null, null, null, null, null, null, null, false));
        // field by field, the first step (against 3 beside 3 in favour and 1 abstained = 7) is refused
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", "against", "3", "trascrizione"))
                .expectException(rejectedWith("TALLY_EXCEEDS_PRESENT")).expectNoEvents();
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", null, null, "trascrizione",
                        Map.of("inFavour", "1", "against", "3", "abstained", "0")))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        allOf(instanceOf(RecordCorrected.class), having("changes", org.hamcrest.Matchers.containsInAnyOrder(
                                new it.registro.domain.common.FieldChange("inFavour", "3", "1"),
                                new it.registro.domain.common.FieldChange("against", "0", "3"),
                                new it.registro.domain.common.FieldChange("abstained", "1", "0")))),
                        allOf(instanceOf(VoteFiguresRecomputed.class), having("tally", org.hamcrest.Matchers.equalTo(new Tally(1, 3, 0)))),
                        flagged("OUTCOME_RULE_MISMATCH"), // the corrected election no longer passes: flagged, the record kept
                        allOf(instanceOf(ElectionCorrected.class), having("tally", org.hamcrest.Matchers.equalTo(new Tally(1, 3, 0)))),
                        Matchers.andNoMore())));
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", "tally", "1/3/0", "trascrizione"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(RecordCorrected.class),
                        instanceOf(VoteFiguresRecomputed.class), flagged("OUTCOME_RULE_MISMATCH"), instanceOf(ElectionCorrected.class),
                        Matchers.andNoMore())));
        fixture.given(elected).when(new CorrectRecord(S, "fact-5", null, null, "x", Map.of("inFavour", "3", "against", "2")))
                .expectException(rejectedWith("TALLY_EXCEEDS_PRESENT")).expectNoEvents();
    }

    @Test
    @DisplayName("issue 20 #4: a corrected arrival time moves the quorum declared and the figures of the votes after it")
    void attendanceCorrectionCarriesThrough() {
        body.rules(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, Weighting.HEADCOUNT);
        // the declaration and the vote as the aggregate records them, with the floor's figures
        var given = fixture.given(opened()).andGivenCommands(new DeclareQuorum(S, at(14, 5), null, null),
                new RecordVote(S, 4, "x", at(14, 40), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, Outcome.PASSED, null));
        // m6 arrived at 14:30, not 14:00: three present at 14:05, the quorum not met then; four at the vote
        given.when(new CorrectRecord(S, "fact-4", "at", "2024-10-18T14:30", "orario del verbale"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(RecordCorrected.class),
                        allOf(instanceOf(QuorumRecomputed.class), having("at", org.hamcrest.Matchers.equalTo(at(14, 5))),
                                having("computed", having("present", org.hamcrest.Matchers.equalTo(3))),
                                having("computed", having("met", org.hamcrest.Matchers.equalTo(false)))),
                        Matchers.andNoMore())));
        // m6 arrived after the vote: the tally of 4 could not have been cast by 3 present
        fixture.given(opened()).andGivenCommands(new DeclareQuorum(S, at(14, 5), null, null),
                        new RecordVote(S, 4, "x", at(14, 40), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, Outcome.PASSED, null))
                .when(new CorrectRecord(S, "fact-4", "at", "2024-10-18T14:50", "orario del verbale"))
                .expectException(rejectedWith("CORRECTION_CONTRADICTS_BALLOT")).expectNoEvents();
    }

    @Test
    @DisplayName("issue 20 #4: a correction that would take a named voter out of the room is refused")
    void correctionContradictsNamedVote() {
        List<Object> given = with(opened(), new VoteRecorded(S, "fact-5", 4, "x", at(14, 40), VoteMode.OPEN_NAMED, new Tally(1, 0, 0),
                List.of(new NamedVote("m6", Choice.FOR)), null, 4, null, null, null, null, null, null, null, null, false, null, null));
        fixture.given(given).when(new CorrectRecord(S, "fact-4", "at", "2024-10-18T15:00", "orario"))
                .expectException(rejectedWith("CORRECTION_CONTRADICTS_BALLOT")).expectNoEvents();
        fixture.given(given).when(new CorrectRecord(S, "fact-5", "inFavour", "2", "x"))
                .expectException(rejectedWith("FIELD_NOT_CORRECTABLE")).expectNoEvents();
    }

    @Test
    @DisplayName("issue 20 #4: convocation data, opinions and designations are corrected with a reason")
    void otherCorrections() {
        fixture.given(opened()).when(new CorrectRecord(S, "convocation", "protocol", "85680/24", "numero di protocollo errato"))
                .expectEvents(new RecordCorrected(S, "convocation",
                        List.of(new it.registro.domain.common.FieldChange("protocol", "85679/24", "85680/24")), "numero di protocollo errato"));
        fixture.given(opened()).when(new CorrectRecord(S, "convocation", "protocolDate", "2024-10-19", "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        List<Object> opinion = with(opened(), new OpinionGiven(S, "fact-5", 4, null, OpinionOutcome.FAVOURABLE, null, null,
                at(14, 40), new Tally(4, 0, 0)));
        fixture.given(opinion).when(new CorrectRecord(S, "fact-5", null, null, "il parere era condizionato",
                        Map.of("outcome", "FAVOURABLE_WITH_CONDITIONS", "conditionsAsRecorded", "a condizione che ...")))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(RecordCorrected.class), Matchers.andNoMore())));
        fixture.given(opinion).when(new CorrectRecord(S, "fact-5", "outcome", "FAVOURABLE_WITH_CONDITIONS", "x"))
                .expectException(rejectedWith("FIELD_REQUIRED", "conditionsAsRecorded")).expectNoEvents();
        fixture.given(opinion).when(new CorrectRecord(S, "fact-5", "inFavour", "5", "x"))
                .expectException(rejectedWith("TALLY_EXCEEDS_PRESENT")).expectNoEvents();
        List<Object> designated = with(opened(), new CandidatureRegistered(S, 2, "lazzari", "Francesco Lazzari", null, null),
                new AppointeeDesignated(S, "designation-1", 2, "UPT", "lazzari", null, at(14, 30), DesignationBasis.UNANIMOUS,
                        null, null, null, "ATS Val Padana", null, 3, null));
        fixture.given(designated).when(new CorrectRecord(S, "designation-1", "termYears", "2", "durata biennale"))
                .expectEvents(new RecordCorrected(S, "designation-1",
                        List.of(new it.registro.domain.common.FieldChange("termYears", "3", "2")), "durata biennale"));
        fixture.given(designated).when(new CorrectRecord(S, "designation-1", "termYears", "99", "x"))
                .expectException(rejectedWith("TERM_OUT_OF_RANGE")).expectNoEvents();
    }

    // ================================================================== issue 21: late entries and interventions

    private static final Map<String, Object> LATE = Map.of(Session.LATE_ENTRY, "dimenticato nella stesura del verbale");

    @Test
    @DisplayName("issue 21 #3: after the close a fact is entered only as a late entry: with a reason, dated inside the sitting, minutes a draft")
    void lateEntries() {
        List<Object> closed = with(opened(), new SessionClosed(S, at(15, 15), null));
        fixture.given(closed).when(new RecordArrival(S, "m2", at(14, 30), TimePrecision.EXACT, null))
                .expectException(allOf(rejectedWith("SESSION_CLOSED", "lateEntryReason"),
                        having("rejection", having("message", org.hamcrest.Matchers.containsString("18/10/2024 15:15 (ora italiana)")))))
                .expectNoEvents();
        fixture.given(closed).when(new RecordArrival(S, "m2", at(14, 30), TimePrecision.EXACT, null), LATE)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new MemberArrived(S, "fact-5", "m2", "seat2", false, at(14, 30), TimePrecision.EXACT, null)),
                        flagged("COMPOSITION_ACT_AFTER_CONVOCATION"),
                        org.hamcrest.Matchers.equalTo(new LateEntryNoted(S, "fact-5", at(14, 30), "dimenticato nella stesura del verbale")),
                        Matchers.andNoMore())));
        fixture.given(closed).when(new AddAgendaItem(S, 5, ItemKind.INFORMATION, "Varie ed eventuali"), LATE)
                .expectEvents(new AgendaItemAdded(S, 5, ItemKind.INFORMATION, "Varie ed eventuali"),
                        new LateEntryNoted(S, "item-5", null, "dimenticato nella stesura del verbale"));
        fixture.given(closed).when(new RecordVote(S, 4, "x", at(15, 30), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null), LATE)
                .expectException(rejectedWith("LATE_ENTRY_OUTSIDE_SITTING")).expectNoEvents();
        fixture.given(closed).when(new RecordVote(S, 4, "x", at(13, 30), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null), LATE)
                .expectException(rejectedWith("SESSION_NOT_OPEN")).expectNoEvents();
        fixture.given(closed).when(new RecordVote(S, 4, "x", at(14, 40), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null), LATE)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(VoteRecorded.class),
                        instanceOf(LateEntryNoted.class), Matchers.andNoMore())));
        fixture.given(with(closed, new MinutesSigned(S, LocalDate.of(2024, 10, 25), List.of(new Signatory("m1", null, null)))))
                .when(new RecordArrival(S, "m2", at(14, 30), TimePrecision.EXACT, null), LATE)
                .expectException(rejectedWith("MINUTES_ALREADY_SIGNED")).expectNoEvents();
    }

    @Test
    @DisplayName("issue 21 #2: an intervention by a member, a participant or a speaker named as recorded; correctable with a reason")
    void interventions() {
        fixture.given(opened()).when(new RecordIntervention(S, 4, "m5", "Il Sindaco Capucci", at(14, 35), "ritiene opportuno un approfondimento"))
                .expectEvents(new InterventionRecorded(S, "fact-5", 4, "m5", "Il Sindaco Capucci", at(14, 35), "ritiene opportuno un approfondimento"));
        fixture.given(opened()).when(new RecordIntervention(S, 4, "n1", null, at(14, 35), "illustra il piano"))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened()).when(new RecordIntervention(S, 4, null, "Il rappresentante delle OO.SS.", at(14, 35), "chiede chiarimenti"))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened()).when(new RecordIntervention(S, 4, "x1", null, at(14, 35), "x"))
                .expectException(rejectedWith("SPEAKER_NOT_IN_SESSION")).expectNoEvents();
        fixture.given(opened()).when(new RecordIntervention(S, 4, null, null, at(14, 35), "x"))
                .expectException(rejectedWith("FIELD_REQUIRED", "personId")).expectNoEvents();
        // m2 is a member but never arrived: a member speaks while present
        fixture.given(opened()).when(new RecordIntervention(S, 4, "m2", null, at(14, 35), "x"))
                .expectException(rejectedWith("SPEAKER_NOT_PRESENT", "at")).expectNoEvents();
        fixture.given(with(opened(), new InterventionRecorded(S, "fact-5", 4, "m5", null, at(14, 35), "ritiene")))
                .when(new CorrectRecord(S, "fact-5", "summaryAsRecorded", "ritiene opportuno un approfondimento", "testo completo"))
                .expectEvents(new RecordCorrected(S, "fact-5", List.of(new it.registro.domain.common.FieldChange("summaryAsRecorded",
                        "ritiene", "ritiene opportuno un approfondimento")), "testo completo"));
    }

    @Test
    @DisplayName("issue 21 #4: a later sitting's vote approves the minutes of an earlier one; those minutes go signed → approved → published")
    void minutesApproval() {
        body.rules(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, Weighting.HEADCOUNT);
        fixture.given(convened()).when(new AddAgendaItem(S, 1, ItemKind.MINUTES_APPROVAL, "Approvazione del verbale della seduta precedente"))
                .expectException(rejectedWith("FIELD_REQUIRED", "minutesOf")).expectNoEvents();
        fixture.given(convened()).when(new AddAgendaItem(S, 1, ItemKind.DELIBERATION, "x", "s0"))
                .expectException(rejectedWith("FIELD_NOT_ALLOWED", "minutesOf")).expectNoEvents();
        List<Object> later = with(opened(), new AgendaItemAdded(S, 5, ItemKind.MINUTES_APPROVAL, "Approvazione del verbale", "s0"));
        fixture.given(later).when(new RecordVote(S, 5, null, at(14, 15), VoteMode.OPEN_COUNTS, new Tally(4, 0, 0), null, null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(VoteRecorded.class),
                        org.hamcrest.Matchers.equalTo(new MinutesApprovalVoted(S, FakeBodyFacts.BODY, "fact-5", 5, "s0", at(14, 15))),
                        Matchers.andNoMore())));
        fixture.given(later).when(new RecordVote(S, 5, null, at(14, 15), VoteMode.OPEN_COUNTS, new Tally(1, 3, 0), null, null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(VoteRecorded.class), Matchers.andNoMore())));

        List<Signatory> signers = List.of(new Signatory("m1", null, null));
        List<Object> signed = with(opened(), new SessionClosed(S, at(15, 15), null), new MinutesSigned(S, LocalDate.of(2024, 10, 25), signers));
        ApproveMinutes approve = new ApproveMinutes(S, FakeBodyFacts.BODY, "s2", "fact-3", LocalDate.of(2024, 11, 20));
        fixture.given(signed).when(approve).expectEvents(new MinutesApproved(S, LocalDate.of(2024, 11, 20), "s2", "fact-3"));
        fixture.given(with(opened(), new SessionClosed(S, at(15, 15), null))).when(approve)
                .expectException(rejectedWith("MINUTES_NOT_SIGNED")).expectNoEvents();
        fixture.given(signed).when(new ApproveMinutes(S, "another-body", "s2", "fact-3", LocalDate.of(2024, 11, 20)))
                .expectException(rejectedWith("MINUTES_OF_ANOTHER_BODY")).expectNoEvents();
        fixture.given(with(signed, new MinutesApproved(S, LocalDate.of(2024, 11, 20), "s2", "fact-3")))
                .when(new PublishMinutes(S, LocalDate.of(2024, 11, 21), "https://example.org/verbale", null))
                .expectSuccessfulHandlerExecution();
    }
}
