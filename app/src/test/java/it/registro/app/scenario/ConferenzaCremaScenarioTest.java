package it.registro.app.scenario;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
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

/**
 * Seed 002: the Conferenza dei Sindaci of ASST Crema on 13/06/2023, two slide decks and no decision
 * (G10), with the milestones and funding figures of the decks and their stated totals (G11), replayed
 * from scenarios/s002-conferenza-crema-2023-06-13.yaml.
 */
@ScenarioTest
class ConferenzaCremaScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    ScenarioFile file;
    String sessionId;
    Map<String, Object> g10;
    Map<String, Object> g11;

    @BeforeAll
    void replay() {
        api = new Api(port);
        file = ScenarioFile.load("s002-conferenza-crema-2023-06-13.yaml");
        g10 = map(file.map("expected"), "G10");
        g11 = map(file.map("expected"), "G11");
        String bodyId = (String) file.map("body").get("id");
        assertThat(api.postJson("/api/bodies", json(file.map("body"))).status()).isEqualTo(201);
        for (Map<String, Object> alias : file.list("aliases")) {
            assertThat(api.postJson("/api/bodies/" + bodyId + "/aliases", json(alias)).status()).isEqualTo(200);
        }
        Map<String, Object> convene = new LinkedHashMap<>(file.map("session"));
        convene.put("bodyId", bodyId);
        Api.Response convened = api.postJson("/api/sessions", json(convene));
        assertThat(convened.status()).as(convened.body()).isEqualTo(201);
        sessionId = convened.json().get("id").asString();
        String s = "/api/sessions/" + sessionId;
        for (Map<String, Object> item : file.list("items")) {
            assertThat(api.postJson(s + "/agenda", json(Map.of("itemNo", item.get("itemNo"), "kind", item.get("kind"),
                    "title", item.get("title")))).status()).isEqualTo(200);
            assertThat(api.postJson(s + "/information", json(Map.of("itemNo", item.get("itemNo")))).status()).isEqualTo(200);
            assertThat(api.postJson(s + "/attachments", json(Map.of("itemNo", item.get("itemNo"), "title", "Slide",
                    "reference", item.get("attachment")))).status()).isEqualTo(200);
        }
        for (Map<String, Object> figures : file.list("figures")) {
            Api.Response r = api.postJson(s + "/figures", json(figures));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Api.Response closed = api.postJson(s + "/close", json(Map.of("at", "2023-06-13T23:59")));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("G10: a session of information items only is complete and valid; nothing absent is invented")
    void g10InformationOnly() {
        JsonNode r = api.get("/api/sessions/" + sessionId).json();
        JsonNode s = r.get("session");
        assertThat(s.get("date").asString()).isEqualTo(g10.get("date"));
        for (String empty : List.of("number", "protocol", "scheduledStart", "mode", "venue", "openedAt", "convenerPersonId")) {
            assertThat(s.get(empty).isNull()).as(empty).isTrue();
        }
        List<String> kinds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        s.get("agenda").forEach(i -> {
            kinds.add(i.get("kind").asString());
            titles.add(i.get("titles").get(0).asString());
        });
        assertThat(kinds).isEqualTo(g10.get("itemKinds"));
        assertThat(titles).isEqualTo(g10.get("titles"));
        s.get("information").forEach(i -> assertThat(i.get("presenters").size()).isZero());
        assertThat(s.get("state").asString()).isEqualTo(g10.get("state"));
        map(g10, "counts").forEach((k, v) -> assertThat(r.get("counts").get(k).asInt()).as(k).isEqualTo(v));
        assertThat(s.get("stays").size()).isZero();
        assertThat(s.get("attachments").size()).isEqualTo(2);
    }

    @Test
    @DisplayName("G10: sessions of the body in 2023, asked by its id and by its alias 'Distretto Cremasco', give the same one")
    void g10ByAlias() {
        JsonNode byId = api.get("/api/sessions?body=conferenza-dei-sindaci-asst-crema&from=2023-01-01&to=2023-12-31").json();
        String alias = ((String) g10.get("alias")).replace(" ", "%20");
        JsonNode byAlias = api.get("/api/sessions?body=" + alias + "&from=2023-01-01&to=2023-12-31").json();
        assertThat(byId.size()).isEqualTo(g10.get("sessionsIn2023"));
        assertThat(byAlias.size()).isEqualTo(g10.get("sessionsIn2023"));
        assertThat(byAlias.get(0).get("id").asString()).isEqualTo(byId.get(0).get("id").asString()).isEqualTo(sessionId);
        assertThat(api.get("/api/sessions?body=conferenza-dei-sindaci-asst-crema&from=2024-01-01").json().size()).isZero();
    }

    @Test
    @DisplayName("G10: a vote on information item (a) is refused ITEM_NOT_VOTABLE and changes nothing")
    void g10VoteRefused() {
        long before = new EventCounter(mongoClient, storeDatabase).forAggregate(sessionId);
        Api.Response r = api.postJson("/api/sessions/" + sessionId + "/votes", json(Map.of("itemNo", g10.get("rejectVoteOnItem"),
                "at", "2023-06-13T12:00", "mode", "OPEN_COUNTS", "tally", Map.of("inFavour", 1, "against", 0, "abstained", 0))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("ITEM_NOT_VOTABLE");
        assertThat(new EventCounter(mongoClient, storeDatabase).forAggregate(sessionId)).isEqualTo(before);
    }

    @Test
    @DisplayName("G11: 6 milestones over 5 periods, 2 before, 1 in and 3 after the session month (L620-644)")
    void g11Milestones() {
        JsonNode milestones = api.get("/api/sessions/" + sessionId).json().get("session").get("figures").get(0).get("milestones");
        assertThat(milestones.size()).isEqualTo(g11.get("milestones"));
        List<String> periods = new ArrayList<>();
        milestones.forEach(m -> {
            periods.add(m.get("period").asString());
            assertThat(m.get("status").asString()).isEqualTo("PLANNED");
        });
        assertThat(periods).isEqualTo(g11.get("periods"));
        YearMonth sessionMonth = YearMonth.of(2023, 6);
        long before = periods.stream().filter(p -> YearMonth.parse(p).isBefore(sessionMonth)).count();
        long in = periods.stream().filter(p -> YearMonth.parse(p).equals(sessionMonth)).count();
        long after = periods.stream().filter(p -> YearMonth.parse(p).isAfter(sessionMonth)).count();
        assertThat(before).isEqualTo(((Integer) g11.get("milestonesBeforeSessionMonth")).longValue());
        assertThat(in).isEqualTo(((Integer) g11.get("milestonesInSessionMonth")).longValue());
        assertThat(after).isEqualTo(((Integer) g11.get("milestonesAfterSessionMonth")).longValue());
        assertThat(milestones.get(4).get("labelAsRecorded").asString()).isEqualTo("Dicembre ‘23");
    }

    @Test
    @DisplayName("G11: 3 totals PASS and 1 FAIL; exactly one SUBTOTAL_MISMATCH on item (b), the stated total kept")
    void g11Totals() {
        JsonNode s = api.get("/api/sessions/" + sessionId).json().get("session");
        Map<String, String> results = new LinkedHashMap<>();
        Map<String, String> computed = new LinkedHashMap<>();
        for (JsonNode f : s.get("figures")) {
            for (JsonNode c : f.get("totalChecks")) {
                results.put(c.get("label").asString(), c.get("passed").asBoolean() ? "PASS" : "FAIL");
                computed.put(c.get("label").asString(), new BigDecimal(c.get("computed").asString()).toPlainString());
            }
        }
        assertThat(results).isEqualTo(g11.get("checks"));
        assertThat(computed).isEqualTo(g11.get("computed"));
        JsonNode line = s.get("figures").get(1).get("fundingLines").get(4);
        assertThat(line.get("amount").isNull()).as("the line with no amount is stored with none").isTrue();
        List<JsonNode> flags = new ArrayList<>();
        s.get("flags").forEach(flags::add);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("code").asString()).isEqualTo("SUBTOTAL_MISMATCH");
        assertThat(flags.get(0).get("severity").asString()).isEqualTo("WARNING");
        map(g11, "subtotalMismatch").forEach((k, v) -> assertThat(flags.get(0).get("details").get(k).asString()).as(k).isEqualTo(v));
        assertThat(s.get("figures").get(1).get("totalChecks").get(0).get("stated").asString()).isEqualTo("1344000.00");
    }
}
