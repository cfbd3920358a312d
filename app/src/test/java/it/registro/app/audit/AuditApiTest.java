package it.registro.app.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit trail, the per-aggregate history (also as recorded at an instant) and the rebuild with its progress. */
@ScenarioTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditApiTest {

    private static final String BODY = "conferenza-over-time";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase database;

    Api tester;
    Api auditor;
    String person;
    String act;
    String session;

    @BeforeAll
    void record() {
        tester = new Api(port);
        auditor = Api.as(port, "auditor");
        ok(tester.postJson("/api/comuni", "{\"id\":\"comune-audit\",\"name\":\"Audit\",\"province\":\"CR\"}"));
        person = tester.postJson("/api/persons", "{\"name\":\"Persona Audit\"}").json().get("id").asString();
        ok(tester.postJson("/api/bodies", """
                {"id":"%s","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Audit"},"name":"Conferenza Audit"}""".formatted(BODY)));
        ok(tester.postJson("/api/bodies/" + BODY + "/rename", "{\"name\":\"Conferenza Audit Bis\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-01\"}"));
        ok(tester.postJson("/api/bodies/" + BODY + "/compositions", """
                {"act":{"citation":"Decreto 9001/2024"},"effectiveFrom":"2024-01-10","seats":[
                 {"role":"MAYOR","constituency":"comune-audit","personId":"%s","comuneId":"comune-audit"}]}""".formatted(person)));
        ok(tester.postJson("/api/bodies", """
                {"id":"audit-dg","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Audit"},"name":"DG Audit"}"""));
        Api.Response a = tester.postJson("/api/acts", "{\"issuerBodyId\":\"audit-dg\",\"type\":\"DECRETO\",\"number\":\"7\",\"date\":\"2024-02-01\"}");
        ok(a);
        act = a.json().get("id").asString();
        ok(tester.postJson("/api/acts/" + act + "/adoption", "{\"on\":\"2024-02-01\"}"));
        session = tester.postJson("/api/sessions", "{\"bodyId\":\"" + BODY + "\",\"date\":\"2024-03-02\",\"number\":\"1/24\"}").json()
                .get("id").asString();
        ok(tester.postJson("/api/sessions/" + session + "/agenda", "{\"itemNo\":1,\"kind\":\"DELIBERATION\",\"title\":\"Voto\"}"));
        // the audit projection is eventually consistent: wait until it holds every stored event
        await().atMost(Duration.ofSeconds(30)).until(() -> events("").get("total").asLong() == stored());
    }

    private long stored() {
        return new it.registro.app.support.EventCounter(mongoClient, database).total();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private JsonNode events(String query) {
        Api.Response r = auditor.get("/api/audit/events?size=200" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("entries").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    @Test
    @Order(1)
    @DisplayName("by aggregate, body (also session events that do not name it), act and person, each entry saying who and how")
    void byWhatItConcerns() {
        JsonNode body = events("&body=" + BODY);
        assertThat(types(body)).contains("BodyRegistered", "BodyRenamed", "SessionConvened", "AgendaItemAdded");
        JsonNode agenda = null;
        for (JsonNode e : body.get("entries")) {
            if (e.get("type").asString().equals("AgendaItemAdded")) {
                agenda = e;
            }
        }
        assertThat(agenda).isNotNull();
        assertThat(agenda.get("payload").has("bodyId")).as("the agenda event does not name the body: metadata does").isFalse();
        assertThat(agenda.get("principal").asString()).isEqualTo("tester");
        assertThat(agenda.get("channel").asString()).isEqualTo("rest");
        assertThat(agenda.get("aggregateId").asString()).isEqualTo(session);
        assertThat(agenda.get("correlationId").asString()).isNotBlank();
        assertThat(agenda.get("causationId").asString()).isNotBlank();

        assertThat(types(events("&act=" + act))).containsExactly("ActRegistered", "ActAdopted");
        // the person: registered, and seated by the composition that names them inside a seat
        assertThat(types(events("&person=" + person))).contains("PersonRegistered", "MemberSeated");
        assertThat(types(events("&aggregate=" + act))).containsExactly("ActRegistered", "ActAdopted");
        assertThat(events("&aggregate=nothing-here").get("total").asLong()).isZero();
    }

    @Test
    @Order(2)
    @DisplayName("by business date and by recording time; paged in recording order")
    void byTime() {
        // the rename speaks of 2024-01-01, the composition of 2024-01-10, the adoption of 2024-02-01
        List<String> january = types(events("&body=" + BODY + "&businessFrom=2024-01-05&businessTo=2024-01-31"));
        assertThat(january).contains("CompositionActRecorded").doesNotContain("BodyRenamed", "ActAdopted");

        JsonNode all = events("");
        long total = all.get("total").asLong();
        JsonNode adoption = null;
        for (JsonNode e : all.get("entries")) {
            if (e.get("type").asString().equals("ActAdopted")) {
                adoption = e;
            }
        }
        assertThat(adoption).isNotNull();
        String at = adoption.get("recordedAt").asString();
        JsonNode from = events("&recordedFrom=" + at);
        JsonNode before = events("&recordedTo=" + at);
        assertThat(types(from)).contains("ActAdopted");
        assertThat(types(before)).doesNotContain("ActAdopted");
        assertThat(from.get("total").asLong() + before.get("total").asLong()).isEqualTo(total);

        JsonNode first = auditor.get("/api/audit/events?size=2&page=0").json();
        JsonNode second = auditor.get("/api/audit/events?size=2&page=1").json();
        assertThat(first.get("entries").size()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(total);
        assertThat(second.get("entries").get(0).get("_id").asString()).isEqualTo(all.get("entries").get(2).get("_id").asString());
        assertThat(auditor.get("/api/audit/events?size=2&page=100000").json().get("entries").size()).isZero();
    }

    @Test
    @Order(3)
    @DisplayName("bad ranges, pages and dates are 400 problem+json naming the field; mayors and anonymous callers are refused")
    void badInput() {
        Map<String, String> cases = new TreeMap<>(Map.of(
                "/api/audit/events?size=0", "size",
                "/api/audit/events?size=201", "size",
                "/api/audit/events?page=-1", "page",
                "/api/audit/events?recordedFrom=yesterday", "recordedFrom",
                "/api/audit/events?businessFrom=2024-13-01", "businessFrom",
                "/api/audit/events?businessFrom=2024-02-01&businessTo=2024-01-01", "businessTo",
                "/api/audit/events?recordedFrom=2024-02-01T00:00:00Z&recordedTo=2024-01-01T00:00:00Z", "recordedTo",
                "/api/audit/aggregates/" + session + "/history?recordedBefore=yesterday", "recordedBefore"));
        cases.forEach((path, field) -> {
            Api.Response r = auditor.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).as(path).isEqualTo(field);
        });
        Api.Response unknown = auditor.get("/api/audit/aggregates/nothing-here/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(Api.as(port, "mayor").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/audit/events").status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    @DisplayName("an aggregate's history comes from the event store, in order, with metadata; recordedBefore shows what was known then")
    void history() {
        JsonNode h = auditor.get("/api/audit/aggregates/" + BODY + "/history").json();
        assertThat(h.get("aggregateType").asString()).isEqualTo("Body");
        JsonNode entries = h.get("history");
        assertThat(entries.get(0).get("type").asString()).isEqualTo("BodyRegistered");
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("sequence").asLong()).isEqualTo(i);
            JsonNode meta = entries.get(i).get("metadata");
            assertThat(meta.get("principal").asString()).isEqualTo("tester");
            assertThat(meta.get("body").asString()).isEqualTo(BODY);
            assertThat(meta.has("correlationId") && meta.has("causationId") && meta.has("traceId")).isTrue();
        }
        // the rename said "2024-01-01" as a business date: kept as a day, not a midnight in some zone
        assertThat(entries.get(1).get("payload").get("effectiveFrom").asString()).isEqualTo("2024-01-01");
        Instant second = Instant.parse(entries.get(1).get("recordedAt").asString());
        JsonNode then = auditor.get("/api/audit/aggregates/" + BODY + "/history?recordedBefore=" + second).json();
        assertThat(then.get("events").asInt()).isEqualTo(1);
        assertThat(then.get("history").get(0).get("type").asString()).isEqualTo("BodyRegistered");
    }

    @Test
    @Order(5)
    @DisplayName("rebuild: administrators only; progress on the status endpoint; the read models and the trail come back identical")
    void rebuild() {
        for (String role : List.of("auditor", "mayor", "clerk")) {
            assertThat(Api.as(port, role).postJson("/api/admin/rebuild", "").status()).as(role).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).postJson("/api/admin/rebuild", "").status()).isEqualTo(401);
        assertThat(auditor.get("/api/admin/rebuild").json().get("state").asString()).isEqualTo("IDLE");

        Map<String, List<Document>> before = snapshot();
        Api admin = Api.as(port, "admin");
        Api.Response started = admin.postJson("/api/admin/rebuild", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("total").asLong()).isEqualTo(stored());
        List<String> replayed = new ArrayList<>();
        started.json().get("processors").forEach(p -> replayed.add(p.get("name").asString()));
        assertThat(replayed).containsExactlyInAnyOrder(it.registro.app.axon.AxonConfiguration.READ_MODELS,
                it.registro.app.axon.AxonConfiguration.AUDIT_TRAIL);
        // a second one while the first runs is refused
        Api.Response again = admin.postJson("/api/admin/rebuild", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("REBUILD_RUNNING");

        await().atMost(Duration.ofSeconds(60)).until(() -> auditor.get("/api/admin/rebuild").json().get("state").asString().equals("DONE"));
        JsonNode done = auditor.get("/api/admin/rebuild").json();
        assertThat(done.get("done").asLong()).isEqualTo(done.get("total").asLong());
        assertThat(done.get("startedBy").asString()).isEqualTo("admin");
        // done means done: no processor still says it replays (Axon keeps the replay mark until a newer event)
        done.get("processors").forEach(p -> assertThat(p.get("replaying").asBoolean()).as(p.toString()).isFalse());
        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<String, List<Document>> snapshot() {
        return it.registro.app.support.ReadModels.snapshot(mongoClient, database);
    }

    private long ledger() {
        return mongoClient.getDatabase(database.name()).getCollection(it.registro.app.audit.ledger.Ledger.LEAVES).countDocuments();
    }

    @Test
    @Order(6)
    @DisplayName("change feed: every event once, in order, no gaps, paged and resumable; bad positions and limits are 400")
    void feed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger() == stored());
        List<Long> positions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String after = "-1";
        for (int guard = 0; guard < 1000; guard++) {
            JsonNode page = auditor.get("/api/audit/feed?limit=3&after=" + after).json();
            page.get("entries").forEach(e -> {
                positions.add(e.get("position").asLong());
                ids.add(e.get("eventId").asString());
                assertThat(e.get("payload").isObject()).isTrue();
                assertThat(e.get("metadata").get("principal").asString()).isNotBlank();
            });
            after = page.get("next").asString();
            if (!page.get("more").asBoolean()) {
                break;
            }
        }
        assertThat(positions).hasSize((int) stored());
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).isEqualTo(i);
        }
        assertThat(ids).doesNotHaveDuplicates();
        // resuming after a position gives exactly the rest
        JsonNode rest = auditor.get("/api/audit/feed?after=" + (positions.size() - 3)).json();
        assertThat(rest.get("entries").size()).isEqualTo(2);
        assertThat(rest.get("entries").get(0).get("eventId").asString()).isEqualTo(ids.get(ids.size() - 2));
        for (String bad : List.of("after=x", "after=-2", "after=1.5")) {
            Api.Response r = auditor.get("/api/audit/feed?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("POSITION_MALFORMED");
        }
        assertThat(auditor.get("/api/audit/feed?limit=0").json().get("field").asString()).isEqualTo("limit");
        assertThat(Api.as(port, "mayor").get("/api/audit/feed").status()).isEqualTo(403);
    }

    @Test
    @Order(7)
    @DisplayName("change feed as server-sent events: resumes after Last-Event-ID, then delivers a new event as it is recorded")
    void stream() throws Exception {
        long before = stored();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/audit/feed/stream"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("auditor:" + Api.PASSWORD).getBytes()))
                .header("Accept", "text/event-stream").header("Last-Event-ID", String.valueOf(before - 2)).build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response =
                client.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.concurrent.BlockingQueue<String> ids = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("id:")).forEach(l -> ids.add(l.substring(3).strip())));
        reader.setDaemon(true);
        reader.start();
        assertThat(ids.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(String.valueOf(before - 1));
        ok(tester.postJson("/api/persons", "{\"name\":\"Persona Feed\"}"));
        assertThat(ids.poll(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(String.valueOf(before));
        response.body().close();
    }

    @Test
    @Order(8)
    @DisplayName("as recorded: a body, an act and a session rebuilt from what was recorded before an instant; later changes absent")
    void asRecorded() {
        JsonNode body = auditor.get("/api/audit/aggregates/" + BODY + "/history").json().get("history");
        Instant renamedAt = Instant.parse(body.get(1).get("recordedAt").asString());
        JsonNode then = auditor.get("/api/audit/aggregates/" + BODY + "/as-recorded?at=" + renamedAt).json();
        assertThat(then.get("aggregateType").asString()).isEqualTo("Body");
        assertThat(then.get("eventsApplied").asInt()).isEqualTo(1);
        assertThat(then.get("view").get("name").asString()).isEqualTo("Conferenza Audit");
        JsonNode now = auditor.get("/api/audit/aggregates/" + BODY + "/as-recorded?at=" + Instant.now()).json();
        assertThat(now.get("view").get("name").asString()).isEqualTo("Conferenza Audit Bis");
        // the live read model agrees with the rebuild from every event
        assertThat(now.get("view").get("name").asString()).isEqualTo(tester.get("/api/bodies/" + BODY).json().get("name").asString());

        JsonNode act = auditor.get("/api/audit/aggregates/" + this.act + "/history").json().get("history");
        Instant adoptedAt = Instant.parse(act.get(act.size() - 1).get("recordedAt").asString());
        JsonNode beforeAdoption = auditor.get("/api/audit/aggregates/" + this.act + "/as-recorded?at=" + adoptedAt).json().get("view").get("adoption");
        assertThat(beforeAdoption == null || beforeAdoption.isNull()).isTrue();
        assertThat(auditor.get("/api/audit/aggregates/" + this.act + "/as-recorded?at=" + Instant.now()).json().get("view").get("adoption")
                .get("on").asString()).isEqualTo("2024-02-01");

        JsonNode session = auditor.get("/api/audit/aggregates/" + this.session + "/as-recorded?at=" + Instant.now()).json();
        assertThat(session.get("view").get("agenda").size()).isEqualTo(1);
        JsonNode first = auditor.get("/api/audit/aggregates/" + this.session + "/history").json().get("history").get(1);
        assertThat(auditor.get("/api/audit/aggregates/" + this.session + "/as-recorded?at=" + first.get("recordedAt").asString()).json()
                .get("view").get("agenda").size()).isZero();

        Api.Response early = auditor.get("/api/audit/aggregates/" + BODY + "/as-recorded?at=2000-01-01T00:00:00Z");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.json().get("code").asString()).isEqualTo("NOT_RECORDED_YET");
        assertThat(auditor.get("/api/audit/aggregates/" + person + "/as-recorded?at=" + Instant.now()).json().get("code").asString())
                .isEqualTo("AS_RECORDED_UNSUPPORTED");
        assertThat(auditor.get("/api/audit/aggregates/" + BODY + "/as-recorded?at=yesterday").status()).isEqualTo(400);
        assertThat(Api.as(port, "mayor").get("/api/audit/aggregates/" + BODY + "/as-recorded?at=" + Instant.now()).status()).isEqualTo(403);
    }
}
