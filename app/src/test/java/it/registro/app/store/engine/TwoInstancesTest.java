package it.registro.app.store.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one store, as in production behind a load balancer: the same
 * aggregates written through both at once. The unique (aggregate, sequence) key makes exactly one
 * write win; nothing is lost or stored twice, and the shared tracking tokens project every event once.
 */
class TwoInstancesTest {

    private static final int BODIES = 8;

    @Test
    @DisplayName("two application contexts writing the same aggregates: one winner each, no lost or doubled event")
    void oneWinnerPerAggregateVersion() throws Exception {
        MongoServer store = new MongoServer(new MemoryBackend());
        String uri = store.bindAndGetConnectionString() + "/shared";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ConfigurableApplicationContext first = start(uri);
             ConfigurableApplicationContext second = start(uri);
             MongoClient inspector = MongoClients.create(uri)) {
            List<Api> instances = List.of(api(first), api(second));

            List<Future<Integer>> registrations = new ArrayList<>();
            for (int b = 0; b < BODIES; b++) {
                String json = """
                        {"id":"twin-%d","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Twin"},
                         "name":"Conferenza %d"}""".formatted(b, b);
                for (Api api : instances) {
                    registrations.add(pool.submit(() -> api.postJson("/api/bodies", json).status()));
                }
            }
            for (int b = 0; b < BODIES; b++) {
                assertThat(List.of(registrations.get(2 * b).get(), registrations.get(2 * b + 1).get()))
                        .as("registration of twin-%d through both instances", b).containsExactlyInAnyOrder(201, 409);
            }

            List<Future<Integer>> renames = new ArrayList<>();
            for (int b = 0; b < BODIES; b++) {
                for (int i = 0; i < instances.size(); i++) {
                    Api api = instances.get(i);
                    String path = "/api/bodies/twin-" + b + "/rename";
                    String json = "{\"name\":\"Nome dall'istanza " + i + "\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-01\"}";
                    renames.add(pool.submit(() -> api.postJson(path, json, "If-Match", "\"0\"").status()));
                }
            }
            var events = inspector.getDatabase("shared").getCollection("events");
            for (int b = 0; b < BODIES; b++) {
                int one = renames.get(2 * b).get();
                int two = renames.get(2 * b + 1).get();
                assertThat(List.of(one, two)).as("renames of twin-%d from version 0", b).contains(409)
                        .anyMatch(status -> status / 100 == 2);
                List<Long> sequences = events.find(new Document("aggregateIdentifier", "twin-" + b))
                        .map(d -> ((Number) d.get("sequenceNumber")).longValue()).into(new ArrayList<>());
                assertThat(sequences).as("events of twin-%d", b).containsExactlyInAnyOrder(0L, 1L);
            }

            // A stale cached aggregate in one instance costs one refused write, then is reloaded.
            for (int b = 0; b < BODIES; b++) {
                for (int i = 0; i < instances.size(); i++) {
                    String path = "/api/bodies/twin-" + b + "/rename";
                    String json = "{\"name\":\"Nome dall'istanza " + i + " (bis)\",\"reason\":\"r\",\"effectiveFrom\":\"2024-02-01\"}";
                    int firstAnswer = instances.get(i).postJson(path, json).status();
                    int status = firstAnswer == 409 ? instances.get(i).postJson(path, json).status() : firstAnswer;
                    assertThat(status).as("rename of twin-%d through instance %d (first answer %d)", b, i, firstAnswer)
                            .isBetween(200, 299);
                }
                List<Long> sequences = events.find(new Document("aggregateIdentifier", "twin-" + b))
                        .map(d -> ((Number) d.get("sequenceNumber")).longValue()).into(new ArrayList<>());
                assertThat(sequences).as("events of twin-%d", b).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
            }

            // Every stored event is projected once, whichever instance holds the processor's segment.
            for (int b = 0; b < BODIES; b++) {
                String id = "twin-" + b;
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        instances.get(0).get("/api/bodies/" + id).json().get("name").asString().startsWith("Nome dall'istanza"));
            }
        } finally {
            pool.shutdownNow();
            store.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String uri) {
        // a real MongoDB needs a configured signing key: both instances share one key file
        return new SpringApplicationBuilder(RegistroApplication.class)
                .run("--server.port=0", "--spring.profiles.active=test", "--registro.store.uri=" + uri,
                        "--registro.store.engine=SEQUENCED", "--registro.ledger.key-file=" + KEY_FILE);
    }

    private static final java.nio.file.Path KEY_FILE = keyFile();

    private static java.nio.file.Path keyFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("two-instances");
            dir.toFile().deleteOnExit();
            return dir.resolve("ledger-signing.key");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
