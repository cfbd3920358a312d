package it.registro.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, done when: seed 004's seduta 1/24, convocation to publication, recorded twice on the same body — once
 * through the API, once by a secretariat at the desk's HTML forms alone, every refusal of the scenario included — gives
 * the same verbale. The API replay's every request is also checked against the request schema /v3/api-docs gives
 * for its operation (format and pattern assertions on): a client built from the description sends exactly these.
 */
@ScenarioTest
class DeskScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    private static final String DOCS = "https://registro.invalid/v3/api-docs";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sent(String path, String body) {
    }

    /** Every request body the API replay sent, to check against the API description (issue 22 #6). */
    final List<Sent> sent = new ArrayList<>();
    String viaApi;
    String viaDesk;
    int deskRefusals;

    @BeforeAll
    void replayTwice() {
        Api api = new Api(port);
        ScenarioFile composition = ScenarioFile.load("s004-collegio-composition.yaml");
        ScenarioFile seduta = ScenarioFile.load("s004-seduta-1-24.yaml");
        SessionReplay replay = new SessionReplay(api, mongoClient, storeDatabase);
        replay.setUp(composition, null);
        replay.registerPersons(seduta.list("nonMembers"));
        replay.sent = (path, body) -> sent.add(new Sent(path, body));
        replay.run(seduta.list("steps"), composition);
        viaApi = replay.sessionId;
        replay.sent = (path, body) -> { };

        List<Map<String, Object>> steps = SessionReplay.againAtTheDesk(seduta.list("steps"), "collegio-seduta-1-24-scrivania");
        int before = replay.rejectionsChecked;
        replay.desk = new DeskClient(port, "tester");
        replay.run(steps, composition);
        viaDesk = replay.sessionId;
        deskRefusals = replay.rejectionsChecked - before;
    }

    @Test
    @DisplayName("the verbale recorded at the desk equals the one recorded through the API, and every refusal was met at the desk in Italian")
    void sameVerbale() {
        Api api = new Api(port);
        assertThat(viaDesk).isEqualTo("collegio-seduta-1-24-scrivania");
        assertThat(deskRefusals).isEqualTo(17);
        String fromApi = api.get("/api/sessions/" + viaApi + "/minutes").body().replace(viaApi, "SEDUTA");
        String fromDesk = api.get("/api/sessions/" + viaDesk + "/minutes").body().replace(viaDesk, "SEDUTA");
        assertThat(fromDesk).isEqualTo(fromApi);
        assertThat(fromDesk).contains("\"state\":\"PUBLISHED\"", "LEONARDO VIRGILIO, Sindaco di Cremona");
    }

    @Test
    @DisplayName("every request of seed 004's sitting is valid against the request schema the API description gives for it")
    void requestsMatchTheDescription() {
        String docs = Api.anonymous(port).get("/v3/api-docs").body();
        JsonNode paths = JSON.readTree(docs).get("paths");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemas(Map.of(DOCS, docs))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (Sent s : sent) {
            String template = template(paths, s.path());
            assertThat(template).as("an operation for " + s.path()).isNotNull();
            String ref = paths.get(template).at("/post/requestBody/content/application~1json/schema/$ref").asString();
            assertThat(ref).as("a request schema for POST " + template).startsWith("#/components/schemas/");
            Schema schema = registry.getSchema(SchemaLocation.of(DOCS + ref));
            for (com.networknt.schema.Error e : schema.validate(JSON.readTree(s.body()))) {
                invalid.add("POST " + template + " " + e.getInstanceLocation() + ": " + e.getMessage());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(invalid).isEmpty();
        // and the description refuses what the API refuses: the check is not vacuous
        String convene = paths.get("/api/sessions").at("/post/requestBody/content/application~1json/schema/$ref").asString();
        assertThat(registry.getSchema(SchemaLocation.of(DOCS + convene)).validate(JSON.readTree("""
                {"bodyId":"b","date":"2024-10-18","scheduledStart":"2pm","mode":"SOMETIMES"}"""))).hasSizeGreaterThanOrEqualTo(2);
    }

    private static String template(JsonNode paths, String path) {
        for (var p : paths.properties()) {
            if (p.getValue().has("post") && Pattern.matches(p.getKey().replaceAll("\\{[^}]+}", "[^/]+"), path)) {
                return p.getKey();
            }
        }
        return null;
    }
}
