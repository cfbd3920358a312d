package it.registro.app.store.engine;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a snapshot every 2 events and no aggregate cache, every command loads its aggregate from a
 * snapshot plus the events after it: the rules must judge exactly as they do from the full stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registro.store.embedded-backend=MEMORY", "spring.profiles.active=test",
                "registro.store.snapshot-threshold=2", "registro.store.aggregate-cache=false"})
class SnapshotsTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase database;

    @Test
    @DisplayName("an aggregate loaded from its snapshot keeps its state: versions, seats and officers still judged right")
    void loadFromSnapshot() {
        Api api = new Api(port);
        assertThat(api.postJson("/api/comuni", "{\"id\":\"comune-snap\",\"name\":\"Snap\",\"province\":\"CR\"}").status())
                .isEqualTo(201);
        String person = api.postJson("/api/persons", "{\"name\":\"Persona Snapshot\"}").json().get("id").asString();
        assertThat(api.postJson("/api/bodies", """
                {"id":"snap-body","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Snap"},
                 "name":"Assemblea Snap"}""").status()).isEqualTo(201);
        for (int i = 1; i <= 3; i++) {
            assertThat(api.postJson("/api/bodies/snap-body/rename",
                    "{\"name\":\"Assemblea Snap " + i + "\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-0" + i + "\"}",
                    "If-Match", "\"" + (i - 1) + "\"").status()).as("rename %d", i).isEqualTo(200);
        }
        assertThat(api.postJson("/api/bodies/snap-body/compositions", """
                {"act":{"citation":"Decreto 77/2024"},"effectiveFrom":"2024-01-10","renewal":true,"seats":[
                 {"role":"MAYOR","constituency":"comune-snap","personId":"%s","comuneId":"comune-snap"}]}""".formatted(person))
                .status()).isEqualTo(200);
        assertThat(api.postJson("/api/bodies/snap-body/officers",
                "{\"office\":\"PRESIDENT\",\"personId\":\"%s\",\"at\":\"2024-02-01T10:00\"}".formatted(person)).status())
                .isEqualTo(200);

        Document snapshot = mongoClient.getDatabase(database.name()).getCollection("eventsnapshots")
                .find(new Document("_id", "snap-body")).first();
        assertThat(snapshot).as("a snapshot of the body").isNotNull();
        assertThat(snapshot.getLong("sequenceNumber")).isGreaterThanOrEqualTo(3L);
        assertThat(snapshot.getString("serializedPayload")).contains("Assemblea Snap", "MAYOR");

        // The version restored from the snapshot: a stale If-Match is refused, the current one accepted.
        assertThat(api.postJson("/api/bodies/snap-body/rename",
                "{\"name\":\"Stale\",\"reason\":\"r\",\"effectiveFrom\":\"2024-03-01\"}", "If-Match", "\"1\"").status())
                .isEqualTo(409);
        String current = api.get("/api/bodies/snap-body").header("ETag");
        assertThat(current).isNotEqualTo("\"1\"");
        assertThat(api.postJson("/api/bodies/snap-body/rename",
                "{\"name\":\"Assemblea Snap 4\",\"reason\":\"r\",\"effectiveFrom\":\"2024-03-01\"}", "If-Match", current)
                .status()).isEqualTo(200);
        // The seat and the officer restored from the snapshot: electing a non-member is refused as before.
        String outsider = api.postJson("/api/persons", "{\"name\":\"Persona Esterna\"}").json().get("id").asString();
        assertThat(api.postJson("/api/bodies/snap-body/officers",
                "{\"office\":\"VICE_PRESIDENT\",\"personId\":\"%s\",\"at\":\"2024-02-02T10:00\"}".formatted(outsider))
                .status()).isEqualTo(422);
        assertThat(api.get("/api/bodies/snap-body/composition?asOf=2024-02-02").body()).contains(person);
    }
}
