package it.registro.app.web;

import java.nio.charset.StandardCharsets;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.RegistroIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per kind of bad input. Each checks the status, that the answer is problem+json with a
 * stable code (and the offending field where there is one), that no framework text or stack trace
 * leaks, and that no event was stored.
 */
@RegistroIntegrationTest
class ErrorResponsesTest {

    private static final String VALID = """
            {"id":"%s","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Cremona"},
             "name":"Conferenza dei Sindaci ASST Cremona"}""";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;
    long eventsBefore;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
        eventsBefore = -1;
    }

    /** Marks the store's event count; the test's last check compares against it. */
    private void markEvents() {
        eventsBefore = events.total();
    }

    @AfterEach
    void noEventStored() {
        if (eventsBefore >= 0) {
            assertThat(events.total()).as("events stored by a rejected request").isEqualTo(eventsBefore);
        }
    }

    private static JsonNode problem(Api.Response r, int status, String code) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("code").asString()).isEqualTo(code);
        assertThat(p.get("type").asString()).isEqualTo("urn:registro:problem:" + code.toLowerCase().replace('_', '-'));
        assertThat(p.get("detail").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "org.springframework", "tools.jackson",
                "org.axonframework", "trace");
        return p;
    }

    @Test
    @DisplayName("issue 22: a type error names the shape expected — \"2pm\" for a time, a string for an object")
    void typeErrorsNameTheExpectedShape() {
        markEvents();
        JsonNode time = problem(api.postJson("/api/sessions", """
                {"bodyId":"desk-fixture","date":"2024-10-18","scheduledStart":"2pm"}"""), 400, "VALIDATION_FAILED");
        assertThat(time.toString()).contains("scheduledStart", "a local time like 14:00");
        JsonNode date = problem(api.postJson("/api/sessions", """
                {"bodyId":"desk-fixture","date":"18/10/2024"}"""), 400, "VALIDATION_FAILED");
        assertThat(date.toString()).contains("date", "a date like 2024-10-18");
        JsonNode act = problem(api.postJson("/api/bodies/any-body/compositions", """
                {"act":"Decreto n. 1","effectiveFrom":"2025-01-01","seats":[]}"""), 400, "VALIDATION_FAILED");
        assertThat(act.toString()).contains("act", "an object with {");
    }

    @Test
    @DisplayName("400: a missing required field is named, with every other offending field")
    void validation() {
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies", """
                {"id":"v-1","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST"}}"""), 400, "VALIDATION_FAILED");
        assertThat(p.get("field").asString()).isEqualTo("agency.name");
        assertThat(p.get("errors").findValuesAsString("field")).containsExactly("agency.name", "name");
    }

    @Test
    @DisplayName("400: a value of the wrong type or outside an enumeration names the field and what it must be")
    void wrongType() {
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies", """
                {"kind":"CONFERENZA","agency":{"kind":"ASST","name":"x"},"name":"y"}"""), 400, "VALIDATION_FAILED");
        assertThat(p.get("field").asString()).isEqualTo("kind");
        assertThat(p.get("detail").asString()).contains("CONFERENZA_DEI_SINDACI");

        JsonNode nested = problem(api.postJson("/api/bodies", """
                {"kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":7,"name":"x"},"name":"y"}"""), 400, "VALIDATION_FAILED");
        assertThat(nested.get("field").asString()).isEqualTo("agency.kind");

        JsonNode ordinal = problem(api.postJson("/api/bodies", """
                {"kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":1,"name":"x"},"name":"y"}"""), 400, "VALIDATION_FAILED");
        assertThat(ordinal.get("field").asString()).isEqualTo("agency.kind");

        JsonNode number = problem(api.postJson("/api/bodies", """
                {"kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"x"},"name":5}"""), 400, "VALIDATION_FAILED");
        assertThat(number.get("field").asString()).isEqualTo("name");

        JsonNode date = problem(api.postJson("/api/bodies/whatever/rename", """
                {"name":"x","reason":"y","effectiveFrom":"10/10/2024"}"""), 400, "VALIDATION_FAILED");
        assertThat(date.get("field").asString()).isEqualTo("effectiveFrom");
    }

    @Test
    @DisplayName("400: an unknown field is an error, not silently dropped")
    void unknownField() {
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies", """
                {"kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"x"},"name":"y","nmae":"z"}"""),
                400, "VALIDATION_FAILED");
        assertThat(p.get("field").asString()).isEqualTo("nmae");
    }

    @Test
    @DisplayName("400: an id that is not a slug")
    void malformedId() {
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies", VALID.formatted("Not A Slug")), 400, "VALIDATION_FAILED");
        assertThat(p.get("field").asString()).isEqualTo("id");
    }

    @Test
    @DisplayName("400: malformed JSON, and a missing body")
    void malformedJson() {
        markEvents();
        problem(api.postJson("/api/bodies", "{\"kind\": "), 400, "MALFORMED_JSON");
        problem(api.postJson("/api/bodies", "not json at all"), 400, "MALFORMED_JSON");
        problem(api.postJson("/api/bodies", ""), 400, "MALFORMED_JSON");
    }

    @Test
    @DisplayName("400: a malformed If-Match header")
    void malformedIfMatch() {
        api.postJson("/api/bodies", VALID.formatted("err-ifmatch"));
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies/err-ifmatch/rename",
                "{\"name\":\"x\",\"reason\":\"y\",\"effectiveFrom\":\"2024-10-10\"}", "If-Match", "\"abc\""),
                400, "VALIDATION_FAILED");
        assertThat(p.get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    @DisplayName("404: an unknown body, on read and on rename; and an unknown address")
    void notFound() {
        markEvents();
        assertThat(problem(api.get("/api/bodies/no-such-body"), 404, "BODY_NOT_FOUND").get("field").asString())
                .isEqualTo("id");
        problem(api.postJson("/api/bodies/no-such-body/rename",
                "{\"name\":\"x\",\"reason\":\"y\",\"effectiveFrom\":\"2024-10-10\"}"), 404, "BODY_NOT_FOUND");
        assertThat(events.forAggregate("no-such-body")).isZero();
        problem(api.get("/api/no-such-thing"), 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("409: registering an id twice stores nothing the second time")
    void duplicate() {
        assertThat(api.postJson("/api/bodies", VALID.formatted("err-dup")).status()).isEqualTo(201);
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies", VALID.formatted("err-dup")), 409, "DUPLICATE_BODY");
        assertThat(p.get("field").asString()).isEqualTo("id");
        assertThat(events.forAggregate("err-dup")).isEqualTo(1);
    }

    @Test
    @DisplayName("409: a rename from a stale version (If-Match) is refused")
    void staleVersion() {
        api.postJson("/api/bodies", VALID.formatted("err-stale"));
        assertThat(api.postJson("/api/bodies/err-stale/rename",
                "{\"name\":\"Nome nuovo\",\"reason\":\"r\",\"effectiveFrom\":\"2024-10-10\"}", "If-Match", "\"0\"")
                .status()).isEqualTo(200);
        markEvents();
        problem(api.postJson("/api/bodies/err-stale/rename",
                "{\"name\":\"Altro nome\",\"reason\":\"r\",\"effectiveFrom\":\"2024-10-11\"}", "If-Match", "\"0\""),
                409, "CONCURRENT_MODIFICATION");
        assertThat(api.get("/api/bodies/err-stale").json().get("name").asString()).isEqualTo("Nome nuovo");
    }

    @Test
    @DisplayName("422: a business rule refuses the command with its own reason code")
    void ruleRejection() {
        markEvents();
        JsonNode p = problem(api.postJson("/api/bodies", """
                {"id":"err-collegio-asst","kind":"COLLEGIO_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Crema"},
                 "name":"Collegio dei Sindaci"}"""), 422, "KIND_NOT_ALLOWED_FOR_AGENCY");
        assertThat(p.get("field").asString()).isEqualTo("kind");

        api.postJson("/api/bodies", VALID.formatted("err-same-name"));
        markEvents();
        problem(api.postJson("/api/bodies/err-same-name/rename",
                "{\"name\":\"Conferenza dei Sindaci ASST Cremona\",\"reason\":\"r\",\"effectiveFrom\":\"2024-10-10\"}"),
                422, "NAME_UNCHANGED");
    }

    @Test
    @DisplayName("415: a body that is not JSON")
    void unsupportedMediaType() {
        markEvents();
        problem(api.post("/api/bodies", "text/plain", "kind=CONFERENZA_DEI_SINDACI"), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(api.post("/api/bodies", "application/x-www-form-urlencoded", "kind=x"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    @DisplayName("413: an oversized body, with a declared length and chunked")
    void payloadTooLarge() {
        markEvents();
        String huge = VALID.formatted("err-huge").replace("ASST Cremona\"}", "ASST Cremona\",\"legalBasis\":\""
                + "x".repeat(70_000) + "\"}");
        problem(api.postJson("/api/bodies", huge), 413, "PAYLOAD_TOO_LARGE");
        problem(api.postChunked("/api/bodies", "application/json", huge.getBytes(StandardCharsets.UTF_8)),
                413, "PAYLOAD_TOO_LARGE");
        assertThat(events.forAggregate("err-huge")).isZero();
    }

    @Test
    @DisplayName("405 and 406: a wrong method, and an unacceptable Accept header")
    void wrongMethod() {
        markEvents();
        problem(api.method("DELETE", "/api/bodies"), 405, "METHOD_NOT_ALLOWED");
        problem(api.method("PUT", "/api/bodies/x"), 405, "METHOD_NOT_ALLOWED");
        problem(api.get("/api/bodies", "Accept", "application/xml"), 406, "NOT_ACCEPTABLE");
    }

    @Test
    @DisplayName("400: a query parameter outside its enumeration")
    void badQueryParameter() {
        JsonNode p = problem(api.get("/api/bodies?kind=NOPE"), 400, "VALIDATION_FAILED");
        assertThat(p.get("field").asString()).isEqualTo("kind");
    }
}
