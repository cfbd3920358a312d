package it.registro.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 #6: the API description is the API. Seed 004's sitting is replayed and every request body it sends is
 * validated, with format and pattern assertions on, against the request schema that /v3/api-docs gives for that
 * operation — a client built from the description would send exactly these.
 */
@ScenarioTest
class OpenApiReplayTest {

    private static final String DOCS = "https://registro.invalid/v3/api-docs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    record Sent(String path, String body) {
    }

    final List<Sent> sent = new ArrayList<>();

    @BeforeAll
    void replay() {
        Api api = new Api(port);
        ScenarioFile composition = ScenarioFile.load("s004-collegio-composition.yaml");
        ScenarioFile seduta = ScenarioFile.load("s004-seduta-1-24.yaml");
        SessionReplay replay = new SessionReplay(api, mongoClient, storeDatabase);
        replay.setUp(composition, null);
        replay.registerPersons(seduta.list("nonMembers"));
        replay.sent = (path, body) -> sent.add(new Sent(path, body));
        replay.run(seduta.list("steps"), composition);
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
