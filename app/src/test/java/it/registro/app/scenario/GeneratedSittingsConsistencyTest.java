package it.registro.app.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.axon.ProcessorSupervisor;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioTest;
import it.registro.app.support.VotingViews;
import it.registro.domain.body.api.DelegateSeat;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.session.api.*;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20 #1: 200 sittings generated from a fixed seed — arrivals and departures at random minutes,
 * delegates holding seats for the day (and their delegators sometimes turning up too), counted, named and
 * secret votes, outcomes recorded with and against the rules, re-votes, corrected arrival times — on a body
 * weighing votes by population and on one counting heads under three rule sets over time. Every view of
 * every vote must give the aggregate's figures and outcome, and the auditor's recomputation must find no
 * difference but the outcomes the minutes stated against the rules.
 */
@ScenarioTest
class GeneratedSittingsConsistencyTest {

    private static final int SITTINGS = 200;
    private static final int MEMBERS = 9;
    private static final String WEIGHTED = "assemblea-generata-pesata";
    private static final String HEADCOUNT = "conferenza-generata";
    private static final LocalDate FIRST = LocalDate.of(2030, 1, 7);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProcessorSupervisor supervisor;

    Api api;
    final List<String> sittings = new ArrayList<>();
    final Map<String, List<String>> members = new HashMap<>();
    final List<String> delegates = new ArrayList<>();
    int votesRecorded;
    int revotes;
    int delegations;
    int corrections;
    int withoutQuorum;

    /** Sends a command; a refusal the generator may provoke (no quorum, a correction the ballots contradict) is returned, not thrown. */
    private String send(Object command) {
        try {
            commands.sendAndWait(command, it.registro.app.support.TestCaller.tester(WEIGHTED, HEADCOUNT));
            return null;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t != null && !(t instanceof CommandRejectedException)) {
                t = t.getCause();
            }
            if (t == null) {
                throw e;
            }
            return ((CommandRejectedException) t).rejection().code();
        }
    }

    private static Instant at(LocalDate day, int minutesAfterTen) {
        return LocalDateTime.of(day, LocalTime.of(10, 0)).plusMinutes(minutesAfterTen).atZone(BusinessTime.ZONE).toInstant();
    }

    private static String ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.body();
    }

    @BeforeAll
    void generate() {
        api = new Api(port);
        for (String body : List.of(WEIGHTED, HEADCOUNT)) {
            List<String> ids = new ArrayList<>();
            StringBuilder seats = new StringBuilder();
            for (int k = 0; k < MEMBERS; k++) {
                String comune = "comune-" + body + "-" + k;
                ok(api.postJson("/api/comuni", json(Map.of("id", comune, "name", "Comune " + body + " " + k, "province", "BG"))), 201);
                ok(api.postJson("/api/comuni/" + comune + "/populations", json(Map.of("population", 1000 + 1500 * k * k,
                        "referenceDate", "2029-01-01", "source", "FIXTURE"))), 200);
                String person = api.postJson("/api/persons", json(Map.of("name", "Sindaco " + body + " " + k))).json().get("id").asString();
                ids.add(person);
                seats.append(k == 0 ? "" : ",").append("""
                        {"role":"MAYOR","constituency":"%s","personId":"%s","comuneId":"%s"}""".formatted(comune, person, comune));
            }
            members.put(body, ids);
            ok(api.postJson("/api/bodies", """
                    {"id":"%s","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Generata %s"},
                     "name":"Assemblea %s"}""".formatted(body, body, body)), 201);
            ok(api.postJson("/api/bodies/" + body + "/compositions", """
                    {"act":{"citation":"Decreto n. 1 del 02/01/2030 (FIXTURE)"},"effectiveFrom":"2030-01-02","renewal":true,"seats":[%s]}"""
                    .formatted(seats)), 200);
        }
        ok(api.postJson("/api/bodies/" + WEIGHTED + "/rule-sets", """
                {"name":"Regolamento pesato","effectiveFrom":"2030-01-02","quorum":{"kind":"MAJORITY_OF_MEMBERS_AND_POPULATION"},
                 "majority":{"kind":"MAJORITY_OF_VOTES_CAST"},"weighting":"POPULATION","delegationAllowed":true}"""), 200);
        ok(api.postJson("/api/bodies/" + HEADCOUNT + "/rule-sets", """
                {"name":"Regolamento 1","effectiveFrom":"2030-01-02","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}"""), 200);
        ok(api.postJson("/api/bodies/" + HEADCOUNT + "/rule-sets", """
                {"name":"Regolamento 2","effectiveFrom":"2030-04-01","quorum":{"kind":"FIXED_NUMBER","fixedNumber":4},
                 "majority":{"kind":"ABSOLUTE_MAJORITY_OF_MEMBERS"},"weighting":"HEADCOUNT","delegationAllowed":true}"""), 200);
        ok(api.postJson("/api/bodies/" + HEADCOUNT + "/rule-sets", """
                {"name":"Regolamento 3","effectiveFrom":"2030-07-01","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"QUALIFIED_FRACTION_OF_VOTERS_PRESENT","numerator":2,"denominator":3},"weighting":"HEADCOUNT",
                 "delegationAllowed":true}"""), 200);
        for (int d = 0; d < 3; d++) {
            delegates.add(api.postJson("/api/persons", json(Map.of("name", "Delegato " + d))).json().get("id").asString());
        }

        Random rnd = new Random(20261206L);
        for (int i = 0; i < SITTINGS; i++) {
            sitting(i, rnd);
        }
        // every read model has caught up with every stored event before the views are read
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> supervisor.states().stream()
                .allMatch(s -> s.lag() != null && s.lag() == 0));
    }

    /** One sitting: who arrives and leaves when, who votes how, what the minutes state. */
    private void sitting(int i, Random rnd) {
        String body = i % 2 == 0 ? WEIGHTED : HEADCOUNT;
        boolean weighted = body.equals(WEIGHTED);
        LocalDate day = FIRST.plusDays(i);
        List<String> seatHolders = members.get(body);
        // the seat a delegate holds for the day, if any
        int delegatedSeat = rnd.nextInt(4) == 0 ? rnd.nextInt(MEMBERS) : -1;
        String delegate = delegatedSeat < 0 ? null : delegates.get(rnd.nextInt(delegates.size()));
        if (delegate != null) {
            String seatId = "mayor-comune-" + body + "-" + delegatedSeat;
            assertThat(send(new DelegateSeat(body, "gen-" + i, seatId, delegate, null, at(day, -600), at(day, 840), "gen-" + i,
                    "prot. gen " + i))).isNull();
            delegations++;
        }
        String s = "gen-" + i;
        assertThat(send(new ConveneSession(s, body, i + "/30", null, null, null, null, day, LocalTime.of(10, 0), SessionMode.IN_PERSON,
                null, null))).isNull();
        for (int item = 1; item <= 3; item++) {
            assertThat(send(new AddAgendaItem(s, item, ItemKind.DELIBERATION, "Punto " + item))).isNull();
        }
        // arrivals: each seat's voter with probability 0.85; a delegator now and then turns up beside the delegate
        Map<String, int[]> stays = new LinkedHashMap<>();
        for (int k = 0; k < MEMBERS; k++) {
            String voter = k == delegatedSeat ? delegate : seatHolders.get(k);
            if (rnd.nextInt(100) < 85) {
                stays.put(voter, new int[] {rnd.nextInt(21), Integer.MAX_VALUE});
            }
            if (k == delegatedSeat && rnd.nextInt(3) == 0) {
                stays.put(seatHolders.get(k), new int[] {rnd.nextInt(21), Integer.MAX_VALUE});
            }
        }
        stays.forEach((person, stay) -> assertThat(send(new RecordArrival(s, person, at(day, stay[0]), TimePrecision.EXACT, null))).isNull());
        if (send(new OpenSession(s, at(day, 30))) != null) {
            assertThat(send(new CloseSession(s, at(day, 31), null))).isNull();
            sittings.add(s);
            withoutQuorum++;
            return;
        }
        for (Map.Entry<String, int[]> stay : stays.entrySet()) {
            if (rnd.nextInt(5) == 0) {
                stay.getValue()[1] = 40 + rnd.nextInt(61);
                assertThat(send(new RecordDeparture(s, stay.getKey(), at(day, stay.getValue()[1]), TimePrecision.EXACT, null))).isNull();
            }
        }
        int[] voteMinutes = {45, 65, 85};
        for (int item = 1; item <= 3; item++) {
            int minute = voteMinutes[item - 1];
            List<String> voters = new ArrayList<>();
            for (int k = 0; k < MEMBERS; k++) {
                String voter = k == delegatedSeat ? delegate : seatHolders.get(k);
                int[] stay = stays.get(voter);
                if (stay != null && stay[0] <= minute && minute < stay[1]) {
                    voters.add(voter);
                }
            }
            VoteMode mode = weighted ? VoteMode.OPEN_NAMED : VoteMode.values()[rnd.nextInt(3)];
            Outcome stated = switch (rnd.nextInt(5)) {
                case 0, 1 -> null;
                case 2, 3 -> Outcome.PASSED;
                default -> Outcome.NOT_PASSED;
            };
            String code = vote(s, item, day, minute, mode, voters, stated, null, rnd);
            if (code == null && rnd.nextInt(8) == 0) {
                // the motion is put again, openly and by name, for a stated reason
                if (vote(s, item, day, minute + 5, VoteMode.OPEN_NAMED, voters, stated, "ripetizione per contestazione del conteggio",
                        rnd) == null) {
                    revotes++;
                }
            }
        }
        if (rnd.nextInt(10) == 0 && !stays.isEmpty()) {
            // an arrival time corrected: refused where a ballot contradicts it, carried into every figure where not
            if (send(new CorrectRecord(s, "fact-1", "at", LocalDateTime.ofInstant(at(day, 21 + rnd.nextInt(50)), BusinessTime.ZONE).toString(),
                    "orario del verbale")) == null) {
                corrections++;
            }
        }
        assertThat(send(new CloseSession(s, at(day, 120), null))).isNull();
        sittings.add(s);
    }

    private String vote(String s, int item, LocalDate day, int minute, VoteMode mode, List<String> voters, Outcome stated, String revote,
                        Random rnd) {
        List<NamedVote> named = null;
        Tally tally = null;
        if (mode == VoteMode.OPEN_NAMED) {
            named = new ArrayList<>();
            for (String voter : voters) {
                if (rnd.nextInt(6) > 0) {
                    named.add(new NamedVote(voter, Choice.values()[rnd.nextInt(Choice.values().length)]));
                }
            }
            if (named.isEmpty()) {
                return "NO_VOTERS";
            }
        } else {
            int total = voters.isEmpty() ? 0 : rnd.nextInt(voters.size() + 1);
            int inFavour = total == 0 ? 0 : rnd.nextInt(total + 1);
            int against = total - inFavour == 0 ? 0 : rnd.nextInt(total - inFavour + 1);
            tally = new Tally(inFavour, against, total - inFavour - against);
        }
        String code = send(new RecordVote(s, item, "Mozione " + item, at(day, minute), mode, tally, named, stated, null, revote));
        if (code == null) {
            votesRecorded++;
        }
        return code;
    }

    @Test
    @DisplayName("200 generated sittings: every view of every vote gives the aggregate's figures and outcome; the recomputation agrees")
    void oneTruthOverGeneratedSittings() {
        VotingViews views = new VotingViews(api, eventStore);
        for (String s : sittings) {
            views.assertConsistent(s);
        }
        assertThat(sittings).hasSize(SITTINGS);
        assertThat(views.checked()).as("votes checked").isEqualTo(votesRecorded).isGreaterThan(300);
        JsonNode report = api.postJson("/api/audit/recomputation", "{}").json();
        assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("sessions").asInt()).isEqualTo(SITTINGS);
        assertThat(report.get("votes").asInt()).isEqualTo(votesRecorded);
        // the same recomputation offline, from an audit bundle's stored bytes alone
        ok(api.postJson("/api/admin/checkpoints", "{}"), 200);
        List<String> bundle = api.get("/api/audit/bundle", "Accept", "text/plain").body().lines().toList();
        assertThat(it.registro.app.audit.ledger.OfflineVerifier.check(bundle).problems()).isEmpty();
        it.registro.app.audit.ledger.OfflineVerifier.Recomputation offline = it.registro.app.audit.ledger.OfflineVerifier.recompute(bundle);
        assertThat(offline.sessions()).isEqualTo(SITTINGS);
        assertThat(offline.votes()).isEqualTo(votesRecorded);
        assertThat(offline.differences()).extracting(it.registro.domain.session.SessionReplay.Difference::field)
                .containsOnly(it.registro.app.audit.VoteRecomputation.STATED_OUTCOME);
        assertThat(offline.differences()).hasSize(report.get("statedAgainstRules").asInt());
        // the generator reached every path it is meant to: outcomes stated against the rules, re-votes, delegates,
        // corrected times carried into the figures, sittings that never had their quorum
        assertThat(report.get("statedAgainstRules").asInt()).isPositive();
        assertThat(revotes).isPositive();
        assertThat(delegations).isPositive();
        assertThat(corrections).isPositive();
        assertThat(withoutQuorum).isPositive();
    }
}
