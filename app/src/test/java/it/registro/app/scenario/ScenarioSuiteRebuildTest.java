package it.registro.app.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.poas.ChangeListReplay;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The release gate for replays: the golden scenarios of seeds 004 (a whole Collegio session) and 000
 * (the POAS chain, its change list and the organigram tree) are replayed through the API into one
 * store, every read model is snapshotted, the admin rebuild resets and replays them all, and every
 * document must come back identical.
 */
@ScenarioTest
class ScenarioSuiteRebuildTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    @Test
    @DisplayName("the scenario suite, rebuilt from its events by the admin operation, gives identical read models")
    void rebuildGivesIdenticalReadModels() {
        Api api = new Api(port);
        SessionReplay session = SessionReplay.collegio(api, mongoClient, storeDatabase, null);
        session.recordSeduta();
        new ChangeListReplay(api).untilReview().importChangeList().importOrganigram().approve();

        long stored = new it.registro.app.support.EventCounter(mongoClient, storeDatabase).total();
        await().atMost(Duration.ofSeconds(60)).until(() -> quiet(api, stored));
        Map<String, List<Document>> before = snapshot();
        assertThat(before.get("units")).hasSizeGreaterThan(50);
        assertThat(before.get("sessions")).isNotEmpty();
        assertThat(before.get("audit_trail")).hasSize((int) stored);

        Api admin = Api.as(port, "admin");
        assertThat(admin.postJson("/api/admin/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("/api/admin/rebuild").json().get("state").asString().equals("DONE"));
        JsonNode status = admin.get("/api/admin/rebuild").json();
        assertThat(status.get("done").asLong()).isEqualTo(stored);

        Map<String, List<Document>> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String collection : before.keySet()) {
            assertThat(after.get(collection)).as("collection %s after the rebuild", collection).isEqualTo(before.get(collection));
        }
    }

    /** Every event projected into the audit trail, and the read models still while we look twice. */
    private boolean quiet(Api api, long stored) {
        return api.get("/api/audit/events?size=1").json().get("total").asLong() == stored && snapshot().equals(snapshot());
    }

    /** The read models; the security log is not one (a rebuild leaves it alone). */
    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = it.registro.app.support.ReadModels.snapshot(mongoClient, storeDatabase);
        all.remove("securitylog");
        return all;
    }
}
