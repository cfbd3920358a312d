package it.registro.app.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, done when: seed 004's seduta 1/24, convocation to publication, recorded twice on the same body — once
 * through the API, once by a secretariat at the desk's HTML forms alone, every refusal of the scenario included — gives
 * the same verbale.
 */
@ScenarioTest
class DeskScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    String viaApi;
    String viaDesk;
    int deskRefusals;

    @BeforeAll
    void replayTwice() {
        Api api = new Api(port);
        ScenarioFile composition = ScenarioFile.load("s004-collegio-composition.yaml");
        ScenarioFile seduta = ScenarioFile.load("s004-seduta-1-24.yaml");
        SessionReplay replay = new SessionReplay(api, mongoClient, storeDatabase);
        replay.setUp(composition, null);
        replay.registerPersons(seduta.list("nonMembers"));
        replay.run(seduta.list("steps"), composition);
        viaApi = replay.sessionId;

        // the same sitting again, at the desk: another id, the body's composition already recorded
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> step : seduta.list("steps")) {
            if ("composition".equals(step.get("action"))) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(step);
            if ("convene".equals(step.get("action"))) {
                copy.put("id", "collegio-seduta-1-24-scrivania");
            }
            steps.add(copy);
        }
        int before = replay.rejectionsChecked;
        replay.desk = new DeskClient(port, "tester");
        replay.run(steps, composition);
        viaDesk = replay.sessionId;
        deskRefusals = replay.rejectionsChecked - before;
    }

    @Test
    @DisplayName("the verbale recorded at the desk equals the one recorded through the API, and every refusal was met at the desk in Italian")
    void sameVerbale() {
        Api api = new Api(port);
        assertThat(viaDesk).isEqualTo("collegio-seduta-1-24-scrivania");
        assertThat(deskRefusals).isEqualTo(17);
        String fromApi = api.get("/api/sessions/" + viaApi + "/minutes").body().replace(viaApi, "SEDUTA");
        String fromDesk = api.get("/api/sessions/" + viaDesk + "/minutes").body().replace(viaDesk, "SEDUTA");
        assertThat(fromDesk).isEqualTo(fromApi);
        assertThat(fromDesk).contains("\"state\":\"PUBLISHED\"", "LEONARDO VIRGILIO, Sindaco di Cremona");
    }
}
