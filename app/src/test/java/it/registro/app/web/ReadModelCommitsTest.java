package it.registro.app.web;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Read-your-writes hears of each batch the read-model processors commit, not only on its own schedule. */
@RegistroIntegrationTest
class ReadModelCommitsTest {

    @LocalServerPort
    int port;
    @Autowired
    ReadModelAwaiter awaiter;

    @Test
    @DisplayName("a committed batch of the read models is announced to the awaiter")
    void committedBatchesAreAnnounced() {
        // the processor runs in this context: answers rely on its announcements, not on looking every few ms
        await().atMost(Duration.ofSeconds(10)).until(awaiter::commitsAnnouncedHere);
        long before = awaiter.committedBatches();
        Api.Response created = new Api(port).postJson("/api/persons", "{\"name\":\"Annunciata Commit\"}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        // the read-models processor (persons among them) commits a batch holding the new event
        await().atMost(Duration.ofSeconds(10)).until(() -> awaiter.committedBatches() > before);
    }
}
