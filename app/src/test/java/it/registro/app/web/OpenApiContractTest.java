package it.registro.app.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 22 #6: an API description that needs no guessing — summaries, statuses, problems, unique schema names. */
@RegistroIntegrationTest
class OpenApiContractTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("every operation has a summary and its refusals as problem+json; creations answer 201 with Location; names are unique")
    void contract() {
        JsonNode docs = Api.anonymous(port).get("/v3/api-docs").json();
        assertThat(docs.at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();
        assertThat(docs.at("/info/license/name").asString()).isNotBlank();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : docs.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (o.path("summary").asString("").isBlank()) {
                    missing.add(where + ": no summary");
                }
                boolean problem = false;
                for (var r : o.get("responses").properties()) {
                    if (r.getKey().startsWith("4") && r.getValue().at("/content/application~1problem+json/schema/$ref").asString("")
                            .equals("#/components/schemas/Problem")) {
                        problem = true;
                    }
                }
                if (!problem) {
                    missing.add(where + ": no 4xx problem response");
                }
            }
        }
        assertThat(operations).isGreaterThan(150);
        assertThat(missing).isEmpty();
        for (String created : List.of("/api/sessions", "/api/bodies", "/api/acts", "/api/persons", "/api/sessions/{id}/documents")) {
            JsonNode post = docs.get("paths").get(created).get("post");
            assertThat(post.at("/responses/201/headers/Location").isMissingNode()).as(created).isFalse();
            assertThat(post.get("responses").has("200")).as(created + " answers 201, not 200").isFalse();
        }
        // the two adoptions are two shapes: an act's needs no actId, a POAS's does
        String actAdoption = docs.at("/paths/~1api~1acts~1{id}~1adoption/post/requestBody/content/application~1json/schema/$ref").asString();
        String poasAdoption = docs.at("/paths/~1api~1poas~1{id}~1adoption/post/requestBody/content/application~1json/schema/$ref").asString();
        assertThat(actAdoption).isNotEqualTo(poasAdoption);
        JsonNode act = docs.at("/components/schemas/" + actAdoption.substring(actAdoption.lastIndexOf('/') + 1));
        JsonNode poas = docs.at("/components/schemas/" + poasAdoption.substring(poasAdoption.lastIndexOf('/') + 1));
        assertThat(act.get("properties").has("actId")).isFalse();
        assertThat(poas.get("properties").has("actId")).isTrue();
    }

    @Test
    @DisplayName("every operation that takes JSON shows an example request from the seeds, valid against its own schema")
    void examples() {
        String text = Api.anonymous(port).get("/v3/api-docs").body();
        JsonNode docs = new tools.jackson.databind.ObjectMapper().readTree(text);
        String base = "https://registro.invalid/v3/api-docs";
        com.networknt.schema.SchemaRegistry registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12, b -> b.schemas(java.util.Map.of(base, text))
                        .schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        List<String> problems = new ArrayList<>();
        int withExamples = 0;
        for (var path : docs.get("paths").properties()) {
            JsonNode json = path.getValue().at("/post/requestBody/content/application~1json");
            if (json.isMissingNode() || path.getKey().endsWith("/documents")) {
                continue; // no JSON body (uploads carry the file itself)
            }
            if (!json.has("example")) {
                problems.add("POST " + path.getKey() + ": no example");
                continue;
            }
            withExamples++;
            String ref = json.at("/schema/$ref").asString();
            for (com.networknt.schema.Error e : registry.getSchema(com.networknt.schema.SchemaLocation.of(base + ref)).validate(json.get("example"))) {
                problems.add("POST " + path.getKey() + " example " + e.getInstanceLocation() + ": " + e.getMessage());
            }
        }
        assertThat(withExamples).isGreaterThan(80);
        assertThat(problems).isEmpty();
    }
}
