package it.registro.app.store;

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

/**
 * With a MongoDB URI configured (MONGODB_URI), the service starts no embedded server and stores
 * everything in the database that URI names. A separately started server stands in for the real
 * MongoDB here: none can be installed on the build machines.
 */
class ExternalStoreTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path keyDir;

    @Test
    @DisplayName("MONGODB_URI: no embedded server, events and read models in the URI's database")
    void usesTheConfiguredMongo() {
        MongoServer external = new MongoServer(new MemoryBackend());
        String uri = external.bindAndGetConnectionString() + "/governance";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistroApplication.class)
                .run("--server.port=0", "--spring.profiles.active=test",
                        "--registro.store.uri=" + uri, "--registro.ledger.key-file=" + keyDir.resolve("ledger-signing.key"));
             MongoClient inspector = MongoClients.create(uri)) {

            assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(api.get("/actuator/health").json().get("components").get("store").get("details")
                    .get("kind").asString()).isEqualTo("mongodb");

            assertThat(api.postJson("/api/bodies", """
                    {"id":"conferenza-asst-crema","kind":"CONFERENZA_DEI_SINDACI",
                     "agency":{"kind":"ASST","name":"ASST Crema"},"name":"Conferenza dei Sindaci ASST Crema"}""")
                    .status()).isEqualTo(201);

            var db = inspector.getDatabase("governance");
            assertThat(db.getCollection(context.getBean(StoreDatabase.class).eventsCollection())
                    .countDocuments(new Document("aggregateIdentifier", "conferenza-asst-crema"))).isEqualTo(1);
            assertThat(db.getCollection("bodies").countDocuments(new Document("_id", "conferenza-asst-crema")))
                    .isEqualTo(1);
        } finally {
            external.shutdownNow();
        }
    }
}
