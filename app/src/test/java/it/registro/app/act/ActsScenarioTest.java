package it.registro.app.act;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.list;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scenarios A1-A3 (acts.md) from scenarios/acts-register.yaml, through the REST API. */
@ScenarioTest
class ActsScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    ScenarioFile file;
    final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void replay() {
        api = new Api(port);
        file = ScenarioFile.load("acts-register.yaml");
        for (Map<String, Object> issuer : file.list("issuers")) {
            assertThat(api.postJson("/api/bodies", json(issuer)).status()).isEqualTo(201);
        }
        for (Map<String, Object> act : file.list("acts")) {
            Map<String, Object> body = new LinkedHashMap<>(act);
            String key = String.valueOf(body.remove("key"));
            Api.Response r = api.postJson("/api/acts", json(body));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.put(key, r.json().get("id").asString());
        }
    }

    private JsonNode act(String key, String asOf) {
        return api.get("/api/acts/" + ids.get(key) + "?asOf=" + asOf).json();
    }

    @Test
    @DisplayName("A1: 12 distinct identities; numbers restart each year; the same number under two issuers is two acts")
    void identities() {
        assertThat(ids.values()).doesNotHaveDuplicates().hasSize(file.list("acts").size());
        assertThat(api.get("/api/acts?issuer=dg-asst-cremona&type=DECRETO&number=150").json().size()).isEqualTo(2);
        assertThat(api.get("/api/acts?number=349").json().size()).isEqualTo(2);
        JsonNode dgr = act("6", "2022-04-11").get("act");
        assertThat(dgr.get("number").asString()).isEqualTo("XI/6278");
        assertThat(dgr.get("citationAsRecorded").asString()).isEqualTo("DGR n. XI / 6278 del 11.04.2022");
        // issue 20 #6: "N/YYYY" is number and year; leading zeros are not part of the number
        Api.Response withYear = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO",
                "number", "09006/2024", "source", "FIXTURE")));
        assertThat(withYear.status()).as(withYear.body()).isEqualTo(201);
        assertThat(withYear.json().get("id").asString()).isEqualTo("dg-asst-cremona-decreto-9006-2024");
        JsonNode registered = api.get("/api/acts/dg-asst-cremona-decreto-9006-2024").json().get("act");
        assertThat(registered.get("number").asString()).isEqualTo("9006");
        assertThat(registered.get("year").asInt()).isEqualTo(2024);
        assertThat(api.get("/api/acts?issuer=dg-asst-cremona&type=DECRETO&number=0279").json().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("A1: a duplicate identity, a year not the date's, an unregistered issuer are refused and store nothing")
    void refusals() {
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        for (Map<String, Object> r : file.list("rejected")) {
            Map<String, Object> body = new LinkedHashMap<>(r);
            Object code = body.remove("code");
            Object status = body.remove("status");
            body.remove("what");
            long before = events.total();
            Api.Response response = api.postJson("/api/acts", json(body));
            assertThat(response.status()).as(r.get("what") + " " + response.body()).isEqualTo(status);
            assertThat(response.json().get("code").asString()).as((String) r.get("what")).isEqualTo(code);
            assertThat(events.total()).isEqualTo(before);
        }
        JsonNode kept = act("2", "2022-03-29").get("act");
        assertThat(kept.get("date").asString()).isEqualTo("2022-03-29");
    }

    @Test
    @DisplayName("A2: decreto 150/2022: 4 consultations, executive on adoption day, effective from 30/03 (L10298-10355)")
    void lifecycle150() {
        String a = "/api/acts/" + ids.get("2");
        Map<String, Object> l = file.map("lifecycle150");
        for (Map<String, Object> o : list(l, "opinions")) {
            assertThat(api.postJson(a + "/opinions", json(o)).status()).isEqualTo(200);
        }
        for (Map<String, Object> c : list(l, "consultations")) {
            assertThat(api.postJson(a + "/consultations", json(c)).status()).isEqualTo(200);
        }
        assertThat(api.postJson(a + "/adoption", json(map(l, "adoption"))).status()).isEqualTo(200);
        Map<String, Object> early = new LinkedHashMap<>(map(l, "earlyExecutability"));
        Object code = early.remove("code");
        Api.Response refused = api.postJson(a + "/executability", json(early));
        assertThat(refused.json().get("code").asString()).isEqualTo(code);
        assertThat(api.postJson(a + "/executability", json(map(l, "executability"))).status()).isEqualTo(200);
        assertThat(api.postJson(a + "/effects", json(map(l, "effect"))).status()).isEqualTo(200);

        Map<String, Object> e = file.map("expected150");
        JsonNode act = act("2", "2022-03-29");
        assertThat(act.get("act").get("consultations").size()).isEqualTo(e.get("consultations"));
        assertThat(act.get("act").get("consultations").get(0).get("kind").asString()).isEqualTo("HEARD");
        assertThat(act("2", "2022-03-28").get("state").asString()).isEqualTo(e.get("2022-03-28"));
        assertThat(act.get("state").asString()).isEqualTo(e.get("2022-03-29"));
        assertThat(act.get("act").get("effects").get(0).get("from").asString()).isEqualTo("2022-03-30");
        assertThat(act.get("act").get("executability").get("immediate").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("A2: decreto 279/2022 is PENDING_CONTROL until the DGR approves it, then EXECUTIVE from the DGR's date")
    void lifecycle279() {
        String a = "/api/acts/" + ids.get("279");
        Map<String, Object> l = file.map("lifecycle279");
        assertThat(api.postJson(a + "/adoption", json(map(l, "adoption"))).status()).isEqualTo(200);
        assertThat(api.postJson(a + "/submissions", json(map(l, "submission"))).status()).isEqualTo(200);
        Map<String, Object> without = new LinkedHashMap<>(map(l, "executabilityWithoutApproval"));
        Object code = without.remove("code");
        assertThat(api.postJson(a + "/executability", json(without)).json().get("code").asString()).isEqualTo(code);
        assertThat(api.postJson("/api/acts/" + ids.get("9001") + "/references",
                json(Map.of("kind", "APPROVES", "targetActId", ids.get("279")))).status()).isEqualTo(200);
        Map<String, Object> e = file.map("expected279");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(act("279", "2022-08-01").get("state").asString()).isEqualTo(e.get("2022-08-01")));
        assertThat(act("279", "2022-07-20").get("state").asString()).isEqualTo(e.get("2022-07-20"));
        JsonNode incoming = act("279", "2022-08-01").get("act").get("incoming");
        assertThat(incoming.get(0).get("kind").asString()).isEqualTo("APPROVES");
        assertThat(incoming.get(0).get("actId").asString()).isEqualTo(ids.get("9001"));
    }

    @Test
    @DisplayName("A3: 9004/2024 revokes 9003/2024 from 03/05; the number is not freed; revoking twice, self-reference, unknown act refused")
    void revocation() {
        String revoker = "/api/acts/" + ids.get("9004") + "/references";
        assertThat(api.postJson(revoker, json(Map.of("kind", "REVOKES", "targetActId", ids.get("9003")))).status()).isEqualTo(200);
        Map<String, Object> e = file.map("expectedRevocation");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(act("9003", "2024-05-03").get("state").asString()).isEqualTo(e.get("2024-05-03")));
        assertThat(act("9003", "2024-05-02").get("state").asString()).isEqualTo(e.get("2024-05-02"));
        assertThat(api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "9003",
                "date", "2024-06-01"))).json().get("code").asString()).isEqualTo("DUPLICATE_ACT");
        assertThat(api.postJson(revoker, json(Map.of("kind", "REVOKES", "targetActId", ids.get("9003")))).json().get("code").asString())
                .isIn("ALREADY_REVOKED", "DUPLICATE_REFERENCE");
        String later = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "9005",
                "date", "2024-06-01", "source", "FIXTURE"))).json().get("id").asString();
        assertThat(api.postJson("/api/acts/" + later + "/references", json(Map.of("kind", "REVOKES",
                "targetActId", ids.get("9003")))).json().get("code").asString()).isEqualTo("ALREADY_REVOKED");
        assertThat(api.postJson(revoker, json(Map.of("kind", "AMENDS", "targetActId", ids.get("9004")))).json().get("code").asString())
                .isEqualTo("SELF_REFERENCE");
        assertThat(api.postJson(revoker, json(Map.of("kind", "AMENDS", "targetActId", "dg-asst-cremona-deliberazione-9999-2005")))
                .json().get("code").asString()).isEqualTo("UNKNOWN_ACT");
        // an act dated before the one it would revoke (decreto 150/2019 vs 9003/2024)
        assertThat(api.postJson("/api/acts/" + ids.get("1") + "/references", json(Map.of("kind", "REVOKES",
                "targetActId", ids.get("9004")))).json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
    }

    @Test
    @DisplayName("A1: citations written in many ways resolve to one act each, with their flags; none creates an act")
    void citations() {
        int acts = api.get("/api/acts").json().size();
        for (Map<String, Object> c : file.list("citations")) {
            Api.Response r = api.postJson("/api/citations", json(Map.of("text", c.get("text"), "source", c.get("source"))));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode citation = api.get("/api/citations/" + r.json().get("id").asString()).json();
            assertThat(citation.get("outcome").asString()).as((String) c.get("text")).isEqualTo("RESOLVED");
            assertThat(citation.get("actId").asString()).as((String) c.get("text")).isEqualTo(ids.get((String) c.get("resolvesTo")));
            List<String> flags = new java.util.ArrayList<>();
            citation.get("flags").forEach(f -> flags.add(f.get("code").asString()));
            assertThat(flags).as((String) c.get("text")).isEqualTo(c.get("flags"));
        }
        assertThat(api.get("/api/citations?actId=" + ids.get("6")).json().size()).isEqualTo(5);
        assertThat(api.get("/api/acts/" + ids.get("7") + "?asOf=2019-01-01").json().get("act").get("date").asString())
                .as("act 7 keeps its registered date").isEqualTo("2018-11-18");

        Map<String, Object> a = file.map("ambiguous");
        String id = api.postJson("/api/citations", json(Map.of("text", a.get("text"), "source", a.get("source")))).json().get("id").asString();
        JsonNode ambiguous = api.get("/api/citations/" + id).json();
        assertThat(ambiguous.get("outcome").asString()).isEqualTo("AMBIGUOUS");
        List<String> candidates = new java.util.ArrayList<>();
        ambiguous.get("candidates").forEach(x -> candidates.add(x.asString()));
        assertThat(candidates).containsExactlyInAnyOrderElementsOf(((List<String>) a.get("candidates")).stream().map(ids::get).toList());
        assertThat(ambiguous.get("flags").get(0).get("code").asString()).isEqualTo("AMBIGUOUS_CITATION");
        assertThat(api.postJson("/api/citations/" + id + "/resolve", json(Map.of("actId", ids.get("7"), "reason", "r")))
                .json().get("code").asString()).isEqualTo("NOT_A_CANDIDATE");
        assertThat(api.postJson("/api/citations/" + id + "/resolve", json(Map.of("actId", ids.get((String) a.get("resolveTo")),
                "reason", "Le Linee guida POAS sono la DGR XI/6278 (seed 000 L38-43)"))).status()).isEqualTo(200);
        JsonNode resolved = api.get("/api/citations/" + id).json();
        assertThat(resolved.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("actId").asString()).isEqualTo(ids.get("6"));
        assertThat(resolved.get("flags").get(0).get("open").asBoolean()).as("the ambiguity flag is closed").isFalse();
        assertThat(api.get("/api/acts").json().size()).as("no citation created an act").isEqualTo(acts);
    }

    @Test
    @DisplayName("issue 24 #5: decreto 279/2022's signatory, responsabile del procedimento and attestation, as recorded (L289-291, L10185, L10195)")
    void formalities279() {
        String a = "/api/acts/" + ids.get("279");
        String formalities = """
                {"signatories":[{"role":"IL DIRETTORE GENERALE","nameAsRecorded":"DR. GIUSEPPE ROSSI"}],
                 "responsibleOfficerAsRecorded":"Bonfanti Marianna",
                 "attestations":[{"kind":"TECHNICAL_REGULARITY","byAsRecorded":"Responsabile del procedimento",
                   "textAsRecorded":"PRESO ATTO dell’attestazione resa dal competente Responsabile del procedimento in ordine alla regolarità tecnica del presente provvedimento"}],
                 "source":"seed 000 L289-291, L10185, L10195"}""";
        // refused first, storing nothing: nothing named, a kind that does not exist, a signatory without a name; a mayor
        long before = new it.registro.app.support.EventCounter(mongoClient, storeDatabase).total();
        Api.Response empty = api.postJson(a + "/formalities", "{}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("code").asString()).isEqualTo("NOTHING_TO_RECORD");
        Api.Response badKind = api.postJson(a + "/formalities", "{\"attestations\":[{\"kind\":\"SIGNED\"}]}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body()).contains("attestations");
        Api.Response noName = api.postJson(a + "/formalities", "{\"signatories\":[{\"role\":\"IL DIRETTORE GENERALE\"}]}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("nameAsRecorded");
        assertThat(Api.as(port, "mayor").postJson(a + "/formalities", formalities).status()).isEqualTo(403);
        assertThat(new it.registro.app.support.EventCounter(mongoClient, storeDatabase).total()).isEqualTo(before);

        assertThat(api.postJson(a + "/formalities", formalities).status()).isEqualTo(200);
        JsonNode f = act("279", "2022-08-01").get("act").get("formalities");
        assertThat(f.get("signatories").get(0).get("nameAsRecorded").asString()).isEqualTo("DR. GIUSEPPE ROSSI");
        assertThat(f.get("responsibleOfficerAsRecorded").asString()).isEqualTo("Bonfanti Marianna");
        assertThat(f.get("attestations").get(0).get("kind").asString()).isEqualTo("TECHNICAL_REGULARITY");
        assertThat(api.get("/web/acts/" + ids.get("279") + "?asOf=2022-08-01").body()).contains("Firme e attestazioni",
                "Firmato da IL DIRETTORE GENERALE – DR. GIUSEPPE ROSSI", "Responsabile del procedimento: Bonfanti Marianna",
                "Attestazione di regolarità tecnica (Responsabile del procedimento)").doesNotContain("TECHNICAL_REGULARITY");
    }
}
