package it.registro.app.security;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored event says who caused it and through which channel, with the command's correlation id. */
@RegistroIntegrationTest
class EventMetadataTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase database;

    @Test
    @DisplayName("an event carries the principal, roles, channel and correlation id of the command that caused it")
    void whoAndHow() {
        String id = Api.as(port, "admin").postJson("/api/persons", "{\"name\":\"Persona Metadati\"}").json().get("id").asString();
        Document event = mongoClient.getDatabase(database.name()).getCollection(database.eventsCollection())
                .find(new Document("aggregateIdentifier", id)).first();
        assertThat(event).isNotNull();
        String metadata = event.getString("serializedMetaData");
        assertThat(metadata).contains("\"principal\":\"admin\"", "\"roles\":[\"ADMIN\"]", "\"channel\":\"rest\"",
                "correlationId", "traceId");
    }
}
