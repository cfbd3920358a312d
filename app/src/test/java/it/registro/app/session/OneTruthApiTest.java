package it.registro.app.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.RegistroIntegrationTest;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The defects of issue 20, each as the secretariat, a mayor or an auditor met it, through the REST API:
 * a corrected election tally reaching the officers, a whole tally corrected at once, a secret ballot that
 * a named vote cannot undo, a re-vote shown as such, and presence counted by seats with who holds each.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTruthApiTest {

    private static final String BODY = "one-truth";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    Api api;
    String s;
    final String[] m = new String[4];
    String delegate;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        StringBuilder seats = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            String comune = "comune-one-truth-" + i;
            ok(api.postJson("/api/comuni", json(Map.of("id", comune, "name", "Comune OT " + i, "province", "CR"))), 201);
            m[i] = api.postJson("/api/persons", json(Map.of("name", "Sindaco OT " + i))).json().get("id").asString();
            seats.append(i == 0 ? "" : ",").append("""
                    {"role":"MAYOR","constituency":"%s","personId":"%s","comuneId":"%s"}""".formatted(comune, m[i], comune));
        }
        delegate = api.postJson("/api/persons", json(Map.of("name", "Delegato OT"))).json().get("id").asString();
        ok(api.postJson("/api/bodies", """
                {"id":"%s","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST One Truth"},"name":"Conferenza OT"}"""
                .formatted(BODY)), 201);
        ok(api.postJson("/api/bodies/" + BODY + "/compositions", """
                {"act":{"citation":"Decreto n. 9101 del 02/01/2025 (FIXTURE)"},"effectiveFrom":"2025-01-02","renewal":true,"seats":[%s]}"""
                .formatted(seats)), 200);
        ok(api.postJson("/api/bodies/" + BODY + "/rule-sets", """
                {"name":"Regolamento OT","effectiveFrom":"2025-01-02","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}"""), 200);
        ok(api.postJson("/api/bodies/" + BODY + "/delegations", """
                {"seatId":"mayor-comune-one-truth-3","delegatePersonId":"%s","from":"2025-02-03T00:00","to":"2025-02-04T00:00",
                 "letterRef":"prot. 9102/25"}""".formatted(delegate)), 201);
        Api.Response convened = ok(api.postJson("/api/sessions", json(Map.of("bodyId", BODY, "number", "1/25", "date", "2025-02-03",
                "scheduledStart", "10:00", "mode", "IN_PERSON"))), 201);
        s = "/api/sessions/" + convened.json().get("id").asString();
        ok(api.postJson(s + "/agenda", "{\"itemNo\":1,\"kind\":\"ELECTION\",\"title\":\"Elezione del Presidente\"}"), 200);
        ok(api.postJson(s + "/agenda", "{\"itemNo\":2,\"kind\":\"DELIBERATION\",\"title\":\"Nomina del revisore\"}"), 200);
        // the delegator turns up beside the delegate who holds his seat's vote today
        for (String p : List.of(m[0], m[1], m[2], delegate, m[3])) {
            ok(api.postJson(s + "/arrivals", json(Map.of("personId", p, "at", "2025-02-03T10:00"))), 200);
        }
        ok(api.postJson(s + "/open", "{\"at\":\"2025-02-03T10:05\"}"), 200);
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    @Test
    @DisplayName("/present counts seats, not persons: a delegate and the delegator beside him are one seat, and it says who votes for it")
    void presentCountsSeats() {
        JsonNode present = api.get(s + "/present?at=2025-02-03T10:10").json();
        assertThat(present.get("personIds").size()).isEqualTo(5);
        assertThat(present.get("present").asInt()).isEqualTo(4);
        assertThat(present.get("seats").asInt()).isEqualTo(4);
        JsonNode quorum = api.get(s + "/quorum?at=2025-02-03T10:10").json();
        assertThat(quorum.get("present").asInt()).isEqualTo(present.get("present").asInt());
        JsonNode seat3 = null;
        for (JsonNode v : present.get("votes")) {
            if (v.get("seatId").asString().equals("mayor-comune-one-truth-3")) {
                seat3 = v;
            }
        }
        assertThat(seat3).isNotNull();
        assertThat(seat3.get("voterPersonId").asString()).isEqualTo(delegate);
        assertThat(seat3.get("holderPersonId").asString()).isEqualTo(m[3]);
        assertThat(seat3.get("delegated").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("an election tally corrected as a whole (3/0/1 → 1/3/0, impossible field by field) reaches the officers")
    void electionCorrectionReachesOfficers() {
        Api.Response elected = ok(api.postJson(s + "/elections", json(Map.of("itemNo", 1, "office", "PRESIDENT", "personId", m[0],
                "at", "2025-02-03T10:10", "tally", Map.of("inFavour", 3, "against", 0, "abstained", 1)))), 200);
        String fact = elected.json().get("id").asString();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(api.get("/api/bodies/" + BODY + "/officers?at=2025-02-03T11:00")
                .json().get("offices").get(0).get("tally").get("inFavour").asInt()).isEqualTo(3));
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        Api.Response stepwise = api.postJson(s + "/corrections", json(Map.of("factId", fact, "field", "against", "value", "3",
                "reason", "trascrizione errata")));
        assertThat(stepwise.json().get("code").asString()).isEqualTo("TALLY_EXCEEDS_PRESENT");
        assertThat(events.total()).isEqualTo(before);
        ok(api.postJson(s + "/corrections", json(Map.of("factId", fact, "field", "tally", "value", "1/3/0",
                "reason", "trascrizione errata"))), 200);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode president = api.get("/api/bodies/" + BODY + "/officers?at=2025-02-03T11:00").json().get("offices").get(0);
            assertThat(president.get("tally").get("inFavour").asInt()).isEqualTo(1);
            assertThat(president.get("tally").get("against").asInt()).isEqualTo(3);
        });
        // the history holds the original and one correction of the whole tally, nothing in between
        List<it.registro.domain.session.api.RecordCorrected> corrections = eventStore.readEvents(s.substring(s.lastIndexOf('/') + 1))
                .asStream().map(e -> e.getPayload()).filter(it.registro.domain.session.api.RecordCorrected.class::isInstance)
                .map(it.registro.domain.session.api.RecordCorrected.class::cast).toList();
        assertThat(corrections).hasSize(1);
        assertThat(corrections.get(0).allChanges()).extracting(it.registro.domain.common.FieldChange::field)
                .containsExactly("inFavour", "against", "abstained");
    }

    @Test
    @DisplayName("a secret ballot stays secret: no named vote on the item after it, unless a re-vote with its reason, shown as such")
    void secretBallotStaysSecret() {
        ok(api.postJson(s + "/votes", json(Map.of("itemNo", 2, "subject", "Nomina", "at", "2025-02-03T10:20", "mode", "SECRET",
                "tally", Map.of("inFavour", 3, "against", 1, "abstained", 0)))), 200);
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        List<Map<String, String>> everyone = List.of(Map.of("personId", m[0], "choice", "FOR"), Map.of("personId", m[1], "choice", "FOR"),
                Map.of("personId", m[2], "choice", "FOR"), Map.of("personId", delegate, "choice", "AGAINST"));
        Api.Response named = api.postJson(s + "/votes", json(Map.of("itemNo", 2, "subject", "Nomina", "at", "2025-02-03T10:20",
                "mode", "OPEN_NAMED", "votes", everyone)));
        assertThat(named.status()).isEqualTo(409);
        assertThat(named.json().get("code").asString()).isEqualTo("SECRET_BALLOT_HELD");
        assertThat(events.total()).isEqualTo(before);
        ok(api.postJson(s + "/votes", json(Map.of("itemNo", 2, "subject", "Nomina", "at", "2025-02-03T10:30", "mode", "OPEN_NAMED",
                "votes", everyone, "revoteReason", "contestazione dello spoglio"))), 200);
        String verbale = api.get(s + "/minutes.html", "Accept", "text/html").body();
        assertThat(verbale).contains("a scrutinio segreto");
        JsonNode decisions = api.get(s + "/minutes").json().get("items").get(1).get("decisions");
        assertThat(decisions.get(0).get("secret").asBoolean()).isTrue();
        assertThat(decisions.get(1).get("revoteReason").asString()).isEqualTo("contestazione dello spoglio");
        for (JsonNode v : api.get("/api/bodies/" + BODY + "/popolo").json().get("vote_events")) {
            if (v.get("start_date").asString().startsWith("2025-02-03T10:20")) {
                assertThat(v.get("votes").size()).as("no choice tied to a person for the secret ballot").isZero();
            }
        }
    }
}
