package it.registro.app.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
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
import static org.awaitility.Awaitility.await;

/** The body registry end to end: REST → command → event store → tracking processor → read model → REST. */
@RegistroIntegrationTest
class BodyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
    }

    static String collegio(String id) {
        // Seed 004 L7-8: the Collegio dei Sindaci of ATS Val Padana and its legal basis.
        return """
                {"id":"%s","kind":"COLLEGIO_DEI_SINDACI",
                 "agency":{"kind":"ATS","name":"ATS Val Padana"},
                 "name":"Collegio dei Sindaci ATS Val Padana",
                 "legalBasis":"L.R. 22 del 14/12/2021 e D.G.R. n. 6762 del 25/07/2022"}""".formatted(id);
    }

    @Test
    @DisplayName("a registered body is readable through GET, with its kind, agency, legal basis and version")
    void registerThenRead() {
        Api.Response created = api.postJson("/api/bodies", collegio("collegio-read"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/bodies/collegio-read");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("id").asString()).isEqualTo("collegio-read");

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/bodies/collegio-read").status() == 200);
        Api.Response read = api.get("/api/bodies/collegio-read");
        JsonNode body = read.json();
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(body.get("kind").asString()).isEqualTo("COLLEGIO_DEI_SINDACI");
        assertThat(body.get("category").asString()).isEqualTo("MAYORS_BODY");
        assertThat(body.get("agency").get("kind").asString()).isEqualTo("ATS");
        assertThat(body.get("agency").get("name").asString()).isEqualTo("ATS Val Padana");
        assertThat(body.get("name").asString()).isEqualTo("Collegio dei Sindaci ATS Val Padana");
        assertThat(body.get("legalBasis").asString()).isEqualTo("L.R. 22 del 14/12/2021 e D.G.R. n. 6762 del 25/07/2022");
        assertThat(body.get("version").asLong()).isZero();
        assertThat(events.forAggregate("collegio-read")).isEqualTo(1);
    }

    @Test
    @DisplayName("the id defaults to the slug of the name, accents and punctuation removed")
    void idFromName() {
        Api.Response created = api.postJson("/api/bodies", """
                {"kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Crema"},
                 "name":"Conferenza dei Sindaci – ASST di Crema (città)"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).isEqualTo("conferenza-dei-sindaci-asst-di-crema-citta");
        assertThat(created.json().get("projected").asBoolean()).isTrue();
        // read-your-writes: the POST waited for the read model, so the very next GET finds it
        assertThat(api.get("/api/bodies/conferenza-dei-sindaci-asst-di-crema-citta").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("bodies are listed and filtered by kind and by agency")
    void listAndFilter() {
        api.postJson("/api/bodies", """
                {"id":"list-dg-asst-lodi","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Lodi"},
                 "name":"Direttore Generale ASST Lodi"}""");
        api.postJson("/api/bodies", """
                {"id":"list-conferenza-asst-lodi","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Lodi"},
                 "name":"Conferenza dei Sindaci ASST Lodi"}""");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/bodies?agency=asst%20lodi").json().size() == 2);

        assertThat(ids(api.get("/api/bodies?agency=ASST%20Lodi")))
                .containsExactly("list-conferenza-asst-lodi", "list-dg-asst-lodi");
        assertThat(ids(api.get("/api/bodies?agency=ASST%20Lodi&kind=DIRETTORE_GENERALE")))
                .containsExactly("list-dg-asst-lodi");
        assertThat(ids(api.get("/api/bodies"))).contains("list-conferenza-asst-lodi", "list-dg-asst-lodi");
    }

    @Test
    @DisplayName("a rename keeps the old name in the dated history and bumps the version")
    void rename() {
        api.postJson("/api/bodies", collegio("collegio-rename"));
        Api.Response renamed = api.postJson("/api/bodies/collegio-rename/rename", """
                {"name":"Collegio dei Sindaci dell'ATS Val Padana","reason":"Denominazione da deliberazione 436/2024",
                 "effectiveFrom":"2024-10-10"}""", "If-Match", "\"0\"");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        assertThat(renamed.json().get("version").asLong()).isEqualTo(1);

        JsonNode body = api.get("/api/bodies/collegio-rename").json();
        assertThat(body.get("name").asString()).isEqualTo("Collegio dei Sindaci dell'ATS Val Padana");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        JsonNode names = body.get("names");
        assertThat(names.size()).isEqualTo(2);
        assertThat(names.get(0).get("name").asString()).isEqualTo("Collegio dei Sindaci ATS Val Padana");
        assertThat(names.get(1).get("effectiveFrom").asString()).isEqualTo("2024-10-10");
        assertThat(names.get(1).get("reason").asString()).isEqualTo("Denominazione da deliberazione 436/2024");
    }

    @Test
    @DisplayName("two renames racing from the same version: exactly one wins, the other gets 409 and stores nothing")
    void concurrentRenames() throws Exception {
        api.postJson("/api/bodies", collegio("collegio-race"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (String name : List.of("Nome A", "Nome B")) {
                calls.add(() -> api.postJson("/api/bodies/collegio-race/rename",
                        "{\"name\":\"" + name + "\",\"reason\":\"gara\",\"effectiveFrom\":\"2024-10-10\"}",
                        "If-Match", "\"0\""));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events.forAggregate("collegio-race")).isEqualTo(2);
    }

    private static List<String> ids(Api.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }
}
