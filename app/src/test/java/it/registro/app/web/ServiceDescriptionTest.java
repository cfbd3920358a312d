package it.registro.app.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@RegistroIntegrationTest
class ServiceDescriptionTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName("health reports the store honestly: UP, embedded, with its database and event count")
    void healthReportsTheStore() {
        Api.Response r = api.get("/actuator/health");
        assertThat(r.status()).isEqualTo(200);
        JsonNode store = r.json().get("components").get("store");
        assertThat(store.get("status").asString()).isEqualTo("UP");
        assertThat(store.get("details").get("kind").asString()).startsWith("embedded");
        assertThat(store.get("details").get("database").asString()).isEqualTo("registro");
        assertThat(store.get("details").get("events").isNumber()).isTrue();
        // Boot's own MongoDB indicator cannot talk to the embedded server and must not be there to say DOWN.
        assertThat(r.json().get("components").has("mongo")).isFalse();
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    @DisplayName("the OpenAPI document describes the body endpoints, and Swagger UI is served")
    void openApi() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/bodies")).isTrue();
        assertThat(paths.has("/api/bodies/{id}")).isTrue();
        assertThat(paths.has("/api/bodies/{id}/rename")).isTrue();
        assertThat(api.get("/swagger-ui/index.html", "Accept", "text/html").status()).isEqualTo(200);
    }
}
