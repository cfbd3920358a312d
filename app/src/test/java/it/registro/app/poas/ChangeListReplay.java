package it.registro.app.poas;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;
import it.registro.domain.poas.UnitIds;
import it.registro.domain.poas.api.UnitType;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays P1 steps 1-12 (p000-poas-approval.yaml) and the P2 import (p000-change-list.yaml) through
 * the public API, leaving the approval to the scenario.
 */
public final class ChangeListReplay {

    final Api api;
    final ScenarioFile chain = ScenarioFile.load("p000-poas-approval.yaml");
    final ScenarioFile list = ScenarioFile.load("p000-change-list.yaml");
    final ScenarioFile tree = ScenarioFile.load("p000-organigram.yaml");
    /** The organigram's nodes (directions, departments), key → unit id. */
    final Map<String, String> nodes = new HashMap<>();
    final Map<String, String> acts = new HashMap<>();
    String poasId;
    String poas;
    /** The import's responses, row number → status code of the scheduling. */
    final Map<Integer, Integer> rowStatus = new HashMap<>();

    public String poasId() {
        return poasId;
    }

    public ChangeListReplay(Api api) {
        this.api = api;
    }

    static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    Map<String, Object> withAct(Map<String, Object> step) {
        Map<String, Object> body = new LinkedHashMap<>(step);
        Object key = body.remove("act");
        if (key != null) {
            body.put("actId", acts.get((String) key));
        }
        return body;
    }

    String agency() {
        return list.text("agency");
    }

    String unitId(Object type, Object code, Object presidio) {
        return UnitIds.of(agency(), UnitType.valueOf((String) type), (String) code, (String) presidio);
    }

    String presidioOf(Object column) {
        return (String) list.map("presidi").get(column);
    }

    JsonNode unit(Object type, Object code, Object presidio) {
        return api.get("/api/units/" + unitId(type, code, presidio)).json().get("unit");
    }

    public ChangeListReplay untilReview() {
        chain.list("issuers").forEach(i -> ok(api.postJson("/api/bodies", json(i))));
        for (Map<String, Object> a : chain.list("acts")) {
            Map<String, Object> body = new LinkedHashMap<>(a);
            String key = (String) body.remove("key");
            Api.Response r = api.postJson("/api/acts", json(body));
            ok(r);
            acts.put(key, r.json().get("id").asString());
        }
        ok(api.postJson("/api/acts/" + acts.get("decree279") + "/adoption", json(Map.of("on", "2022-06-10"))));
        Api.Response opened = api.postJson("/api/poas", json(chain.map("poas")));
        ok(opened);
        poasId = opened.json().get("id").asString();
        poas = "/api/poas/" + poasId;
        for (Map<String, Object> step : chain.list("steps")) {
            ok(api.postJson(poas + "/steps", json(withAct(step))));
        }
        ok(api.postJson(poas + "/adoption", json(withAct(chain.map("adoption")))));
        ok(api.postJson(poas + "/submission", json(chain.map("submission"))));
        ok(api.postJson(poas + "/reviews", json(chain.map("review"))));
        return this;
    }

    /** P2: the existing units, then the 31 rows, each under decree 279 with its raw text and lines. */
    public ChangeListReplay importChangeList() {
        for (Map<String, Object> u : list.list("existing")) {
            Map<String, Object> body = new LinkedHashMap<>(u);
            Map<String, Object> refersTo = map(u, "refersTo");
            body.remove("refersTo");
            body.put("agency", agency());
            if (refersTo != null) {
                body.put("refersToUnitId", unitId(refersTo.get("type"), refersTo.get("code"), refersTo.get("presidio")));
            }
            ok(api.postJson("/api/units/existing", json(body)));
        }
        String act = acts.get(list.text("act"));
        for (Map<String, Object> row : list.list("activations")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agency", agency());
            body.put("type", row.get("type"));
            body.put("code", row.get("code"));
            body.put("name", row.get("name"));
            body.put("presidio", presidioOf(row.get("column")));
            body.put("presidioAsRecorded", row.get("column"));
            body.put("groupAsRecorded", row.get("group"));
            body.put("effectiveRule", row.get("effective") == null ? "ON_APPROVAL" : "DATE");
            body.put("effectiveFrom", row.get("effective"));
            body.put("rawText", row.get("raw"));
            body.put("actId", act);
            body.put("poasId", poasId);
            body.put("source", "seed 000 " + row.get("source"));
            if (row.containsKey("boxSource")) {
                body.put("boxDateAsRecorded", row.get("box"));
                body.put("boxSource", row.get("boxSource"));
            }
            Api.Response r = api.postJson("/api/units/activations", json(body));
            rowStatus.put((Integer) row.get("n"), r.status());
            ok(r);
        }
        for (Map<String, Object> row : list.list("closures")) {
            Api.Response r = close(row);
            rowStatus.put((Integer) row.get("n"), r.status());
            ok(r);
        }
        return this;
    }

    Api.Response close(Map<String, Object> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastDay", row.get("lastDay"));
        body.put("presidioAsRecorded", row.get("column"));
        body.put("groupAsRecorded", row.get("group"));
        body.put("rawText", row.get("raw"));
        body.put("actId", acts.get(list.text("act")));
        body.put("poasId", poasId);
        body.put("source", "seed 000 " + row.get("source"));
        return api.postJson("/api/units/" + unitId(row.get("type"), row.get("code"), presidioOf(row.get("column"))) + "/closure",
                json(body));
    }

    /**
     * The tree (p000-organigram.yaml): the directions and departments recorded as existing, each placed
     * under its parent, then every unit of the change list under the node its row's group heading
     * names, and the units no row names under the node of their organigram page.
     */
    public ChangeListReplay importOrganigram() {
        String act = acts.get(tree.text("act"));
        for (Map<String, Object> n : tree.list("nodes")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agency", agency());
            body.put("type", n.get("type"));
            body.put("name", n.get("name"));
            body.put("source", n.get("source"));
            Api.Response r = api.postJson("/api/units/existing", json(body));
            ok(r);
            nodes.put((String) n.get("key"), r.json().get("id").asString());
            if (n.get("parent") != null) {
                place(nodes.get((String) n.get("key")), (String) n.get("parent"), act, (String) n.get("source"));
            }
        }
        Map<String, Object> groups = tree.map("groups");
        for (String section : new String[] {"activations", "closures"}) {
            for (Map<String, Object> row : list.list(section)) {
                place(unitId(row.get("type"), row.get("code"), presidioOf(row.get("column"))), (String) groups.get(row.get("group")), act,
                        "seed 000 " + row.get("source") + " (group heading)");
            }
        }
        for (Map<String, Object> p : tree.list("pages")) {
            place(unitId(p.get("type"), p.get("code"), p.get("presidio")), (String) p.get("node"), act, (String) p.get("source"));
        }
        return this;
    }

    private void place(String unitId, String nodeKey, String act, String source) {
        assertThat(nodes).as("node " + nodeKey).containsKey(nodeKey);
        ok(api.postJson("/api/units/" + unitId + "/placement", json(Map.of("parentUnitId", nodes.get(nodeKey), "actId", act,
                "source", source))));
    }

    /** P1 step 13: the DGR approves the POAS (FIXTURE XI/9001 of 01/08/2022). */
    public ChangeListReplay approve() {
        ok(api.postJson(poas + "/approval", json(withAct(chain.map("approval")))));
        return this;
    }
}
