package it.registro.app.scenario;

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
import it.registro.app.support.ScenarioTest;
import it.registro.app.support.ScenarioFile;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.list;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004, the Collegio dei Sindaci of ATS Val Padana (scenario S1/S2, with G4 and G7): its six seats
 * under Deliberazione ATS n. 436 del 10/10/2024 (L10-73), the DG presiding in the interim (L107-108)
 * and the elections of seduta 1/24 (L112-125), replayed through the REST API from
 * scenarios/s004-collegio-composition.yaml and checked against the expectations in the same file.
 */
@ScenarioTest
class CollegioCompositionScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    ScenarioFile scenario;
    /** Scenario keys (M1 … N1) to the person ids the service gave. */
    final Map<String, String> persons = new HashMap<>();
    String bodyId;

    @BeforeAll
    void replay() {
        api = new Api(port);
        scenario = ScenarioFile.load("s004-collegio-composition.yaml");
        bodyId = (String) scenario.map("body").get("id");
        if (api.get("/api/bodies/" + bodyId).status() == 200) {
            throw new IllegalStateException("The scenario body already exists: this test must replay into a fresh store");
        }

        for (Map<String, Object> comune : scenario.list("comuni")) {
            Map<String, Object> body = new LinkedHashMap<>(comune);
            body.remove("aliases");
            assertThat(api.postJson("/api/comuni", json(body)).status()).isEqualTo(201);
            if (comune.get("aliases") != null) {
                for (Map<String, Object> alias : list(comune, "aliases")) {
                    assertThat(api.postJson("/api/comuni/" + comune.get("id") + "/aliases", json(alias)).status())
                            .isEqualTo(200);
                }
            }
        }
        for (Map<String, Object> person : scenario.list("persons")) {
            Api.Response r = api.postJson("/api/persons", json(Map.of("name", person.get("name"), "source", person.get("source"))));
            assertThat(r.status()).isEqualTo(201);
            persons.put((String) person.get("key"), r.json().get("id").asString());
        }
        assertThat(api.postJson("/api/bodies", json(scenario.map("body"))).status()).isEqualTo(201);

        Map<String, Object> composition = new LinkedHashMap<>(scenario.map("composition"));
        composition.put("seats", list(composition, "seats").stream().map(s -> Map.of(
                "role", s.get("role"), "constituency", s.get("constituency"), "labelAsRecorded", s.get("label"),
                "personId", persons.get((String) s.get("person")), "nameAsRecorded", s.get("nameAsRecorded"),
                "comuneId", s.get("comune"))).toList());
        assertThat(api.postJson("/api/bodies/" + bodyId + "/compositions", json(composition)).status()).isEqualTo(200);

        assertThat(api.postJson("/api/bodies/" + bodyId + "/rule-sets", json(scenario.map("ruleSet"))).status())
                .isEqualTo(200);

        Map<String, Object> interim = new LinkedHashMap<>(scenario.map("interimPresidingOfficer"));
        interim.put("personId", persons.get((String) interim.remove("person")));
        assertThat(api.postJson("/api/bodies/" + bodyId + "/interim-presiding-officer", json(interim)).status())
                .isEqualTo(200);

        for (Map<String, Object> election : scenario.list("elections")) {
            Map<String, Object> request = new LinkedHashMap<>(election);
            request.put("personId", persons.get((String) request.remove("person")));
            assertThat(api.postJson("/api/bodies/" + bodyId + "/officers", json(request)).status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("S1/S2, G7: composition as of 2024-10-09 (none) and 2024-10-18 (6 seats under act 436/2024)")
    void compositionAsOfDates() {
        for (Map<String, Object> expected : list(scenario.map("expected"), "compositions")) {
            JsonNode actual = api.get("/api/bodies/" + bodyId + "/composition?asOf=" + expected.get("asOf")).json();
            assertThat(actual.get("members").asInt()).as("members on %s", expected.get("asOf"))
                    .isEqualTo(expected.get("members"));
            if (expected.get("act") == null) {
                assertThat(actual.get("act").isNull()).isTrue();
            } else {
                assertThat(actual.get("act").get("act").get("citation").asString()).isEqualTo(expected.get("act"));
            }
            List<Map<String, Object>> seats = list(expected, "seats");
            assertThat(actual.get("seats").size()).isEqualTo(seats.size());
            for (int i = 0; i < seats.size(); i++) {
                Map<String, Object> want = seats.get(i);
                JsonNode seat = actual.get("seats").get(i);
                assertThat(seat.get("seatId").asString()).isEqualTo(want.get("seatId"));
                assertThat(seat.get("role").asString()).isEqualTo(want.get("role"));
                assertThat(seat.get("constituency").asString()).isEqualTo(want.get("constituency"));
                JsonNode holder = seat.get("holder");
                assertThat(holder.get("personId").asString()).isEqualTo(persons.get((String) want.get("person")));
                assertThat(holder.get("name").asString()).isEqualTo(want.get("name"));
                assertThat(holder.get("nameAsRecorded").asString()).isEqualTo(want.get("name"));
                assertThat(holder.get("comuneId").asString()).isEqualTo(want.get("comune"));
                assertThat(holder.get("from").asString()).isEqualTo(want.get("from"));
                assertThat(holder.get("to").isNull()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("G4, G1: officers vacant with the DG presiding at 14:05; President M1 and Vice President M6 at 15:15")
    void officersAtInstants() {
        for (Map<String, Object> expected : list(scenario.map("expected"), "officers")) {
            JsonNode actual = api.get("/api/bodies/" + bodyId + "/officers?at=" + expected.get("at")).json();
            for (JsonNode office : actual.get("offices")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> want = (Map<String, Object>) expected.get(office.get("office").asString());
                if (want == null) {
                    assertThat(office.get("vacant").asBoolean()).as("%s at %s", office.get("office"), expected.get("at")).isTrue();
                } else {
                    assertThat(office.get("vacant").asBoolean()).isFalse();
                    assertThat(office.get("personId").asString()).isEqualTo(persons.get((String) want.get("person")));
                    assertThat(office.get("since").asString()).isEqualTo(utc((String) want.get("since")));
                    assertThat(office.get("tally").get("inFavour").asInt()).isEqualTo(3);
                    assertThat(office.get("tally").get("abstained").asInt()).isEqualTo(1);
                }
            }
            Object interim = expected.get("interim");
            if (interim == null) {
                assertThat(actual.get("interimPresidingOfficer").isNull()).isTrue();
            } else {
                assertThat(actual.get("interimPresidingOfficer").get("personId").asString())
                        .isEqualTo(persons.get((String) interim));
            }
        }
    }

    @Test
    @DisplayName("G9 setup: the voters-present majority rule is in force on the session date")
    void ruleSetInForce() {
        Map<String, Object> expected = map(scenario.map("expected"), "ruleSet");
        JsonNode actual = api.get("/api/bodies/" + bodyId + "/rule-set?asOf=" + expected.get("asOf")).json();
        assertThat(actual.get("majority").get("kind").asString()).isEqualTo(expected.get("majority"));
    }

    @Test
    @DisplayName("G4: the DG, who presided, cannot be elected: CANDIDATE_NOT_MEMBER, and nothing is stored")
    void nonMemberElectionRejected() {
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        for (Map<String, Object> rejected : list(scenario.map("expected"), "rejected")) {
            long before = events.forAggregate(bodyId);
            Api.Response r = api.postJson("/api/bodies/" + bodyId + "/officers", json(Map.of(
                    "office", rejected.get("office"), "personId", persons.get((String) rejected.get("person")),
                    "at", rejected.get("at"))));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().get("code").asString()).isEqualTo(rejected.get("code"));
            assertThat(events.forAggregate(bodyId)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("S2: each member's comune and name forms resolve (S.Giacomo delle Segnate, L68 and L122)")
    void comuneAliases() {
        JsonNode comune = api.get("/api/comuni/comune-san-giacomo-delle-segnate").json();
        assertThat(comune.get("name").asString()).isEqualTo("S.Giacomo delle Segnate");
        assertThat(comune.get("aliases").findValuesAsString("alias")).containsExactly("San Giacomo delle Segnate (MN)");
        JsonNode history = api.get("/api/persons/" + persons.get("M1")).json();
        assertThat(history.get("memberships").get(0).get("seatId").asString()).isEqualTo("conference-president-asst-cremona");
        assertThat(history.get("offices").get(0).get("office").asString()).isEqualTo("PRESIDENT");
    }

    private static String utc(String romeLocal) {
        return java.time.LocalDateTime.parse(romeLocal).atZone(java.time.ZoneId.of("Europe/Rome")).toInstant().toString();
    }
}
