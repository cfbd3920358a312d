package it.registro.app.body;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;
import it.registro.projections.body.BodyProjection;
import it.registro.projections.body.BodyView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is derived data: reset it, replay every event, and it is exactly what it was. */
@RegistroIntegrationTest
class BodyRebuildTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase database;

    @Test
    @DisplayName("reset and replay of the bodies projection gives identical documents")
    void rebuildGivesTheSameReadModel() {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            api.postJson("/api/bodies", """
                    {"id":"rebuild-%d","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Rebuild"},
                     "name":"Assemblea %d"}""".formatted(i, i));
        }
        api.postJson("/api/bodies/rebuild-0/rename",
                "{\"name\":\"Assemblea zero\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-01\"}");
        api.postJson("/api/bodies/rebuild-0/rename",
                "{\"name\":\"Assemblea 0 bis\",\"reason\":\"r\",\"effectiveFrom\":\"2024-02-01\"}");
        List<Document> before = snapshot();
        assertThat(before).hasSizeGreaterThanOrEqualTo(5);

        TrackingEventProcessor processor = processing
                .eventProcessor(BodyProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(snapshot()).as("the reset handler empties the read model").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> snapshot().equals(before));
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Document> snapshot() {
        return mongoClient.getDatabase(database.name()).getCollection(BodyView.COLLECTION)
                .find().sort(new Document("_id", 1)).into(new java.util.ArrayList<>());
    }
}
