package it.registro.app.scenario;

import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions linked to the act register (issue 24 item 2), on seed 004: the Collegio's composition names "Deliberazione
 * ATS n. 436 del 10/10/2024" (L10), flagged while no such act is registered and shown on its links once it is; the UPT
 * designation ratified by an act of the DG (A4) shows on that act; an act's consultation of the Collegio names seduta
 * 1/24 (L3, 18/10/2024) and is checked against it.
 */
@ScenarioTest
class ActLinksScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    SessionReplay replay;
    ScenarioFile seduta;

    @BeforeAll
    void replay() {
        api = new Api(port);
        replay = SessionReplay.collegio(api, mongoClient, storeDatabase, null);
        seduta = replay.seduta;
        replay.recordSeduta();
        assertThat(api.postJson("/api/bodies", ScenarioFile.json(ScenarioFile.map(seduta.map("ratification"), "issuer"))).status())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("L10: the composition act 436/2024 is flagged while unregistered, then listed on the act once registered")
    void compositionAct() {
        JsonNode unresolved = Api.as(port, "auditor").get("/api/act-links/unresolved").json();
        JsonNode composition = find(unresolved, "COMPOSITION");
        assertThat(composition).as(unresolved.toString()).isNotNull();
        assertThat(composition.get("resolution").asString()).isEqualTo("UNRESOLVED");
        assertThat(composition.get("link").get("bodyId").asString()).isEqualTo(replay.bodyId);
        assertThat(composition.get("link").get("act").get("citation").asString()).isEqualTo("Deliberazione ATS n. 436 del 10/10/2024");

        String act = created(api.postJson("/api/acts", """
                {"issuerBodyId":"dg-ats-val-padana","type":"DELIBERAZIONE","number":"436","date":"2024-10-10","source":"seed 004 L10"}"""));
        JsonNode links = api.get("/api/acts/" + act + "/links").json();
        JsonNode linked = find(links.get("decisions"), "COMPOSITION");
        assertThat(linked.get("resolution").asString()).isEqualTo("RESOLVED");
        assertThat(linked.get("actIds").get(0).asString()).isEqualTo(act);
        assertThat(find(Api.as(port, "auditor").get("/api/act-links/unresolved").json(), "COMPOSITION")).isNull();
        assertThat(api.get("/web/acts/" + act).body()).contains("Decisioni collegate", "composizione di un organo", "collegato a questo atto");
    }

    @Test
    @DisplayName("A4: the act of the DG ratifying the UPT designation lists the ratification")
    void ratification() {
        Map<String, Object> r = seduta.map("ratification");
        String act = created(api.postJson("/api/acts", ScenarioFile.json(ScenarioFile.map(r, "act"))));
        assertThat(api.postJson("/api/sessions/" + replay.sessionId + "/designations/designation-1/ratify",
                ScenarioFile.json(Map.of("actId", act))).status()).isEqualTo(200);
        JsonNode ratification = find(api.get("/api/acts/" + act + "/links").json().get("decisions"), "RATIFICATION");
        assertThat(ratification).isNotNull();
        assertThat(ratification.get("resolution").asString()).isEqualTo("RESOLVED");
        assertThat(ratification.get("link").get("sessionId").asString()).isEqualTo(replay.sessionId);
    }

    @Test
    @DisplayName("an act's consultation names seduta 1/24: checked for its day, body and item; a wrong day, an unknown sitting, none: flagged")
    void consultationNamesTheSitting() {
        String act = created(api.postJson("/api/acts", """
                {"issuerBodyId":"dg-ats-val-padana","type":"DELIBERAZIONE","number":"9003","date":"2024-11-20","source":"FIXTURE"}"""));
        String path = "/api/acts/" + act + "/consultations";
        assertThat(api.postJson(path, """
                {"consulted":"Collegio dei Sindaci","kind":"HEARD","on":"2024-10-18","outcomeAsRecorded":"SENTITO il Collegio dei Sindaci",
                 "sessionId":"%s","itemNo":1,"source":"FIXTURE, in the form of seed 000 L10298"}""".formatted(replay.sessionId)).status())
                .isEqualTo(200);
        assertThat(api.postJson(path, """
                {"consulted":"Collegio dei Sindaci","kind":"HEARD","on":"2024-10-19","sessionId":"%s"}""".formatted(replay.sessionId)).status())
                .isEqualTo(200);
        assertThat(api.postJson(path, """
                {"consulted":"Collegio dei Sindaci","kind":"HEARD","on":"2024-10-18","sessionId":"no-such-sitting"}""").status()).isEqualTo(200);
        assertThat(api.postJson(path, """
                {"consulted":"Conferenza dei Sindaci","kind":"HEARD","on":"2024-10-18"}""").status()).isEqualTo(200);

        JsonNode c = api.get("/api/acts/" + act + "/links").json().get("consultations");
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.get(0).get("flags").size()).as(c.get(0).toString()).isZero();
        assertThat(c.get(0).get("bodyId").asString()).isEqualTo(replay.bodyId);
        assertThat(c.get(0).get("date").asString()).isEqualTo("2024-10-18");
        assertThat(c.get(1).get("flags").get(0).asString()).isEqualTo("DATE_DIFFERS");
        assertThat(c.get(2).get("flags").get(0).asString()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(c.get(3).get("flags").get(0).asString()).isEqualTo("NOT_LINKED");
        String page = api.get("/web/acts/" + act).body();
        assertThat(page).contains("Decisioni collegate", "seduta corrispondente", "la data non coincide con la seduta", "seduta non trovata",
                "seduta non indicata").doesNotContain("DATE_DIFFERS", "NOT_LINKED");
    }

    /** The link of this kind about this replay's body or sitting (the store may hold other tests' decisions). */
    private JsonNode find(JsonNode list, String kind) {
        for (JsonNode n : list) {
            JsonNode link = n.get("link");
            boolean ours = replay.bodyId.equals(link.path("bodyId").asString("")) || replay.sessionId.equals(link.path("sessionId").asString(""));
            if (link.get("kind").asString().equals(kind) && ours) {
                return n;
            }
        }
        return null;
    }

    private static String created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }
}
