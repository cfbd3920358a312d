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

    @Test
    @DisplayName("writes to persons, acts and POAS are answered once their read model shows the new version")
    void answersSayTheReadModelShowsTheWrite() {
        Api api = new Api(port);
        Api.Response person = api.postJson("/api/persons", "{\"name\":\"Vista Subito\"}");
        assertThat(person.json().get("projected").asBoolean()).as(person.body()).isTrue();
        api.postJson("/api/bodies", """
                {"id":"commits-dg","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Commits"},"name":"DG Commits"}""");
        Api.Response act = api.postJson("/api/acts", "{\"issuerBodyId\":\"commits-dg\",\"type\":\"DECRETO\",\"number\":\"7\",\"date\":\"2024-01-02\"}");
        assertThat(act.status()).as(act.body()).isEqualTo(201);
        assertThat(act.json().get("projected").asBoolean()).as(act.body()).isTrue();
        Api.Response poas = api.postJson("/api/poas", "{\"id\":\"poas-commits\",\"agencyName\":\"ASST Commits\",\"period\":\"2024-2026\"}");
        assertThat(poas.status()).as(poas.body()).isEqualTo(201);
        assertThat(poas.json().get("projected").asBoolean()).as(poas.body()).isTrue();
        Api.Response adopted = api.postJson("/api/poas/poas-commits/adoption", "{\"actId\":\"commits-dg-decreto-7-2024\",\"on\":\"2024-02-02\"}");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        assertThat(adopted.json().get("version").asLong()).isEqualTo(1);
        assertThat(adopted.json().get("projected").asBoolean()).as(adopted.body()).isTrue();
    }
}
