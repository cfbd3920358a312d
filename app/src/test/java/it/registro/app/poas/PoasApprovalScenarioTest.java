package it.registro.app.poas;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.list;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** P1 (approval chain) and P4 (60-day norm) of poas-000.md, from scenarios/p000-poas-approval.yaml. */
@ScenarioTest
class PoasApprovalScenarioTest {

    @LocalServerPort
    int port;

    Api api;
    ScenarioFile file;
    final Map<String, String> acts = new HashMap<>();
    String poas;

    private Map<String, Object> withAct(Map<String, Object> step) {
        Map<String, Object> body = new LinkedHashMap<>(step);
        Object key = body.remove("act");
        if (key != null) {
            body.put("actId", acts.get((String) key));
        }
        return body;
    }

    private void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    @BeforeAll
    void replay() {
        api = new Api(port);
        ChangeListReplay replay = new ChangeListReplay(api).untilReview();
        file = replay.chain;
        acts.putAll(replay.acts);
        poas = replay.poas;
        // refused before the approval: an approval dated before the submission; decree 279 executive without approval
        Map<String, Object> e = file.map("expected");
        for (Map<String, Object> r : list(e, "rejected")) {
            Api.Response response = r.get("path").equals("approval")
                    ? api.postJson(poas + "/approval", json(withAct(map(r, "body"))))
                    : api.postJson("/api/acts/" + acts.get("decree279") + "/executability", json(Map.of("on", "2022-06-10")));
            assertThat(response.json().get("code").asString()).as((String) r.get("what")).isEqualTo(r.get("code"));
        }
        // the deadline report before any approval
        Map<String, Object> d = file.map("deadline");
        @SuppressWarnings("unchecked")
        Map<String, Integer> reports = (Map<String, Integer>) d.get("reports");
        reports.forEach((asOf, count) -> assertThat(api.get("/api/poas/deadlines?agency=ASST%20Cremona&asOf=" + asOf).json().size())
                .as("overdue as of %s", asOf).isEqualTo(count));
        ok(api.postJson(poas + "/approval", json(withAct(file.map("approval")))));
        ok(api.postJson("/api/acts/" + acts.get("dgr") + "/references", json(Map.of("kind", "APPROVES", "targetActId", acts.get("decree279")))));
    }

    @Test
    @DisplayName("P1: the 13 steps read back in order; APPROVED by the DGR, unanimous; review on day 39 with one recommendation")
    void chain() {
        Map<String, Object> e = file.map("expected");
        JsonNode chain = api.get(poas).json();
        assertThat(chain.get("chain").size()).isEqualTo(e.get("steps"));
        String previous = "";
        for (JsonNode step : chain.get("chain")) {
            assertThat(step.get("on").asString()).isGreaterThanOrEqualTo(previous);
            previous = step.get("on").asString();
        }
        assertThat(chain.get("chain").get(12).get("kind").asString()).isEqualTo("APPROVED");
        assertThat(chain.get("status").asString()).isEqualTo(e.get("status"));
        assertThat(chain.get("poas").get("approval").get("actId").asString()).isEqualTo(acts.get("dgr"));
        assertThat(chain.get("poas").get("approval").get("voteAsRecorded").asString()).isEqualTo("A voti unanimi, espressi nelle forme di legge");
        assertThat(chain.get("reviewDaysAfterSubmission").asInt()).isEqualTo(e.get("reviewDaysAfterSubmission"));
        assertThat(chain.get("poas").get("reviews").get(0).get("recommendations").size()).isEqualTo(e.get("recommendations"));
        assertThat(chain.get("poas").get("flags").size()).isEqualTo(e.get("deadlineFlags"));
        assertThat(api.postJson(poas + "/approval", json(Map.of("actId", acts.get("dgr"), "on", "2022-08-02"))).json().get("code").asString())
                .isEqualTo(e.get("secondApproval"));
    }

    @Test
    @DisplayName("P1/A2: decree 279/2022 is PENDING_CONTROL on 20/07 and EXECUTIVE from the DGR's date")
    void decreeExecutability() {
        @SuppressWarnings("unchecked")
        Map<String, String> states = (Map<String, String>) file.map("expected").get("decree279");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> states.forEach((asOf, state) ->
                assertThat(api.get("/api/acts/" + acts.get("decree279") + "?asOf=" + asOf).json().get("state").asString())
                        .as("decree 279 on %s", asOf).isEqualTo(state)));
    }

    @Test
    @DisplayName("P4: approvals on day 60 (no flag) and day 63 (flag, 3 days over) are both accepted; the approved POAS is in force")
    void deadlineVariants() {
        Map<String, Object> d = file.map("deadline");
        for (Map<String, Object> v : list(d, "variants")) {
            String p = "/api/poas/" + v.get("id");
            ok(api.postJson("/api/poas", json(Map.of("id", v.get("id"), "agencyName", "ASST Fixture P4", "period", v.get("id")))));
            ok(api.postJson(p + "/adoption", json(Map.of("actId", acts.get("decree279"), "on", "2022-06-10"))));
            ok(api.postJson(p + "/submission", json(Map.of("on", "2022-06-10"))));
            ok(api.postJson(p + "/approval", json(Map.of("actId", acts.get((String) v.get("approval")), "on", v.get("on")))));
            JsonNode flags = api.get(p).json().get("poas").get("flags");
            assertThat(flags.size()).as("flags of %s", v.get("id")).isEqualTo(v.get("flags"));
            if (v.get("daysOver") != null) {
                assertThat(flags.get(0).get("code").asString()).isEqualTo("APPROVAL_DEADLINE_EXCEEDED");
                assertThat(flags.get(0).get("dueOn").asString()).isEqualTo(d.get("dueOn"));
                assertThat(flags.get(0).get("approvedOn").asString()).isEqualTo(v.get("on"));
                assertThat(flags.get(0).get("daysOver").asInt()).isEqualTo(v.get("daysOver"));
            }
        }
        assertThat(api.get("/api/poas?agency=ASST%20Cremona&asOf=2022-07-31").status()).isEqualTo(404);
        assertThat(api.get("/api/poas?agency=ASST%20Cremona&asOf=2022-08-01").json().get("poas").get("period").asString()).isEqualTo("2022-2024");
    }
}
