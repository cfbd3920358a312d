package it.registro.app.body;

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
 * A Conferenza dei Sindaci over time through the REST API, with FIXTURE data (act numbers from 9001):
 * composition changes, rule-set changes and delegations, and the bad input each must refuse.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyOverTimeApiTest {

    private static final String BODY = "conferenza-over-time";
    private static final String ACT_1 = """
            {"issuer":"ASST Fixture","type":"Decreto","number":"9001","date":"2024-01-10","citation":"Decreto n. 9001 del 10/01/2024"}""";
    private static final String ACT_2 = """
            {"issuer":"ASST Fixture","type":"Decreto","number":"9002","date":"2024-06-01","citation":"Decreto n. 9002 del 01/06/2024"}""";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;
    String alfa;
    String beta;
    String gamma;
    String delegate;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
        api.postJson("/api/comuni", "{\"id\":\"comune-fixture-uno\",\"name\":\"Fixture Uno\",\"province\":\"CR\"}");
        api.postJson("/api/comuni", "{\"id\":\"comune-fixture-due\",\"name\":\"Fixture Due\",\"province\":\"CR\"}");
        api.postJson("/api/comuni/comune-fixture-uno/populations",
                "{\"population\":1000,\"referenceDate\":\"2024-01-01\",\"source\":\"FIXTURE\"}");
        api.postJson("/api/comuni/comune-fixture-due/populations",
                "{\"population\":3000,\"referenceDate\":\"2024-01-01\",\"source\":\"FIXTURE\"}");
        api.postJson("/api/comuni/comune-fixture-due/populations",
                "{\"population\":3100,\"referenceDate\":\"2025-01-01\",\"source\":\"FIXTURE\"}");
        alfa = person("Alfa Sindaco");
        beta = person("Beta Sindaco");
        gamma = person("Gamma Sindaco");
        delegate = person("Delta Delegato");
        assertThat(api.postJson("/api/bodies", """
                {"id":"%s","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Fixture"},
                 "name":"Conferenza dei Sindaci ASST Fixture"}""".formatted(BODY)).status()).isEqualTo(201);
        // From 10/01/2024 the mayors of Uno (alfa) and Due (beta).
        assertThat(post("/compositions", """
                {"act":%s,"effectiveFrom":"2024-01-10","renewal":true,"seats":[
                  {"role":"MAYOR","constituency":"comune-fixture-uno","personId":"%s","nameAsRecorded":"ALFA","comuneId":"comune-fixture-uno"},
                  {"role":"MAYOR","constituency":"comune-fixture-due","personId":"%s","nameAsRecorded":"BETA","comuneId":"comune-fixture-due"}]}"""
                .formatted(ACT_1, alfa, beta)).status()).isEqualTo(200);
        // From 01/06/2024 gamma replaces beta as mayor of Due.
        assertThat(post("/compositions", """
                {"act":%s,"effectiveFrom":"2024-06-01","renewal":false,"seats":[
                  {"role":"MAYOR","constituency":"comune-fixture-uno","personId":"%s","comuneId":"comune-fixture-uno"},
                  {"role":"MAYOR","constituency":"comune-fixture-due","personId":"%s","nameAsRecorded":"GAMMA","comuneId":"comune-fixture-due"}]}"""
                .formatted(ACT_2, alfa, gamma)).status()).isEqualTo(200);
        assertThat(post("/rule-sets", """
                {"name":"Regolamento 2024","effectiveFrom":"2024-01-10","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}""")
                .status()).isEqualTo(200);
        assertThat(post("/rule-sets", """
                {"name":"Regolamento 2025","effectiveFrom":"2025-01-01","quorum":{"kind":"MAJORITY_OF_MEMBERS_AND_POPULATION"},
                 "majority":{"kind":"QUALIFIED_FRACTION_OF_MEMBERS","numerator":2,"denominator":3},"weighting":"POPULATION",
                 "delegationAllowed":true,"act":{"citation":"Deliberazione Conferenza n. 9003/2024"}}""").status())
                .isEqualTo(200);
        Api.Response delegation = post("/delegations", """
                {"delegationId":"del-9001","seatId":"mayor-comune-fixture-uno","delegatePersonId":"%s","nameAsRecorded":"Delta",
                 "from":"2024-09-20T00:00","to":"2024-09-21T00:00","sessionRef":"3/24","letterRef":"prot. 9004/24"}"""
                .formatted(delegate));
        assertThat(delegation.status()).isEqualTo(201);
    }

    private String person(String name) {
        return api.postJson("/api/persons", json(Map.of("name", name))).json().get("id").asString();
    }

    private Api.Response post(String path, String body) {
        return api.postJson("/api/bodies/" + BODY + path, body);
    }

    private JsonNode get(String path) {
        Api.Response r = api.get("/api/bodies/" + BODY + path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.json();
    }

    private static java.util.List<String> holders(JsonNode composition) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        composition.get("seats").forEach(s -> ids.add(s.get("holder").isNull() ? null : s.get("holder").get("personId").asString()));
        return ids;
    }

    @Test
    @DisplayName("issue 20 #4: a term recorded with the wrong holder is corrected with a reason; the composition and the history follow")
    void termCorrection() {
        String body = "/api/bodies/conferenza-rettifiche";
        assertThat(api.postJson("/api/bodies", """
                {"id":"conferenza-rettifiche","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Fixture R"},
                 "name":"Conferenza dei Sindaci ASST Fixture R"}""").status()).isEqualTo(201);
        assertThat(api.postJson(body + "/compositions", """
                {"act":%s,"effectiveFrom":"2024-01-10","renewal":true,"seats":[
                  {"role":"MAYOR","constituency":"comune-fixture-uno","personId":"%s","comuneId":"comune-fixture-uno"},
                  {"role":"MAYOR","constituency":"comune-fixture-due","personId":"%s","comuneId":"comune-fixture-due"}]}"""
                .formatted(ACT_1, alfa, beta)).status()).isEqualTo(200);
        Api.Response corrected = api.postJson(body + "/terms/corrections", json(Map.of("seatId", "mayor-comune-fixture-due",
                "from", "2024-01-10", "changes", Map.of("personId", gamma, "nameAsRecorded", "GAMMA"),
                "reason", "il decreto indica il sindaco di Due per errore")));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode composition = api.get(body + "/composition?asOf=2024-02-01").json();
        assertThat(holders(composition)).containsExactly(alfa, gamma);
        JsonNode corrections = api.get(body).json().get("corrections");
        assertThat(corrections.size()).isEqualTo(1);
        assertThat(corrections.get(0).get("subject").asString()).isEqualTo("term:mayor-comune-fixture-due:2024-01-10");
        assertThat(corrections.get(0).toString()).contains(beta, gamma, "il decreto indica il sindaco di Due per errore");
        long before = events.total();
        Api.Response twoSeats = api.postJson(body + "/terms/corrections", json(Map.of("seatId", "mayor-comune-fixture-uno",
                "from", "2024-01-10", "changes", Map.of("personId", gamma), "reason", "x")));
        assertThat(twoSeats.status()).isEqualTo(409);
        assertThat(twoSeats.json().get("code").asString()).isEqualTo("PERSON_ALREADY_SEATED");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    @DisplayName("as of dates before, on and after a change of composition")
    void compositionBeforeAndAfterAChange() {
        assertThat(get("/composition?asOf=2024-01-09").get("seats").size()).isZero();
        assertThat(holders(get("/composition?asOf=2024-01-10"))).containsExactly(alfa, beta);
        JsonNode may31 = get("/composition?asOf=2024-05-31");
        assertThat(holders(may31)).containsExactly(alfa, beta);
        assertThat(may31.get("act").get("act").get("number").asString()).isEqualTo("9001");
        JsonNode june1 = get("/composition?asOf=2024-06-01");
        assertThat(holders(june1)).containsExactly(alfa, gamma);
        assertThat(june1.get("act").get("act").get("number").asString()).isEqualTo("9002");
        // alfa continues under the second act with the term that began under the first
        assertThat(june1.get("seats").get(0).get("holder").get("from").asString()).isEqualTo("2024-01-10");
        // beta's term ended the day before gamma's began
        JsonNode betaHistory = api.get("/api/persons/" + beta).json();
        assertThat(betaHistory.get("memberships").get(0).get("to").asString()).isEqualTo("2024-05-31");
    }

    @Test
    @DisplayName("the composition weighs each mayor by the population of the comune on the date")
    void populationWeights() {
        JsonNode june = get("/composition?asOf=2024-06-01");
        assertThat(june.get("seats").get(0).get("holder").get("population").asLong()).isEqualTo(1000);
        assertThat(june.get("population").asLong()).isEqualTo(4000);
        assertThat(june.get("populationComplete").asBoolean()).isTrue();
        assertThat(get("/composition?asOf=2025-02-01").get("population").asLong()).isEqualTo(4100);
    }

    @Test
    @DisplayName("a rule-set change applies only from its effective date")
    void ruleSetChange() {
        assertThat(api.get("/api/bodies/" + BODY + "/rule-set?asOf=2024-01-09").status()).isEqualTo(404);
        assertThat(api.get("/api/bodies/" + BODY + "/rule-set?asOf=2024-01-09").json().get("code").asString())
                .isEqualTo("NO_RULE_SET_IN_FORCE");
        JsonNode dec31 = get("/rule-set?asOf=2024-12-31");
        assertThat(dec31.get("name").asString()).isEqualTo("Regolamento 2024");
        assertThat(dec31.get("weighting").asString()).isEqualTo("HEADCOUNT");
        JsonNode jan1 = get("/rule-set?asOf=2025-01-01");
        assertThat(jan1.get("version").asInt()).isEqualTo(2);
        assertThat(jan1.get("majority").get("numerator").asInt()).isEqualTo(2);
        assertThat(jan1.get("quorum").get("kind").asString()).isEqualTo("MAJORITY_OF_MEMBERS_AND_POPULATION");
    }

    @Test
    @DisplayName("while the delegation runs the delegate, not the mayor, holds the seat's vote")
    void delegationsAtAnInstant() {
        JsonNode during = get("/delegations?at=2024-09-20T10:00");
        assertThat(during.get("active").size()).isEqualTo(1);
        JsonNode uno = during.get("votingRights").get(0);
        assertThat(uno.get("seatId").asString()).isEqualTo("mayor-comune-fixture-uno");
        assertThat(uno.get("holderPersonId").asString()).isEqualTo(alfa);
        assertThat(uno.get("voterPersonId").asString()).isEqualTo(delegate);
        assertThat(get("/delegations?at=2024-09-21T00:00").get("active").size()).isZero();
        assertThat(get("/delegations?at=2024-09-21T00:00").get("votingRights").get(0).get("voterPersonId").asString())
                .isEqualTo(alfa);
    }

    @Test
    @DisplayName("a second delegation of the same seat overlapping the first is refused (409) and stores nothing")
    void delegationOverlap() {
        long before = events.forAggregate(BODY);
        Api.Response r = post("/delegations", """
                {"seatId":"mayor-comune-fixture-uno","delegatePersonId":"%s","from":"2024-09-20T12:00","to":"2024-09-22T00:00",
                 "letterRef":"prot. 9005/24"}""".formatted(beta));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("DELEGATION_OVERLAP");
        assertThat(events.forAggregate(BODY)).isEqualTo(before);
    }

    @Test
    @DisplayName("bad input is refused with its code and the offending field, and stores nothing")
    void badInput() {
        long before = events.forAggregate(BODY);
        record Case(String path, String body, int status, String code, String field) {
        }
        java.util.List<Case> cases = java.util.List.of(
                // overlapping holders of one seat
                new Case("/seats/mayor-comune-fixture-uno/holders",
                        "{\"personId\":\"%s\",\"from\":\"2024-07-01\"}".formatted(delegate), 409, "SEAT_HOLDER_OVERLAP", "from"),
                // a delegate who already holds another seat in the same body
                new Case("/delegations", """
                        {"seatId":"mayor-comune-fixture-uno","delegatePersonId":"%s","from":"2024-10-01T09:00",
                         "to":"2024-10-01T18:00","letterRef":"l"}""".formatted(gamma), 409, "DELEGATE_HOLDS_SEAT", "delegatePersonId"),
                // an end before its start
                new Case("/delegations", """
                        {"seatId":"mayor-comune-fixture-uno","delegatePersonId":"%s","from":"2024-10-02T09:00",
                         "to":"2024-10-01T18:00","letterRef":"l"}""".formatted(delegate), 422, "DATES_OUT_OF_ORDER", "to"),
                // unknown person, unknown comune
                new Case("/compositions", """
                        {"act":%s,"effectiveFrom":"2024-07-01","seats":[{"role":"MAYOR","constituency":"x","personId":"nobody"}]}"""
                        .formatted(ACT_2), 422, "UNKNOWN_PERSON", "seats[0].personId"),
                new Case("/compositions", """
                        {"act":%s,"effectiveFrom":"2024-07-01","seats":[{"role":"MAYOR","constituency":"x","personId":"%s",
                         "comuneId":"comune-atlantide"}]}""".formatted(ACT_2, alfa), 422, "UNKNOWN_COMUNE", "seats[0].comuneId"),
                // a rule set with an impossible threshold
                new Case("/rule-sets", """
                        {"name":"R","effectiveFrom":"2026-01-01","quorum":{"kind":"FIXED_NUMBER","fixedNumber":3},
                         "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}""",
                        422, "IMPOSSIBLE_THRESHOLD", "quorum.fixedNumber"),
                new Case("/rule-sets", """
                        {"name":"R","effectiveFrom":"2026-01-01","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                         "majority":{"kind":"QUALIFIED_FRACTION_OF_MEMBERS","numerator":1,"denominator":2},"weighting":"HEADCOUNT","delegationAllowed":true}""",
                        422, "IMPOSSIBLE_THRESHOLD", "majority.numerator"),
                // a rule set slipped in before the one in force
                new Case("/rule-sets", """
                        {"name":"R","effectiveFrom":"2024-03-01","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                         "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}""",
                        422, "DATES_OUT_OF_ORDER", "effectiveFrom"),
                // an unknown seat; a malformed date; a missing field
                new Case("/seats/no-such-seat/holders", "{\"personId\":\"%s\",\"from\":\"2024-07-01\"}".formatted(delegate),
                        404, "UNKNOWN_SEAT", "seatId"),
                new Case("/officers", "{\"office\":\"PRESIDENT\",\"personId\":\"%s\",\"at\":\"18/10/2024 14:10\"}".formatted(alfa),
                        400, "VALIDATION_FAILED", "at"),
                new Case("/compositions", "{\"effectiveFrom\":\"2024-07-01\",\"seats\":[]}", 400, "VALIDATION_FAILED", "act"));
        for (Case c : cases) {
            Api.Response r = post(c.path(), c.body());
            assertThat(r.status()).as(c.code() + " " + r.body()).isEqualTo(c.status());
            assertThat(r.json().get("code").asString()).isEqualTo(c.code());
            assertThat(r.json().get("field").asString()).isEqualTo(c.field());
        }
        // an unknown body
        Api.Response unknown = api.postJson("/api/bodies/no-such-body/rule-sets", """
                {"name":"R","effectiveFrom":"2026-01-01","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}""");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("BODY_NOT_FOUND");
        assertThat(api.get("/api/bodies/no-such-body/composition?asOf=2024-01-01").status()).isEqualTo(404);
        assertThat(events.forAggregate(BODY)).isEqualTo(before);
    }
}
