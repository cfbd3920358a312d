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
 * A seat held by virtue of an office in another body (issue 24 item 3), in the form of seed 004 L19-21: the Collegio's
 * seat "Presidente della Conferenza dei Sindaci ASST di Cremona" is whoever presides over that Conferenza. Its holder
 * follows the Conferenza's officers, and a sitting's roll call and quorum use it. FIXTURE bodies and persons.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatsByOfficeTest {

    private static final String CONFERENZA = "conferenza-by-office";
    private static final String COLLEGIO = "collegio-by-office";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;
    String uno;
    String due;
    String tre;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
        for (String c : new String[]{"uno", "due", "tre"}) {
            ok(api.postJson("/api/comuni", json(Map.of("id", "comune-office-" + c, "name", "Office " + c, "province", "CR"))), 201);
            ok(api.postJson("/api/comuni/comune-office-" + c + "/populations", """
                    {"population":1000,"referenceDate":"2024-01-01","source":"FIXTURE"}"""), 200);
        }
        uno = person("Uno Sindaco");
        due = person("Due Sindaco");
        tre = person("Tre Sindaco");
        ok(api.postJson("/api/bodies", """
                {"id":"%s","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Office"},"name":"Conferenza dei Sindaci ASST Office"}"""
                .formatted(CONFERENZA)), 201);
        ok(api.postJson("/api/bodies/" + CONFERENZA + "/compositions", """
                {"act":{"issuer":"ASST Office","type":"Decreto","number":"9301","date":"2024-01-01","citation":"Decreto n. 9301 del 01/01/2024"},
                 "effectiveFrom":"2024-01-01","seats":[
                  {"role":"MAYOR","constituency":"comune-office-uno","personId":"%s","comuneId":"comune-office-uno"},
                  {"role":"MAYOR","constituency":"comune-office-due","personId":"%s","comuneId":"comune-office-due"}]}"""
                .formatted(uno, due)), 200);
        ok(api.postJson("/api/bodies", """
                {"id":"%s","kind":"COLLEGIO_DEI_SINDACI","agency":{"kind":"ATS","name":"ATS Office"},"name":"Collegio dei Sindaci ATS Office"}"""
                .formatted(COLLEGIO)), 201);
        ok(api.postJson("/api/bodies/" + COLLEGIO + "/compositions", """
                {"act":{"issuer":"ATS Office","type":"Deliberazione","number":"9302","date":"2024-01-01","citation":"Deliberazione n. 9302 del 01/01/2024"},
                 "effectiveFrom":"2024-01-01","seats":[
                  {"role":"ELECTED_BY_CONFERENCE","constituency":"ASST Office","personId":"%s","comuneId":"comune-office-tre",
                   "nameAsRecorded":"Nominativo eletto dalla Conferenza dei Sindaci"}]}""".formatted(tre)), 200);
        long before = events.total();
        assertThat(ok(api.postJson("/api/bodies/" + COLLEGIO + "/seats", """
                {"role":"CONFERENCE_PRESIDENT","constituency":"ASST Office","byOffice":{"bodyId":"%s","office":"PRESIDENT"}}""".formatted(COLLEGIO)),
                422).json().get("code").asString()).isEqualTo("SELF_REFERENCE");
        assertThat(events.total()).isEqualTo(before);
        ok(api.postJson("/api/bodies/" + COLLEGIO + "/seats", """
                {"role":"CONFERENCE_PRESIDENT","constituency":"ASST Office",
                 "labelAsRecorded":"Presidente della Conferenza dei Sindaci ASST Office","byOffice":{"bodyId":"%s","office":"PRESIDENT"}}"""
                .formatted(CONFERENZA)), 201);
        // the Conferenza elects Uno on 1/2/2024, then Due on 1/6/2024
        ok(api.postJson("/api/bodies/" + CONFERENZA + "/officers", json(Map.of("office", "PRESIDENT", "personId", uno, "at", "2024-02-01T10:00"))), 200);
        ok(api.postJson("/api/bodies/" + CONFERENZA + "/officers", json(Map.of("office", "PRESIDENT", "personId", due, "at", "2024-06-01T10:00"))), 200);
    }

    @Test
    @DisplayName("the seat's holder follows the other body's President: none before the election, Uno from 2/2, Due from 2/6")
    void holderFollowsTheOfficers() {
        assertThat(holder("2024-01-15")).isNull();
        JsonNode february = holder("2024-03-01");
        assertThat(february.get("personId").asString()).isEqualTo(uno);
        assertThat(february.get("comuneId").asString()).as("the comune the President holds a seat for there").isEqualTo("comune-office-uno");
        assertThat(holder("2024-07-01").get("personId").asString()).isEqualTo(due);
        assertThat(api.get("/api/bodies/" + COLLEGIO + "/composition?asOf=2024-07-01").json().get("members").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("a sitting on 10/7/2024: Due sits by virtue of office, Uno no longer does; the quorum counts both seats held")
    void aSittingUsesIt() {
        ok(api.postJson("/api/sessions", json(Map.of("id", "collegio-by-office-2024-07-10", "bodyId", COLLEGIO, "date", "2024-07-10",
                "scheduledStart", "10:00"))), 201);
        String s = "/api/sessions/collegio-by-office-2024-07-10";
        ok(api.postJson(s + "/arrivals", json(Map.of("personId", due, "at", "2024-07-10T10:00"))), 200);
        long before = events.total();
        JsonNode refused = ok(api.postJson(s + "/arrivals", json(Map.of("personId", uno, "at", "2024-07-10T10:01"))), 422).json();
        assertThat(refused.get("code").asString()).isEqualTo("NOT_A_MEMBER");
        assertThat(events.total()).isEqualTo(before);
        ok(api.postJson(s + "/arrivals", json(Map.of("personId", tre, "at", "2024-07-10T10:02"))), 200);
        JsonNode quorum = api.get(s + "/quorum?at=2024-07-10T10:05").json();
        assertThat(quorum.toString()).contains("\"present\":2").contains("\"members\":2");
    }

    private JsonNode holder(String day) {
        JsonNode composition = api.get("/api/bodies/" + COLLEGIO + "/composition?asOf=" + day).json();
        for (JsonNode seat : composition.get("seats")) {
            if (seat.get("role").asString().equals("CONFERENCE_PRESIDENT")) {
                return seat.get("holder").isNull() ? null : seat.get("holder");
            }
        }
        throw new AssertionError("no seat by office in " + composition);
    }

    private String person(String name) {
        return ok(api.postJson("/api/persons", json(Map.of("name", name))), 201).json().get("id").asString();
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }
}
