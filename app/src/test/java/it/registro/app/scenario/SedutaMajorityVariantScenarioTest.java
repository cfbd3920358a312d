package it.registro.app.scenario;

import java.time.Duration;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * G9 variant: seduta 1/24 replayed under ABSOLUTE_MAJORITY_OF_MEMBERS (threshold 4 of 6). The rule
 * says NOT_PASSED for 3/0/1; the minutes say ELETTO; the record keeps what was recorded, and each
 * election is flagged OUTCOME_RULE_MISMATCH. The golden configuration is the voters-present rule.
 */
@ScenarioTest
class SedutaMajorityVariantScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    SessionReplay replay;
    Api api;
    Map<String, Object> expected;

    @BeforeAll
    void replay() {
        api = new Api(port);
        replay = SessionReplay.collegio(api, mongoClient, storeDatabase, ScenarioFile.load("s004-seduta-1-24.yaml").map("variantRuleSet"));
        expected = replay.seduta.map("expectedG9Variant");
        replay.recordSeduta();
    }

    @Test
    @DisplayName("G9 variant: computed NOT_PASSED at threshold 4, recorded outcome kept, exactly 2 OUTCOME_RULE_MISMATCH")
    void absoluteMajorityOfMembers() {
        JsonNode votes = api.get("/api/sessions/" + replay.sessionId + "/votes").json();
        List<String> recorded = new ArrayList<>();
        for (JsonNode v : votes) {
            assertThat(v.get("computedOutcome").asString()).isEqualTo(expected.get("computedOutcome"));
            assertThat(v.get("threshold").asInt()).isEqualTo(expected.get("threshold"));
            assertThat(v.get("majorityRule").asString()).isEqualTo("ABSOLUTE_MAJORITY_OF_MEMBERS");
            recorded.add(v.get("outcomeAsRecorded").asString());
        }
        assertThat(recorded).isEqualTo(expected.get("outcomeAsRecorded"));
        long mismatches = 0;
        for (JsonNode f : api.get("/api/sessions/" + replay.sessionId + "/discrepancies").json()) {
            if (f.get("code").asString().equals("OUTCOME_RULE_MISMATCH")) {
                mismatches++;
            }
        }
        assertThat(mismatches).isEqualTo(((Integer) expected.get("outcomeRuleMismatchFlags")).longValue());
        // the election as recorded still stands: the officers are those the minutes name
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/bodies/" + replay.bodyId
                + "/officers?at=2024-10-18T15:15").json().get("offices").get(0).get("personId").asString()).isEqualTo(replay.id("M1")));
    }

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Test
    @DisplayName("issue 20 #1: every view of every vote gives the aggregate's figures and outcome; the auditor's recomputation finds nothing else")
    void oneTruth() {
        // the President's and the Vice President's elections
        JsonNode report = new it.registro.app.support.VotingViews(api, eventStore).assertOneTruth(replay.sessionId, 2);
        assertThat(report.get("statedAgainstRules").asInt()).isEqualTo(((Integer) expected.get("outcomeRuleMismatchFlags")));
    }
}
