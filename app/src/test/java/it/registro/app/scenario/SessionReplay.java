package it.registro.app.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.ScenarioFile;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a scenario's steps through the REST API: each step is one request; a step with
 * {@code reject} must be refused with that code, store no event and leave the read model as it was.
 * Person keys of the scenario (M1, N1 …) are turned into the ids the service gave.
 */
final class SessionReplay {

    private final Api api;
    private final MongoClient mongo;
    private final StoreDatabase database;
    final Map<String, String> persons = new LinkedHashMap<>();
    final Map<String, String> personNames = new LinkedHashMap<>();
    String bodyId;
    String sessionId;
    int rejectionsChecked;
    /** When set, every recording of the sitting goes through the secretariat's desk instead of the API. */
    Desk desk;
    /** Refusals the desk's pages made impossible to ask for (the form or the choice is not offered), by step. */
    final List<String> preventedByPage = new ArrayList<>();
    /** Told of every request body sent to the API (path, JSON), e.g. to check it against the API description. */
    java.util.function.BiConsumer<String, String> sent = (path, body) -> { };

    SessionReplay(Api api, MongoClient mongo, StoreDatabase database) {
        this.api = api;
        this.mongo = mongo;
        this.database = database;
    }

    /** Seed 004's composition and seduta 1/24, as the scenario tests replay them (set by {@link #collegio}). */
    ScenarioFile composition;
    ScenarioFile seduta;

    /**
     * Seed 004's Collegio set up through the API — comuni, persons, body and rule set (or {@code ruleSetOverride}) — and
     * the sitting's non-members registered: where the scenario tests start.
     */
    static SessionReplay collegio(Api api, MongoClient mongo, StoreDatabase database, Map<String, Object> ruleSetOverride) {
        SessionReplay replay = new SessionReplay(api, mongo, database);
        replay.composition = ScenarioFile.load("s004-collegio-composition.yaml");
        replay.seduta = ScenarioFile.load("s004-seduta-1-24.yaml");
        replay.setUp(replay.composition, ruleSetOverride);
        replay.registerPersons(replay.seduta.list("nonMembers"));
        return replay;
    }

    /** Records seduta 1/24's steps under the id its file gives. */
    void recordSeduta() {
        sessionId = (String) seduta.map("session").get("id");
        run(seduta.list("steps"), composition);
    }

    /** Registers the comuni, persons and body of a composition file, and its rule set if it has one. */
    void setUp(ScenarioFile composition, Map<String, Object> ruleSetOverride) {
        bodyId = (String) composition.map("body").get("id");
        for (Map<String, Object> comune : composition.list("comuni")) {
            Map<String, Object> body = new LinkedHashMap<>(comune);
            body.remove("aliases");
            created(api.postJson("/api/comuni", json(body)));
            if (comune.get("aliases") != null) {
                for (Map<String, Object> alias : list(comune, "aliases")) {
                    ok(api.postJson("/api/comuni/" + comune.get("id") + "/aliases", json(alias)));
                }
            }
        }
        registerPersons(composition.list("persons"));
        created(api.postJson("/api/bodies", json(composition.map("body"))));
        Map<String, Object> ruleSet = ruleSetOverride != null ? ruleSetOverride : composition.map("ruleSet");
        if (ruleSet != null) {
            ok(api.postJson("/api/bodies/" + bodyId + "/rule-sets", json(ruleSet)));
        }
    }

    void registerPersons(List<Map<String, Object>> list) {
        for (Map<String, Object> person : list) {
            Api.Response r = created(api.postJson("/api/persons",
                    json(Map.of("name", person.get("name"), "source", person.get("source")))));
            persons.put((String) person.get("key"), r.json().get("id").asString());
            personNames.put((String) person.get("key"), (String) person.get("name"));
        }
    }

    void recordComposition(ScenarioFile compositionFile) {
        Map<String, Object> composition = new LinkedHashMap<>(compositionFile.map("composition"));
        composition.put("seats", list(composition, "seats").stream().map(s -> Map.of(
                "role", s.get("role"), "constituency", s.get("constituency"), "labelAsRecorded", s.get("label"),
                "personId", persons.get((String) s.get("person")), "nameAsRecorded", s.get("nameAsRecorded"),
                "comuneId", s.get("comune"))).toList());
        ok(api.postJson("/api/bodies/" + bodyId + "/compositions", json(composition)));
    }

    String id(String key) {
        String id = persons.get(key);
        if (id == null) {
            throw new IllegalArgumentException("Unknown person key " + key);
        }
        return id;
    }

    /** The sitting's steps to record again at the desk: another id, the body's composition already recorded. */
    static List<Map<String, Object>> againAtTheDesk(List<Map<String, Object>> steps, String id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            if ("composition".equals(step.get("action"))) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(step);
            if ("convene".equals(step.get("action"))) {
                copy.put("id", id);
            }
            out.add(copy);
        }
        return out;
    }

    /** Runs the steps in order. */
    void run(List<Map<String, Object>> steps, ScenarioFile compositionFile) {
        for (Map<String, Object> step : steps) {
            String action = (String) step.get("action");
            if (action.equals("composition")) {
                recordComposition(compositionFile);
                continue;
            }
            if (action.equals("check")) {
                String state = api.get("/api/sessions/" + sessionId).json().get("session").get("minutes").get("state").asString();
                assertThat(state).as("minutes state at step %s", step.get("step")).isEqualTo(step.get("minutesState"));
                continue;
            }
            String path = action.equals("agendaTitle")
                    ? "/api/sessions/" + sessionId + "/agenda/" + step.get("itemNo") + "/titles" : path(action);
            Map<String, Object> body = requestBody(step);
            if (desk != null) {
                if (action.equals("agendaTitle")) {
                    body.put("itemNo", step.get("itemNo"));
                    path = "/web/desk/sessions/" + sessionId + "/agenda-titles";
                } else {
                    path = path.replaceFirst("^/api/sessions", "/web/desk/sessions");
                }
            }
            Object reject = step.get("reject");
            if (reject == null) {
                if (desk != null) {
                    Desk.Answer a = desk.record(path, json(body));
                    assertThat(a.status()).as("%s %s at the desk: %s", step.get("step"), action, a.code()).isEqualTo(302);
                    if (action.equals("convene")) {
                        sessionId = a.location().replaceAll(".*/web/desk/sessions/([^?#]+).*", "$1");
                    }
                    continue;
                }
                sent.accept(path, json(body));
                Api.Response r = api.postJson(path, json(body));
                assertThat(r.status()).as("%s %s: %s", step.get("step"), action, r.body()).isIn(200, 201);
                if (action.equals("convene")) {
                    sessionId = r.json().get("id").asString();
                }
            } else {
                long events = new EventCounter(mongo, database).total();
                Document before = sessionDocument();
                if (desk != null) {
                    Desk.Answer a = desk.record(path, json(body));
                    if (a.isPrevented()) {
                        preventedByPage.add(step.get("step") + " " + action + " " + reject + ": " + a.page());
                    } else {
                        assertThat(a.status()).as("%s %s should be refused at the desk", step.get("step"), action).isBetween(400, 499);
                        assertThat(a.code()).as("%s %s at the desk", step.get("step"), action).isEqualTo(reject);
                        // the refusal is told in Italian on the page
                        String italian = it.registro.app.web.Italiano.problem((String) reject, "");
                        assertThat(a.page()).containsAnyOf(italian, italian.replace("'", "&#39;"));
                    }
                } else {
                    sent.accept(path, json(body));
                    Api.Response r = api.postJson(path, json(body));
                    assertThat(r.status()).as("%s %s should be refused: %s", step.get("step"), action, r.body()).isBetween(400, 499);
                    assertThat(r.json().get("code").asString()).as("%s %s", step.get("step"), action).isEqualTo(reject);
                    if (step.get("details") != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> details = (Map<String, Object>) step.get("details");
                        details.forEach((k, v) -> assertThat(r.json().get("details").get(k).asInt()).as(k).isEqualTo(v));
                    }
                }
                assertThat(new EventCounter(mongo, database).total()).as("events after refused %s", step.get("step")).isEqualTo(events);
                assertThat(sessionDocument()).as("read model after refused %s", step.get("step")).isEqualTo(before);
                rejectionsChecked++;
            }
        }
    }

    private Document sessionDocument() {
        return sessionId == null ? null
                : mongo.getDatabase(database.name()).getCollection("sessions").find(new Document("_id", sessionId)).first();
    }

    private String path(String action) {
        String s = "/api/sessions/" + sessionId;
        return switch (action) {
            case "convene" -> "/api/sessions";
            case "participant" -> s + "/participants";
            case "agenda" -> s + "/agenda";
            case "arrival" -> s + "/arrivals";
            case "departure" -> s + "/departures";
            case "absence" -> s + "/absences";
            case "chair" -> s + "/chair";
            case "quorum" -> s + "/quorum";
            case "open" -> s + "/open";
            case "close" -> s + "/close";
            case "vote" -> s + "/votes";
            case "election" -> s + "/elections";
            case "attest" -> s + "/voter-attestations";
            case "candidature" -> s + "/candidatures";
            case "designation" -> s + "/designations";
            case "information" -> s + "/information";
            case "followUp" -> s + "/follow-ups";
            case "intervention" -> s + "/interventions";
            case "figures" -> s + "/figures";
            case "attachment" -> s + "/attachments";
            case "sign" -> s + "/minutes/sign";
            case "distribute" -> s + "/minutes/distribute";
            case "publish" -> s + "/minutes/publish";
            default -> throw new IllegalArgumentException("Unknown action " + action);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> requestBody(Map<String, Object> step) {
        Map<String, Object> body = new LinkedHashMap<>(step);
        for (String k : List.of("step", "action", "reject", "details")) {
            body.remove(k);
        }
        if ("agendaTitle".equals(step.get("action"))) {
            body.remove("itemNo");
        }
        if ("convene".equals(step.get("action"))) {
            body.put("bodyId", bodyId);
        }
        rename(body, "person", "personId");
        rename(body, "convener", "convenerPersonId");
        rename(body, "reportedBy", "reportedByPersonId");
        for (String listKey : List.of("votes", "presenters", "signatories")) {
            if (body.get(listKey) != null) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Map<String, Object> item : (List<Map<String, Object>>) body.get(listKey)) {
                    Map<String, Object> copy = new LinkedHashMap<>(item);
                    if (listKey.equals("presenters") && copy.get("person") != null && !copy.containsKey("nameAsRecorded")) {
                        copy.put("nameAsRecorded", personNames.get((String) copy.get("person")));
                    }
                    rename(copy, "person", "personId");
                    items.add(copy);
                }
                body.put(listKey, items);
            }
        }
        return body;
    }

    private void rename(Map<String, Object> body, String from, String to) {
        if (body.containsKey(from)) {
            Object key = body.remove(from);
            body.put(to, key == null ? null : id((String) key));
        }
    }

    static Api.Response created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }
}
