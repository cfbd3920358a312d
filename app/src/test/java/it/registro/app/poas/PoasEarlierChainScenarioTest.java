package it.registro.app.poas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;

/** P6 of poas-000.md: the POAS 2016-2018 chain from seed 001, amended in 2021, superseded by the 2022-2024 POAS (P1). */
@ScenarioTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoasEarlierChainScenarioTest {

    @LocalServerPort
    int port;

    ChangeListReplay replay;
    ScenarioFile file = ScenarioFile.load("p001-poas-2016-2018.yaml");
    final Map<String, String> acts = new java.util.HashMap<>();
    String poas;

    private Map<String, Object> withAct(Map<String, Object> step) {
        Map<String, Object> body = new LinkedHashMap<>(step);
        body.put("actId", acts.get((String) body.remove("act")));
        return body;
    }

    @BeforeAll
    void replay() {
        Api api = new Api(port);
        replay = new ChangeListReplay(api).untilReview();   // registers the issuers and the 2022 acts, P1 steps 1-12
        for (Map<String, Object> a : file.list("acts")) {
            Map<String, Object> body = new LinkedHashMap<>(a);
            String key = (String) body.remove("key");
            Api.Response r = api.postJson("/api/acts", json(body));
            ChangeListReplay.ok(r);
            acts.put(key, r.json().get("id").asString());
        }
        ChangeListReplay.ok(api.postJson("/api/acts/" + acts.get("alpha") + "/adoption", json(Map.of("on", "2016-10-27"))));
        ChangeListReplay.ok(api.postJson("/api/poas", json(file.map("poas"))));
        poas = "/api/poas/" + file.map("poas").get("id");
        ChangeListReplay.ok(api.postJson(poas + "/adoption", json(withAct(file.map("adoption")))));
        ChangeListReplay.ok(api.postJson(poas + "/approval", json(withAct(file.map("approval")))));
        // refused: the transposition dated before the approval
        Map<String, Object> early = withAct(file.map("transposition"));
        early.put("on", "2017-03-10");
        assertThat(api.postJson(poas + "/transposition", json(early)).json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
        ChangeListReplay.ok(api.postJson(poas + "/transposition", json(withAct(file.map("transposition")))));
        ChangeListReplay.ok(api.postJson(poas + "/amendments", json(withAct(file.map("amendment")))));
        for (Map<String, Object> ref : file.list("references")) {
            ChangeListReplay.ok(api.postJson("/api/acts/" + acts.get((String) ref.get("from")) + "/references",
                    json(Map.of("kind", ref.get("kind"), "targetActId", acts.get((String) ref.get("to"))))));
        }
    }

    @Test
    @Order(1)
    @DisplayName("P6: the chain reads α ADOPTED, β APPROVED, γ TRANSPOSED, δ AMENDED, each with its act; the proposing act is unknown")
    void chain() {
        JsonNode chain = replay.api.get(poas).json();
        List<String> steps = new ArrayList<>();
        chain.get("chain").forEach(s -> steps.add(s.get("kind").asString() + " " + s.get("on").asString()));
        assertThat(steps).isEqualTo(file.map("expected").get("chain"));
        List<String> actIds = new ArrayList<>();
        chain.get("chain").forEach(s -> actIds.add(s.get("actId").asString()));
        assertThat(actIds).containsExactly(acts.get("alpha"), acts.get("beta"), acts.get("gamma"), acts.get("delta"));
        JsonNode v2 = chain.get("poas").get("versions").get(1);
        assertThat(v2.get("number").asInt()).isEqualTo(2);
        assertThat(v2.get("proposingActId").isNull()).isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("P6: in force on 2022-03-01 is the 2016-2018 POAS, version 2 (aggiornamento 2021)")
    void currentBefore2022() {
        Map<String, Object> e = map(file.map("expected"), "currentOn2022_03_01");
        JsonNode current = replay.api.get("/api/poas?agency=ASST%20Cremona&asOf=2022-03-01").json();
        assertThat(current.get("poas").get("period").asString()).isEqualTo(e.get("period"));
        assertThat(current.get("version").get("number").asInt()).isEqualTo(e.get("version"));
        assertThat(current.get("version").get("label").asString()).isEqualTo(e.get("label"));
        JsonNode v1 = replay.api.get("/api/poas?agency=ASST%20Cremona&asOf=2021-08-01").json().get("version");
        assertThat(v1.get("number").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    @DisplayName("P6: References(β) — outgoing APPROVES α; incoming TRANSPOSES from γ and CITES from δ")
    void referencesOfBeta() {
        JsonNode beta = replay.api.get("/api/acts/" + acts.get("beta")).json().get("act");
        List<String> outgoing = new ArrayList<>();
        beta.get("outgoing").forEach(r -> outgoing.add(r.get("kind").asString() + " " + r.get("actId").asString()));
        assertThat(outgoing).containsExactly("APPROVES " + acts.get("alpha"));
        List<String> incoming = new ArrayList<>();
        beta.get("incoming").forEach(r -> incoming.add(r.get("kind").asString() + " " + r.get("actId").asString()));
        assertThat(incoming).containsExactlyInAnyOrder("TRANSPOSES " + acts.get("gamma"), "CITES " + acts.get("delta"));
    }

    @Test
    @Order(4)
    @DisplayName("P6 refusal: an act dated before α cannot approve it (FIXTURE DGR of 2016-10-01)")
    void approvalBeforeTheApprovedAct() {
        Api.Response early = replay.api.postJson("/api/acts", json(Map.of("issuerBodyId", "giunta-regionale-lombardia", "type", "DGR",
                "number", "X/9999", "date", "2016-10-01", "source", "FIXTURE")));
        ChangeListReplay.ok(early);
        Api.Response refused = replay.api.postJson("/api/acts/" + early.json().get("id").asString() + "/references",
                json(Map.of("kind", "APPROVES", "targetActId", acts.get("alpha"))));
        assertThat(refused.json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
    }

    @Test
    @Order(5)
    @DisplayName("P6: once the 2022-2024 POAS is approved (FIXTURE 2022-08-01) it is in force, and 2016-2018 is SUPERSEDED from that day")
    void supersededBy2022() {
        ChangeListReplay.ok(replay.api.postJson(replay.poas + "/approval", json(replay.withAct(replay.chain.map("approval")))));
        JsonNode current = replay.api.get("/api/poas?agency=ASST%20Cremona&asOf=2022-08-01").json();
        assertThat(current.get("poas").get("period").asString()).isEqualTo("2022-2024");
        JsonNode old = replay.api.get(poas).json();
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("supersededBy").asString()).isEqualTo(replay.poasId);
        assertThat(old.get("supersededFrom").asString()).isEqualTo("2022-08-01");
        assertThat(replay.api.get("/api/poas?agency=ASST%20Cremona&asOf=2022-07-31").json().get("poas").get("period").asString())
                .isEqualTo("2016-2018");
    }

    @Test
    @Order(6)
    @DisplayName("A3 step 2: deliberazione 129/2005 of the former AO di Cremona, succeeded by ASST Cremona's DG, is amended by decreto 150/2019 and stays in force")
    void formerAgencyActAmended() {
        Api api = replay.api;
        ChangeListReplay.ok(api.postJson("/api/bodies", json(Map.of("id", "dg-ao-cremona", "kind", "DIRETTORE_GENERALE",
                "agency", Map.of("kind", "AZIENDA_OSPEDALIERA", "name", "Azienda Ospedaliera di Cremona"),
                "name", "Direttore Generale Azienda Ospedaliera di Cremona"))));
        // DERIVED: ASST Cremona exists from 1 January 2016 (seed 001 L220-222); its hospitals were part of the ex AO (L232-234)
        ChangeListReplay.ok(api.postJson("/api/bodies/dg-ao-cremona/successor", json(Map.of("successorBodyId", "dg-asst-cremona",
                "from", "2016-01-01", "basis", "DERIVED", "source", "seed 001 L220-222, L232-234"))));
        assertThat(api.postJson("/api/bodies/dg-ao-cremona/successor", json(Map.of("successorBodyId", "dg-ao-cremona",
                "from", "2016-01-01", "basis", "DERIVED"))).json().get("code").asString()).isEqualTo("SELF_REFERENCE");
        JsonNode ao = api.get("/api/bodies/dg-ao-cremona").json();
        assertThat(ao.toString()).contains("\"successorBodyId\":\"dg-asst-cremona\"");

        Api.Response d129 = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-ao-cremona", "type", "DELIBERAZIONE",
                "number", "129", "date", "2005-06-22", "source", "seed 000 L1262-1263")));
        ChangeListReplay.ok(d129);
        String id129 = d129.json().get("id").asString();
        ChangeListReplay.ok(api.postJson("/api/acts/" + id129 + "/adoption", json(Map.of("on", "2005-06-22"))));
        Api.Response d150 = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO",
                "number", "150", "date", "2019-04-01", "source", "seed 000 L1263-1264")));
        ChangeListReplay.ok(d150);
        String id150 = d150.json().get("id").asString();
        ChangeListReplay.ok(api.postJson("/api/acts/" + id150 + "/references", json(Map.of("kind", "AMENDS", "targetActId", id129,
                "effectiveFrom", "2019-04-01"))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode record = api.get("/api/acts/" + id129 + "?asOf=2020-01-01").json();
            assertThat(record.get("amended").asBoolean()).isTrue();
            assertThat(record.get("state").asString()).isEqualTo("ADOPTED");
            List<String> amendments = new ArrayList<>();
            record.get("act").get("incoming").forEach(r -> amendments.add(r.get("kind").asString() + " " + r.get("actId").asString()
                    + " " + r.get("actDate").asString()));
            assertThat(amendments).containsExactly("AMENDS " + id150 + " 2019-04-01");
        });
    }

    @Test
    @Order(7)
    @DisplayName("Acts carry a stable URN:NIR-like name from their identity; publication on the albo follows adoption (FIXTURE dates)")
    void iriAndPublication() {
        Api api = replay.api;
        JsonNode beta = api.get("/api/acts/" + acts.get("beta")).json().get("act");
        assertThat(beta.get("iri").asString()).isEqualTo("urn:nir:giunta-regionale-lombardia:dgr:2017;x-6330");
        JsonNode alpha = api.get("/api/acts/" + acts.get("alpha")).json().get("act");
        assertThat(alpha.get("iri").asString()).isEqualTo("urn:nir:dg-asst-cremona:deliberazione:2016;386");
        String publications = "/api/acts/" + acts.get("alpha") + "/publications";
        assertThat(api.postJson(publications, json(Map.of("where", "albo pretorio online", "from", "2016-10-26"))).json().get("code")
                .asString()).isEqualTo("DATES_OUT_OF_ORDER");
        assertThat(api.postJson(publications, json(Map.of("where", "albo pretorio online", "from", "2016-10-28", "until", "2016-10-27")))
                .json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
        ChangeListReplay.ok(api.postJson(publications, json(Map.of("where", "albo pretorio online", "from", "2016-10-28",
                "until", "2016-11-12", "source", "FIXTURE"))));
        JsonNode published = api.get("/api/acts/" + acts.get("alpha")).json().get("act");
        assertThat(published.get("publications").get(0).get("from").asString()).isEqualTo("2016-10-28");
        List<String> facts = new ArrayList<>();
        published.get("history").forEach(h -> facts.add(h.get("fact").asString()));
        assertThat(facts).contains("PUBLISHED");
    }

    @Test
    @Order(8)
    @DisplayName("Annulment (all FIXTURE: the seeds annul nothing): ANNULLED from the date given, ex tunc; an annulled act cannot be revoked or annulled again")
    void annulment() {
        Api api = replay.api;
        String annulled = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "9005",
                "date", "2024-05-02", "source", "FIXTURE"))).json().get("id").asString();
        ChangeListReplay.ok(api.postJson("/api/acts/" + annulled + "/adoption", json(Map.of("on", "2024-05-02"))));
        String annulling = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "9006",
                "date", "2024-05-10", "source", "FIXTURE"))).json().get("id").asString();
        ChangeListReplay.ok(api.postJson("/api/acts/" + annulling + "/references", json(Map.of("kind", "ANNULS", "targetActId", annulled,
                "effectiveFrom", "2024-05-02"))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/acts/" + annulled + "?asOf=2024-05-02").json().get("state").asString()).isEqualTo("ANNULLED"));
        assertThat(api.get("/api/acts/" + annulled + "?asOf=2024-05-01").json().get("state").asString()).isEqualTo("REGISTERED");
        assertThat(api.get("/api/acts/" + annulled).json().get("act").get("annulment").get("byActId").asString()).isEqualTo(annulling);
        String another = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "9007",
                "date", "2024-05-11", "source", "FIXTURE"))).json().get("id").asString();
        for (String kind : List.of("ANNULS", "REVOKES")) {
            assertThat(api.postJson("/api/acts/" + another + "/references", json(Map.of("kind", kind, "targetActId", annulled)))
                    .json().get("code").asString()).as(kind).isEqualTo("ALREADY_REVOKED");
        }
    }
}
