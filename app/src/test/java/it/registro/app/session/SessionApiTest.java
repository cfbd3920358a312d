package it.registro.app.session;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.RegistroIntegrationTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A FIXTURE Assemblea dei Sindaci weighted by population (act numbers from 9001), through the REST
 * API: delegations and weighted named votes, quorum refusals with their figures, opinions,
 * corrections, ratification, and the bad input every session endpoint must refuse.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionApiTest {

    private static final String BODY = "assemblea-fixture-weighted";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    String s;
    String a;
    String b;
    String c;
    String delegate;
    String guest;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        long[] populations = {10_000, 3_000, 2_000};
        String[] comuni = {"comune-fixture-alto", "comune-fixture-medio", "comune-fixture-basso"};
        for (int i = 0; i < 3; i++) {
            api.postJson("/api/comuni", json(Map.of("id", comuni[i], "name", "Fixture " + i, "province", "CR")));
            api.postJson("/api/comuni/" + comuni[i] + "/populations",
                    json(Map.of("population", populations[i], "referenceDate", "2024-01-01", "source", "FIXTURE")));
        }
        a = person("Sindaco Alto");
        b = person("Sindaco Medio");
        c = person("Sindaco Basso");
        delegate = person("Delegato Basso");
        guest = person("Direttore Ospite");
        ok(api.postJson("/api/bodies", """
                {"id":"%s","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Fixture Pesata"},
                 "name":"Assemblea dei Sindaci Fixture"}""".formatted(BODY)), 201);
        ok(api.postJson("/api/bodies/" + BODY + "/compositions", """
                {"act":{"citation":"Decreto n. 9001 del 10/01/2024"},"effectiveFrom":"2024-01-10","renewal":true,"seats":[
                 {"role":"MAYOR","constituency":"comune-fixture-alto","personId":"%s","comuneId":"comune-fixture-alto"},
                 {"role":"MAYOR","constituency":"comune-fixture-medio","personId":"%s","comuneId":"comune-fixture-medio"},
                 {"role":"MAYOR","constituency":"comune-fixture-basso","personId":"%s","comuneId":"comune-fixture-basso"}]}"""
                .formatted(a, b, c)), 200);
        ok(api.postJson("/api/bodies/" + BODY + "/rule-sets", """
                {"name":"Regolamento pesato (FIXTURE)","effectiveFrom":"2024-01-10","quorum":{"kind":"MAJORITY_OF_POPULATION"},
                 "majority":{"kind":"MAJORITY_OF_VOTES_CAST"},"weighting":"POPULATION","delegationAllowed":true}"""), 200);
        ok(api.postJson("/api/bodies/" + BODY + "/delegations", """
                {"seatId":"mayor-comune-fixture-basso","delegatePersonId":"%s","from":"2024-05-20T00:00","to":"2024-05-21T00:00",
                 "sessionRef":"9001/24","letterRef":"prot. 9002/24"}""".formatted(delegate)), 201);
        Api.Response convened = api.postJson("/api/sessions", json(Map.of("bodyId", BODY, "number", "9001/24",
                "date", "2024-05-20", "scheduledStart", "10:00", "mode", "IN_PERSON", "venue", "Sala FIXTURE")));
        ok(convened, 201);
        s = "/api/sessions/" + convened.json().get("id").asString();
        ok(api.postJson(s + "/agenda", "{\"itemNo\":1,\"kind\":\"DELIBERATION\",\"title\":\"Piano di zona (FIXTURE)\"}"), 200);
        ok(api.postJson(s + "/agenda", "{\"itemNo\":2,\"kind\":\"OPINION\",\"title\":\"Parere sul PPT (FIXTURE)\"}"), 200);
        ok(api.postJson(s + "/agenda", "{\"itemNo\":3,\"kind\":\"NOMINATION\",\"title\":\"Designazione (FIXTURE)\"}"), 200);
        ok(api.postJson(s + "/agenda", "{\"itemNo\":4,\"kind\":\"INFORMATION\",\"title\":\"Ritirato (FIXTURE)\"}"), 200);
        ok(api.postJson(s + "/agenda/4/withdraw", "{\"reason\":\"rinviato\"}"), 200);
        ok(api.postJson(s + "/participants", json(Map.of("personId", guest, "role", "DIRECTOR", "roleAsRecorded", "Direttore"))), 200);
        // b and c's delegate arrive: 5,000 of 15,000 inhabitants present — no quorum yet
        ok(api.postJson(s + "/arrivals", json(Map.of("personId", b, "at", "2024-05-20T10:00"))), 200);
        ok(api.postJson(s + "/arrivals", json(Map.of("personId", delegate, "at", "2024-05-20T10:00"))), 200);
    }

    private String person(String name) {
        return api.postJson("/api/persons", json(Map.of("name", name))).json().get("id").asString();
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    private JsonNode refused(String path, String body, int status, String code) {
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        Api.Response r = api.postJson(path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(events.total()).as("no event stored by a refused " + code).isEqualTo(before);
        return r.json();
    }

    /** Runs in one method so that the order of the sitting is the order of the test. */
    @Test
    @DisplayName("a population-weighted sitting: quorum by population, delegate votes, weighted outcome, corrections, ratification")
    void weightedSitting() {
        // quorum by population is not met at 10:00 (5,000 of 15,000): opening refused with the figures
        JsonNode q = refused(s + "/open", "{\"at\":\"2024-05-20T10:00\"}", 422, "QUORUM_NOT_MET");
        assertThat(q.get("details").get("presentPopulation").asLong()).isEqualTo(5000);
        assertThat(q.get("details").get("requiredPopulation").asLong()).isEqualTo(7501);
        assertThat(api.get(s + "/quorum?at=2024-05-20T10:05").json().get("met").asBoolean()).isFalse();
        // the mayor of the big comune arrives: quorum met with 2 of 3 heads
        ok(api.postJson(s + "/arrivals", json(Map.of("personId", a, "at", "2024-05-20T10:10"))), 200);
        JsonNode quorum = api.get(s + "/quorum?at=2024-05-20T10:15").json();
        assertThat(quorum.get("met").asBoolean()).isTrue();
        assertThat(quorum.get("presentPopulation").asLong()).isEqualTo(15000);
        refused(s + "/votes", voteJson(1, "2024-05-20T10:20", "OPEN_COUNTS", null), 422, "SESSION_NOT_OPEN");
        ok(api.postJson(s + "/open", "{\"at\":\"2024-05-20T10:15\"}"), 200);

        // counts-only votes cannot be weighed; the delegating mayor cannot vote; the delegate can
        refused(s + "/votes", voteJson(1, "2024-05-20T10:20", "OPEN_COUNTS", null), 422, "WEIGHTED_VOTE_NEEDS_NAMES");
        refused(s + "/votes", namedVote(1, c, "FOR"), 422, "VOTE_DELEGATED");
        refused(s + "/votes", namedVote(1, guest, "FOR"), 422, "VOTER_NOT_MEMBER");
        refused(s + "/arrivals", json(Map.of("personId", guest, "at", "2024-05-20T10:00")), 422, "NOT_A_MEMBER");
        // two heads against one, but 10,000 inhabitants against 5,000: the weighted outcome decides
        Api.Response vote = ok(api.postJson(s + "/votes", """
                {"itemNo":1,"subject":"Approvazione (FIXTURE)","at":"2024-05-20T10:20","mode":"OPEN_NAMED",
                 "votes":[{"personId":"%s","choice":"AGAINST"},{"personId":"%s","choice":"FOR"},{"personId":"%s","choice":"FOR"}],
                 "recordedOutcome":"PASSED","outcomeAsRecorded":"approvato"}""".formatted(a, b, delegate)), 200);
        String voteId = vote.json().get("id").asString();
        JsonNode tally = api.get(s + "/votes").json().get(0);
        assertThat(tally.get("tally").get("inFavour").asInt()).isEqualTo(2);
        assertThat(tally.get("weightedTally").get("inFavour").asInt()).isEqualTo(5000);
        assertThat(tally.get("weightedTally").get("against").asInt()).isEqualTo(10000);
        assertThat(tally.get("computedOutcome").asString()).isEqualTo("NOT_PASSED");
        JsonNode flags = api.get(s + "/discrepancies").json();
        assertThat(flags.get(0).get("code").asString()).isEqualTo("OUTCOME_RULE_MISMATCH");

        // a tally above those present, on an item not on the agenda, on a withdrawn item
        refused(s + "/votes", """
                {"itemNo":2,"at":"2024-05-20T10:30","mode":"OPEN_NAMED","votes":[{"personId":"%s","choice":"FOR"},
                 {"personId":"%s","choice":"FOR"}]}""".formatted(a, a), 422, "DUPLICATE_VOTER");
        refused(s + "/votes", namedVote(9, a, "FOR"), 422, "ITEM_NOT_ON_AGENDA");
        refused(s + "/votes", namedVote(4, a, "FOR"), 422, "ITEM_NOT_VOTABLE");

        // an opinion (parere) with conditions on an act
        refused(s + "/opinions", """
                {"itemNo":2,"act":{"issuer":"ASST Fixture Pesata","type":"Decreto","number":"9003"},
                 "outcome":"FAVOURABLE_WITH_CONDITIONS","at":"2024-05-20T10:40"}""", 422, "FIELD_REQUIRED");
        ok(api.postJson(s + "/opinions", """
                {"itemNo":2,"act":{"issuer":"ASST Fixture Pesata","type":"Decreto","number":"9003","citation":"Decreto 9003/2024"},
                 "outcome":"FAVOURABLE_WITH_CONDITIONS","conditionsAsRecorded":"a condizione di … (FIXTURE)",
                 "textAsRecorded":"parere favorevole con condizioni","at":"2024-05-20T10:40"}"""), 200);

        // a correction (rettifica): a new event with a reason; the view shows the corrected value and that it was corrected
        refused(s + "/corrections", json(Map.of("factId", voteId, "field", "outcomeAsRecorded", "value", "respinto", "reason", " ")),
                400, "VALIDATION_FAILED");
        refused(s + "/corrections", json(Map.of("factId", "fact-999", "field", "at", "value", "x", "reason", "r")), 404, "UNKNOWN_FACT");
        ok(api.postJson(s + "/corrections", json(Map.of("factId", voteId, "field", "outcomeAsRecorded", "value", "respinto",
                "reason", "errore materiale nel verbale"))), 200);
        JsonNode record = api.get(s).json();
        assertThat(record.get("session").get("votes").get(0).get("outcomeAsRecorded").asString()).isEqualTo("respinto");
        assertThat(record.get("correctedFacts").toString()).contains(voteId);
        JsonNode correction = record.get("session").get("corrections").get(0);
        assertThat(correction.get("previousValue").asString()).isEqualTo("approvato");
        assertThat(correction.get("newValue").asString()).isEqualTo("respinto");
        assertThat(correction.get("reason").asString()).isEqualTo("errore materiale nel verbale");

        // a designation by majority, then its ratification by the right issuer; a second one is refused
        ok(api.postJson(s + "/candidatures", "{\"itemNo\":3,\"candidatureId\":\"k1\",\"name\":\"Candidata Fixture\"}"), 200);
        Api.Response designation = ok(api.postJson(s + "/designations", """
                {"itemNo":3,"office":"Rappresentante (FIXTURE)","candidatureId":"k1","at":"2024-05-20T10:50","basis":"MAJORITY",
                 "tally":{"inFavour":3,"against":0,"abstained":0},"ratifyingIssuer":"ASST Fixture Pesata","termYears":2}"""), 200);
        String designationId = designation.json().get("id").asString();
        refused(s + "/designations/" + designationId + "/ratify",
                "{\"act\":{\"issuer\":\"Altro Ente\",\"citation\":\"x\"},\"ratifiedOn\":\"2024-06-01\"}", 422, "WRONG_RATIFYING_AUTHORITY");
        ok(api.postJson(s + "/designations/" + designationId + "/ratify",
                "{\"act\":{\"issuer\":\"ASST Fixture Pesata\",\"type\":\"Decreto\",\"number\":\"9004\",\"date\":\"2024-06-01\"},\"ratifiedOn\":\"2024-06-01\"}"), 200);
        JsonNode ratified = api.get(s).json().get("session").get("designations").get(0);
        assertThat(ratified.get("status").asString()).isEqualTo("RATIFIED");
        assertThat(ratified.get("ratification").get("termTo").asString()).isEqualTo("2026-05-31");
        refused(s + "/designations/" + designationId + "/ratify",
                "{\"act\":{\"issuer\":\"ASST Fixture Pesata\",\"citation\":\"x\"},\"ratifiedOn\":\"2024-06-02\"}", 409, "ALREADY_RATIFIED");
        assertThat(api.get("/api/ratifications/pending?agency=ASST%20Fixture%20Pesata").json().size()).isZero();

        // departures and the close: out of order, twice, and after
        refused(s + "/departures", json(Map.of("personId", a, "at", "2024-05-20T10:05")), 422, "DEPARTURE_BEFORE_ARRIVAL");
        refused(s + "/close", "{\"at\":\"2024-05-20T09:00\"}", 422, "DATES_OUT_OF_ORDER");
        refused(s + "/close", "{\"at\":\"2024-05-21T11:00\"}", 422, "NOT_ON_SESSION_DAY");
        ok(api.postJson(s + "/close", "{\"at\":\"2024-05-20T11:00\"}"), 200);
        refused(s + "/close", "{\"at\":\"2024-05-20T11:05\"}", 422, "SESSION_CLOSED");
        refused(s + "/minutes/publish", "{\"on\":\"2024-05-25\",\"url\":\"https://example.invalid/v\"}", 422, "MINUTES_NOT_SIGNED");
        refused(s + "/minutes/sign", json(Map.of("on", "2024-05-21", "signatories", List.of(Map.of("personId", "nobody")))),
                422, "SIGNATORY_NOT_IN_SESSION");
        ok(api.postJson(s + "/minutes/sign", json(Map.of("on", "2024-05-21", "signatories",
                List.of(Map.of("personId", a, "labelAsRecorded", "IL PRESIDENTE"))))), 200);
        refused(s + "/minutes/publish", "{\"on\":\"2024-05-25\",\"url\":\"not a url\"}", 422, "URL_MALFORMED");
    }

    @Test
    @DisplayName("bad input on session endpoints: unknown session, malformed fields, an unknown body")
    void badInput() {
        // a write to a session that does not exist is refused as one not of the caller's bodies: whether another
        // body's session of that id exists must not show
        refused("/api/sessions/no-such-session/arrivals", json(Map.of("personId", a, "at", "2024-05-20T10:00")), 403, "FORBIDDEN");
        assertThat(api.get("/api/sessions/no-such-session").json().get("code").asString()).isEqualTo("SESSION_NOT_FOUND");
        // authorisation comes first: nobody is the secretariat of a body that does not exist
        refused("/api/sessions", json(Map.of("bodyId", "no-such-body", "date", "2024-05-20")), 403, "FORBIDDEN");
        refused("/api/sessions", json(Map.of("bodyId", BODY, "date", "20/05/2024")), 400, "VALIDATION_FAILED");
        refused(s + "/votes", "{\"itemNo\":1,\"at\":\"2024-05-20T10:20\",\"mode\":\"SHOW_OF_HANDS\"}", 400, "VALIDATION_FAILED");
        refused(s + "/votes", "{\"itemNo\":1,\"at\":\"2024-05-20T10:20\",\"mode\":\"OPEN_COUNTS\",\"tally\":{\"inFavour\":-1}}",
                400, "VALIDATION_FAILED");
        refused(s + "/agenda", "{\"itemNo\":0,\"kind\":\"OTHER\",\"title\":\"x\"}", 400, "VALIDATION_FAILED");
        refused(s + "/figures", "{\"itemNo\":1,\"fundingLines\":[{\"lineId\":\"x\",\"amount\":-5}]}", 400, "VALIDATION_FAILED");
        assertThat(api.get("/api/sessions?body=no-such-body").json().size()).isZero();
        assertThat(api.get("/api/sessions?body=" + BODY + "&from=2024-06-01&to=2024-01-01").json().get("code").asString())
                .isEqualTo("VALIDATION_FAILED");
    }

    private static String voteJson(int item, String at, String mode, String votes) {
        return "{\"itemNo\":" + item + ",\"at\":\"" + at + "\",\"mode\":\"" + mode + "\",\"tally\":{\"inFavour\":1,\"against\":0,\"abstained\":0}}";
    }

    private static String namedVote(int item, String person, String choice) {
        return "{\"itemNo\":" + item + ",\"at\":\"2024-05-20T10:25\",\"mode\":\"OPEN_NAMED\",\"votes\":[{\"personId\":\"" + person
                + "\",\"choice\":\"" + choice + "\"}]}";
    }
}
