package it.registro.app.security;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Hardening as a client sees it: headers, CORS, actuator, the API description, the albo's public minutes. */
@RegistroIntegrationTest
class SecurityBehaviourTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("responses carry security headers and no stack trace; a 401 is problem+json with WWW-Authenticate")
    void headers() {
        Api.Response r = Api.as(port, "mayor").get("/api/bodies");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Cache-Control")).contains("no-store");
        Api.Response anonymous = Api.anonymous(port).get("/api/bodies");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        Api.Response wrongPassword = Api.anonymous(port).withAuthorization("Basic " + java.util.Base64.getEncoder()
                .encodeToString("mayor:wrong".getBytes())).get("/api/bodies");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("CORS is off: a cross-origin request gets no Access-Control-Allow-Origin")
    void corsOff() {
        Api.Response r = Api.as(port, "mayor").get("/api/bodies", "Origin", "https://evil.example", "Accept", "application/json");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    @DisplayName("actuator: health is public without details; everything else is for the admin")
    void actuator() {
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(Api.as(port, "admin").get("/actuator/health").json().has("components")).isTrue();
        assertThat(Api.anonymous(port).get("/actuator/info").status()).isEqualTo(401);
        assertThat(Api.as(port, "auditor").get("/actuator/info").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("the OpenAPI document declares Basic and bearer authentication and lists them on every operation")
    void openApiSecurity() {
        JsonNode docs = Api.anonymous(port).get("/v3/api-docs").json();
        JsonNode schemes = docs.get("components").get("securitySchemes");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("bearerAuth").get("scheme").asString()).isEqualTo("bearer");
        int operations = 0;
        for (var path : docs.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                JsonNode security = op.getValue().get("security");
                assertThat(security).as("%s %s", op.getKey(), path.getKey()).isNotNull();
                assertThat(security.toString()).as("%s %s", op.getKey(), path.getKey()).contains("basicAuth", "bearerAuth");
            }
        }
        assertThat(operations).isGreaterThan(50);
    }

    @Test
    @DisplayName("anonymous readers see published minutes only, as on an albo")
    void publishedMinutesArePublic() {
        Api tester = new Api(port);
        tester.postJson("/api/bodies", """
                {"id":"conferenza-dei-sindaci-asst-crema","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Crema"},
                 "name":"Conferenza dei Sindaci ASST di Crema"}""");
        String s = "/api/sessions/" + tester.postJson("/api/sessions", json(Map.of("bodyId", "conferenza-dei-sindaci-asst-crema",
                "date", "2025-02-03", "number", "9001/25"))).json().get("id").asString();
        assertThat(tester.postJson(s + "/participants", "{\"personId\":\"%s\",\"role\":\"MINUTE_TAKER\"}".formatted(
                tester.postJson("/api/persons", "{\"name\":\"Verbalizzante\"}").json().get("id").asString())).status()).isEqualTo(200);
        assertThat(tester.postJson(s + "/close", "{\"at\":\"2025-02-03T18:00\"}").status()).isEqualTo(200);
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get(s + "/minutes").status()).isEqualTo(401);
        assertThat(anonymous.get(s).status()).isEqualTo(401);
        assertThat(tester.postJson(s + "/minutes/sign", json(Map.of("on", "2025-02-04", "signatories", java.util.List.of()))).status())
                .isEqualTo(400);
        String minuteTaker = tester.get(s).json().get("session").get("participants").get(0).get("personId").asString();
        assertThat(tester.postJson(s + "/minutes/sign", json(Map.of("on", "2025-02-04", "signatories",
                java.util.List.of(Map.of("personId", minuteTaker))))).status()).isEqualTo(200);
        assertThat(anonymous.get(s + "/minutes").status()).isEqualTo(401);
        assertThat(tester.postJson(s + "/minutes/publish", "{\"on\":\"2025-02-05\",\"url\":\"https://example.invalid/verbale\"}").status())
                .isEqualTo(200);
        Api.Response published = anonymous.get(s + "/minutes");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(anonymous.get(s + "/minutes.html", "Accept", "text/html").status()).isEqualTo(200);
        assertThat(anonymous.get(s).status()).as("the full record stays for signed-in readers").isEqualTo(401);
    }

    @Test
    @DisplayName("anonymous readers see adopted acts only, as on an albo; not the register's list")
    void adoptedActsArePublic() {
        Api tester = new Api(port);
        tester.postJson("/api/bodies", """
                {"id":"dg-asst-albo","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Albo"},"name":"DG ASST Albo"}""");
        String act = "/api/acts/" + tester.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-albo", "type", "DECRETO",
                "number", "7", "date", "2025-03-01"))).json().get("id").asString();
        Api anonymous = Api.anonymous(port);
        Api.Response before = anonymous.get(act);
        assertThat(before.status()).isEqualTo(401);
        assertThat(before.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.get("/api/acts/no-such-act").status()).as("no existence leak").isEqualTo(401);
        assertThat(tester.postJson(act + "/adoption", "{\"on\":\"2025-03-01\"}").status()).isEqualTo(200);
        Api.Response adopted = anonymous.get(act);
        assertThat(adopted.status()).isEqualTo(200);
        assertThat(adopted.json().get("state").asString()).isEqualTo("ADOPTED");
        assertThat(anonymous.get("/api/acts").status()).isEqualTo(401);
        assertThat(anonymous.postJson(act + "/adoption", "{\"on\":\"2025-03-02\"}").status()).isEqualTo(401);
    }
}
