package it.registro.app.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

import static it.registro.app.support.ScenarioFile.list;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seduta 1/24 of the Collegio dei Sindaci of ATS Val Padana (seed 004 L1-201), replayed step by step
 * (T1-T22 of ../shared/scenarios/session-004.md) from scenarios/s004-seduta-1-24.yaml, with the
 * refused commands of G2-G6 and G12 tried at their moment. Each test checks one scenario's
 * expectations, read from the same file, against what the API answers.
 */
@ScenarioTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class Seduta124ScenarioTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    SessionReplay replay;
    Map<String, Object> expected;
    ScenarioFile seduta;
    JsonNode record;

    @BeforeAll
    void replay() {
        api = new Api(port);
        replay = SessionReplay.collegio(api, mongoClient, storeDatabase, null);
        seduta = replay.seduta;
        expected = seduta.map("expected");
        replay.recordSeduta();
        record = api.get("/api/sessions/" + replay.sessionId).json();
    }

    private String id(String key) {
        return replay.id(key);
    }

    private static String rome(String instant) {
        return java.time.Instant.parse(instant).atZone(ROME).toLocalTime().toString();
    }

    private static String utc(String romeLocal) {
        return LocalDateTime.parse(romeLocal).atZone(ROME).toInstant().toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> g(String scenario) {
        return (Map<String, Object>) expected.get(scenario);
    }

    @Test
    @DisplayName("the replay tried every refused command of G2-G6, G10, G12 and G13 (an absent member speaking) and each stored nothing")
    void refusalsWereChecked() {
        assertThat(replay.rejectionsChecked).isEqualTo(17);
    }

    @Test
    @DisplayName("G1: the whole verbale replays into one consistent session record (L1-201)")
    void g1SessionRecord() {
        Map<String, Object> e = g("G1");
        JsonNode s = record.get("session");
        assertThat(s.get("date").asString()).isEqualTo(e.get("date"));
        assertThat(s.get("mode").asString()).isEqualTo(e.get("mode"));
        assertThat(s.get("scheduledStart").asString()).isEqualTo(e.get("scheduledStart"));
        assertThat(rome(s.get("openedAt").asString())).isEqualTo(e.get("openedAt"));
        assertThat(rome(s.get("closedAt").asString())).isEqualTo(e.get("closedAt"));
        assertThat(s.get("closedTextAsRecorded").asString()).isEqualTo(e.get("closedAsRecorded"));
        assertThat(record.get("durationMinutes").asInt()).isEqualTo(e.get("durationMinutes"));
        assertThat(s.get("protocol").asString()).isEqualTo(e.get("protocol"));
        assertThat(s.get("protocolDate").asString()).isEqualTo(e.get("protocolDate"));
        assertThat(s.get("convenerPersonId").asString()).isEqualTo(id((String) e.get("convener")));
        assertThat(record.get("composition").get("act").get("act").get("citation").asString()).isEqualTo(e.get("compositionAct"));
        assertThat(record.get("composition").get("members").asInt()).isEqualTo(e.get("members"));

        List<String> kinds = new ArrayList<>();
        s.get("agenda").forEach(i -> kinds.add(i.get("kind").asString()));
        assertThat(kinds).isEqualTo(e.get("agendaKinds"));
        assertThat(s.get("agenda").get(3).get("titles").size()).isEqualTo(e.get("item4Titles"));

        List<Map<String, Object>> elections = list(e, "elections");
        assertThat(s.get("elections").size()).isEqualTo(elections.size());
        for (int i = 0; i < elections.size(); i++) {
            JsonNode actual = s.get("elections").get(i);
            Map<String, Object> want = elections.get(i);
            assertThat(actual.get("office").asString()).isEqualTo(want.get("office"));
            assertThat(actual.get("personId").asString()).isEqualTo(id((String) want.get("person")));
            assertThat(actual.get("tally").get("inFavour").asInt()).isEqualTo(want.get("inFavour"));
            assertThat(actual.get("tally").get("against").asInt()).isEqualTo(want.get("against"));
            assertThat(actual.get("tally").get("abstained").asInt()).isEqualTo(want.get("abstained"));
            assertThat(actual.get("presentAtVote").asInt()).isEqualTo(want.get("presentAtVote"));
        }
        assertThat(s.get("designations").size()).isEqualTo(e.get("designations"));
        List<String> followUps = new ArrayList<>();
        s.get("followUps").forEach(f -> followUps.add(f.get("on").isNull() ? null : f.get("on").asString()));
        assertThat(followUps).isEqualTo(e.get("followUps"));
        List<String> presenters = new ArrayList<>();
        s.get("information").get(1).get("presenters").forEach(p -> presenters.add(p.get("personId").asString()));
        assertThat(presenters).containsExactlyElementsOf(((List<String>) e.get("item4Presenters")).stream().map(this::id).toList());
        assertThat(s.get("participants").size()).isEqualTo(e.get("participants"));
        JsonNode counts = record.get("attendance").get("counts");
        assertThat(counts.get("presentAtSomeTime").asInt()).isEqualTo(e.get("attendedMembers"));
        assertThat(counts.get("absent").asInt()).isEqualTo(e.get("absentMembers"));
        assertThat(counts.get("presentAtOpening").asInt()).isEqualTo(e.get("presentAtOpening"));

        List<Map<String, Object>> chairs = list(e, "chairs");
        assertThat(record.get("chairs").size()).isEqualTo(chairs.size());
        for (int i = 0; i < chairs.size(); i++) {
            JsonNode actual = record.get("chairs").get(i);
            assertThat(actual.get("personId").asString()).isEqualTo(id((String) chairs.get(i).get("person")));
            assertThat(rome(actual.get("from").asString())).isEqualTo(chairs.get(i).get("from"));
            assertThat(rome(actual.get("to").asString())).isEqualTo(chairs.get(i).get("to"));
            assertThat(actual.get("basis").asString()).isEqualTo(chairs.get(i).get("basis"));
        }
        Map<String, Object> c = map(e, "counts");
        assertThat(record.get("counts").get("votesWithTally").asInt()).isEqualTo(c.get("votesWithTally"));
        assertThat(record.get("counts").get("designations").asInt()).isEqualTo(c.get("designations"));
        assertThat(record.get("counts").get("informationItems").asInt()).isEqualTo(c.get("informationItems"));
        assertThat(record.get("counts").get("opinions").asInt()).isEqualTo(c.get("opinions"));

        List<String> flags = new ArrayList<>();
        api.get("/api/sessions/" + replay.sessionId + "/discrepancies").json().forEach(f -> flags.add(f.get("code").asString()));
        assertThat(flags).containsExactlyInAnyOrderElementsOf((List<String>) e.get("flags"));
    }

    @Test
    @DisplayName("G1: CurrentOfficers at 15:15 are M1 and M6 since 14:10, set by the elections of the session")
    void g1Officers() {
        Map<String, Object> e = g("G1");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> officers = (Map<String, Map<String, Object>>) e.get("officers");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode actual = api.get("/api/bodies/" + replay.bodyId + "/officers?at=" + e.get("officersAt")).json();
            for (JsonNode office : actual.get("offices")) {
                Map<String, Object> want = officers.get(office.get("office").asString());
                assertThat(office.get("personId").asString()).isEqualTo(id((String) want.get("person")));
                assertThat(office.get("since").asString()).isEqualTo(utc((String) want.get("since")));
            }
        });
    }

    @Test
    @DisplayName("G2: attendance as timed intervals; who was present at 14:05, 14:30 and 15:05 (L127, L175)")
    void g2Attendance() {
        Map<String, Object> e = g("G2");
        JsonNode timeline = api.get("/api/sessions/" + replay.sessionId + "/attendance").json();
        for (Map<String, Object> want : list(e, "timeline")) {
            JsonNode row = null;
            for (JsonNode r : timeline.get("members")) {
                if (r.get("personId").asString().equals(id((String) want.get("person")))) {
                    row = r;
                }
            }
            assertThat(row).as("row of %s", want.get("person")).isNotNull();
            assertThat(row.get("status").asString()).isEqualTo(want.get("status"));
            List<String> intervals = new ArrayList<>();
            row.get("intervals").forEach(i -> intervals.add(rome(i.get("from").asString()) + "-" + rome(i.get("to").asString())));
            assertThat(intervals).isEqualTo(want.get("intervals"));
            if (want.get("precision") != null) {
                assertThat(row.get("intervals").get(0).get("arrivalPrecision").asString()).isEqualTo(want.get("precision"));
            }
            assertThat(row.get("lateArrival").asBoolean()).isEqualTo(Boolean.TRUE.equals(want.get("late")));
        }
        Map<String, Object> counts = map(e, "counts");
        counts.forEach((k, v) -> assertThat(timeline.get("counts").get(k).asInt()).as(k).isEqualTo(v));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> presentAt = (Map<String, List<String>>) e.get("presentAt");
        presentAt.forEach((at, keys) -> {
            JsonNode actual = api.get("/api/sessions/" + replay.sessionId + "/present?at=" + at).json();
            List<String> ids = new ArrayList<>();
            actual.get("personIds").forEach(p -> ids.add(p.asString()));
            assertThat(ids).as("present at %s", at).containsExactlyInAnyOrderElementsOf(keys.stream().map(this::id).toList());
        });
    }

    @Test
    @DisplayName("G3: the tallies are unchanged by the later arrival: 4 present at both votes, attested 4, no VOTER_COUNT_MISMATCH")
    void g3Tallies() {
        JsonNode votes = api.get("/api/sessions/" + replay.sessionId + "/votes").json();
        assertThat(votes.size()).isEqualTo(2);
        for (JsonNode v : votes) {
            assertThat(v.get("presentAtVote").asInt()).isEqualTo(4);
            assertThat(v.get("tally").get("inFavour").asInt()).isEqualTo(3);
        }
        assertThat(record.get("session").get("attestations").get(0).get("count").asInt()).isEqualTo(4);
        List<String> flags = new ArrayList<>();
        record.get("session").get("flags").forEach(f -> flags.add(f.get("code").asString()));
        assertThat(flags).doesNotContain("VOTER_COUNT_MISMATCH");
    }

    @Test
    @DisplayName("G4: the DG chairs in the interim at 14:05 as a non-member, with both offices vacant; M1 chairs at 14:30")
    void g4Chair() {
        Map<String, Object> e = g("G4");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> chairAt = (Map<String, Map<String, Object>>) e.get("chairAt");
        chairAt.forEach((at, want) -> {
            JsonNode actual = api.get("/api/sessions/" + replay.sessionId + "/chair?at=" + at).json();
            assertThat(actual.get("personId").asString()).as("chair at %s", at).isEqualTo(id((String) want.get("person")));
            assertThat(actual.get("member").asBoolean()).isEqualTo(want.get("member"));
            assertThat(actual.get("basis").asString()).isEqualTo(want.get("basis"));
            if (want.get("labelAsRecorded") != null) {
                assertThat(actual.get("labelAsRecorded").asString()).isEqualTo(want.get("labelAsRecorded"));
            }
        });
        JsonNode officers = api.get("/api/bodies/" + replay.bodyId + "/officers?at=" + e.get("officersAt")).json();
        officers.get("offices").forEach(o -> assertThat(o.get("vacant").asBoolean()).isTrue());
        // N1 holds no office but is still listed as a participant
        List<String> participants = new ArrayList<>();
        record.get("session").get("participants").forEach(p -> participants.add(p.get("personId").asString()));
        assertThat(participants).contains(id("N1"));
    }

    @Test
    @DisplayName("G5: the UPT designation is recorded with its candidatures and rationale and stays pending (L130-136)")
    void g5Designation() {
        Map<String, Object> e = g("G5");
        JsonNode d = record.get("session").get("designations").get(0);
        assertThat(d.get("nameAsRecorded").asString()).isEqualTo(e.get("designee"));
        assertThat(d.get("basisAsRecorded").asString()).isEqualTo(e.get("basisAsRecorded"));
        assertThat(d.get("basis").asString()).isEqualTo("UNANIMOUS");
        assertThat(d.get("tally").isNull()).as("no counts are derived for a unanimous designation").isTrue();
        assertThat(d.get("status").asString()).isEqualTo(e.get("status"));
        assertThat(d.get("termYears").asInt()).isEqualTo(3);
        assertThat(d.get("ratification").isNull()).isTrue();
        assertThat(record.get("session").get("candidatures").size()).isEqualTo(e.get("candidatures"));
        JsonNode pending = api.get("/api/ratifications/pending?agency=" + ((String) e.get("pendingForAgency")).replace(" ", "%20")).json();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.get(0).get("sessionId").asString()).isEqualTo(replay.sessionId);
        assertThat(pending.get(0).get("designation").get("itemNo").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("G6: the substitute chair keeps the label as written; the VP stays M6; exactly one VP_LABEL_MISMATCH")
    void g6Label() {
        long vpFlags = 0;
        for (JsonNode f : record.get("session").get("flags")) {
            if (f.get("code").asString().equals("VP_LABEL_MISMATCH")) {
                vpFlags++;
                assertThat(f.get("severity").asString()).isEqualTo("WARNING");
                assertThat(f.get("details").get("labelledPerson").asString()).isEqualTo(id("M5"));
                assertThat(f.get("details").get("electedVicePresident").asString()).isEqualTo(id("M6"));
            }
        }
        assertThat(vpFlags).isEqualTo(1);
    }

    @Test
    @DisplayName("G7: the composition act after the convocation is accepted with exactly one warning")
    void g7CompositionAct() {
        long flags = 0;
        for (JsonNode f : record.get("session").get("flags")) {
            if (f.get("code").asString().equals("COMPOSITION_ACT_AFTER_CONVOCATION")) {
                flags++;
                assertThat(f.get("details").get("convocation").asString()).isEqualTo("2024-10-08");
                assertThat(f.get("details").get("actDate").asString()).isEqualTo("2024-10-10");
            }
        }
        assertThat(flags).isEqualTo(1);
        assertThat(api.get("/api/bodies/" + replay.bodyId + "/composition?asOf=2024-10-09").json().get("seats").size()).isZero();
    }

    @Test
    @DisplayName("G9: each election judged by MAJORITY_OF_VOTERS_PRESENT: 4 voters, threshold 3, 6 members, ELECTED; no mismatch")
    void g9Majority() {
        Map<String, Object> e = g("G9");
        for (JsonNode v : api.get("/api/sessions/" + replay.sessionId + "/votes").json()) {
            assertThat(v.get("majorityRule").asString()).isEqualTo(e.get("majorityRule"));
            assertThat(v.get("threshold").asInt()).isEqualTo(e.get("threshold"));
            assertThat(v.get("computedOutcome").asString()).isEqualTo(e.get("outcome"));
            assertThat(v.get("members").asInt()).isEqualTo(e.get("members"));
            assertThat(v.get("ruleSetVersion").asInt()).isEqualTo(1);
        }
        List<String> flags = new ArrayList<>();
        record.get("session").get("flags").forEach(f -> flags.add(f.get("code").asString()));
        assertThat(flags).doesNotContain("OUTCOME_RULE_MISMATCH");
    }

    @Test
    @DisplayName("G12: minutes signed by M1 and N6, distributed by the dedicated mailbox, published with the slides attached")
    void g12Minutes() {
        Map<String, Object> e = g("G12");
        JsonNode m = record.get("session").get("minutes");
        assertThat(m.get("state").asString()).isEqualTo("PUBLISHED");
        List<String> signers = new ArrayList<>();
        m.get("signatories").forEach(s -> signers.add(s.get("personId").asString()));
        assertThat(signers).containsExactlyElementsOf(((List<String>) e.get("signatories")).stream().map(this::id).toList());
        assertThat(m.get("signatories").get(0).get("labelAsRecorded").asString()).isEqualTo("IL PRESIDENTE ELETTO");
        assertThat(m.get("url").asString()).isEqualTo(e.get("url"));
        assertThat(m.get("publishedOn").asString()).isEqualTo(e.get("publishedOn"));
        assertThat(m.get("extractOnly").isNull()).isTrue();
        assertThat(m.get("distribution").get("address").asString()).isEqualTo(e.get("distributionAddress"));
        assertThat(record.get("session").get("attachments").size()).isEqualTo(e.get("attachments"));

        JsonNode minutes = api.get("/api/sessions/" + replay.sessionId + "/minutes").json();
        assertThat(minutes.get("items").size()).isEqualTo(4);
        assertThat(minutes.get("signatures").size()).isEqualTo(2);
        Api.Response html = api.get("/api/sessions/" + replay.sessionId + "/minutes.html", "Accept", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Verbale della seduta n. 1/24 del 18 ottobre 2024", "LEONARDO VIRGILIO, Sindaco di Cremona", "favorevoli 3, contrari 0, astenuti 1",
                "Il Vice Presidente del Collegio Capucci", "Pubblicato", "https://www.ats-valpadana.it/collegio-dei-sindaci");
    }

    @Test
    @DisplayName("issue 21: seed 004's verbale complete and in Italian, as JSON, HTML and the published PDF/A (chair, participants, "
            + "quorum in figures, elections, designation, interventions L166-173, signatories)")
    void completeVerbale() {
        String s = "/api/sessions/" + replay.sessionId;
        JsonNode minutes = api.get(s + "/minutes").json();
        List<String> chairs = new ArrayList<>();
        minutes.get("chairs").forEach(c -> chairs.add(c.get("text").asString()));
        assertThat(chairs).containsExactly("Presiede Ida Maria Ada Ramponi (presidente provvisorio) dalle 14:00 alle 14:10",   // L100-104
                "Presiede Leonardo Virgilio (Presidente) dalle 14:10 alle 15:00",
                "Presiede Tiberio Capucci, Il Vice Presidente del Collegio Capucci dalle 15:00 alle 15:15");                     // L175
        assertThat(minutes.get("participants").get(0).get("role").asString()).isEqualTo("il Direttore Generale dell’ATS");   // L81
        assertThat(minutes.get("quorumDeclarations").get(0).asString())
                .isEqualTo("Alle 14:00 è verificato il numero legale («Constatata la regolarità dell’Assemblea»): presenti 4 componenti "
                        + "su 6 (ne occorrono 4); regola: maggioranza dei componenti; numero legale raggiunto.");
        JsonNode interventions = minutes.get("items").get(3).get("interventions");
        assertThat(interventions).hasSize(3);
        assertThat(interventions.get(0).get("speaker").asString()).isEqualTo("Tiberio Capucci");
        assertThat(interventions.get(0).get("summary").asString()).startsWith("Il Sindaco Capucci ritiene il tema importante");   // L166
        assertThat(interventions.get(1).get("summary").asString()).startsWith("Superbi ribadisce la disponibilità di ATS");       // L170
        JsonNode president = minutes.get("items").get(0).get("decisions").get(0);
        assertThat(president.get("text").asString()).isEqualTo("Elezione del Presidente: LEONARDO VIRGILIO, Sindaco di Cremona — "
                + "favorevoli 3, contrari 0, astenuti 1; presenti al voto 4. Regola: maggioranza dei presenti al voto — soglia 3 voti su 4 voti. "
                + "Esito: eletto.");
        assertThat(minutes.get("items").get(3).get("presenters").get(0).asString()).isEqualTo("Pietro Superbi (introduce)");

        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b|\\b(PASSED|NOT_PASSED|INTERIM|SUBSTITUTE)\\b");
        Api.Binary pdf = Api.anonymous(port).getBytes(s + "/minutes.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        String pdfText = it.registro.app.support.PdfChecks.text(pdf.body()).replaceAll("\\s+", " ");
        String html = api.get(s + "/minutes.html", "Accept", "text/html").body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        for (String view : List.of(html, pdfText)) {
            // compared without spaces: the PDF breaks lines where the page ends, inside "14:10" too
            assertThat(view.replace(" ", "")).contains(java.util.stream.Stream.of(
                    "Presiede Ida Maria Ada Ramponi (presidente provvisorio) dalle 14:00 alle 14:10",
                    "Ida Maria Ada Ramponi — il Direttore Generale dell’ATS", "presenti 4 componenti su 6 (ne occorrono 4)",
                    "Esito: eletto", "dr. Francesco Lazzari", "Il Sindaco Capucci ritiene il tema importante",
                    "IL PRESIDENTE ELETTO: Leonardo Virgilio", "Pubblicato il 28 ottobre 2024").map(t -> t.replace(" ", "")).toArray(String[]::new));
            assertThat(code.matcher(view).find()).as(view).isFalse();
        }
        // published: the file served is the one whose SHA-256 the publication recorded, and it is PDF/A-3b
        assertThat(it.registro.app.document.DocumentStore.sha256(pdf.body())).isEqualTo(pdf.header("Registro-Recorded-SHA256"));
        assertThat(it.registro.app.support.PdfChecks.pdfaIdentification(pdf.body())).isEqualTo("3B");
        assertThat(it.registro.app.support.PdfChecks.veraPdfFailures(pdf.body())).isEmpty();
    }

    @Test
    @DisplayName("G8: name variants resolve to the same 13 people by seat and comune; one NAME_VARIANT, for M1 (L243)")
    void g8NameVariants() {
        for (Map<String, Object> v : seduta.list("nameVariants")) {
            // resolve on (ASST, seat, municipality) from the composition on the session date
            JsonNode seats = api.get("/api/bodies/" + replay.bodyId + "/composition?asOf=2024-10-18").json().get("seats");
            String holder = null;
            for (JsonNode seat : seats) {
                if (seat.get("constituency").asString().equals(v.get("constituency")) && seat.get("role").asString().equals(v.get("role"))
                        && seat.get("holder").get("comuneId").asString().equals(v.get("comune"))) {
                    holder = seat.get("holder").get("personId").asString();
                }
            }
            assertThat(holder).as("%s resolves", v.get("text")).isEqualTo(id((String) v.get("expect")));
            recordAlias(holder, (String) v.get("text"), (String) v.get("source"));
        }
        for (Map<String, Object> r : seduta.list("otherReferences")) {
            recordAlias(id((String) r.get("person")), (String) r.get("text"), (String) r.get("source"));
        }
        for (Map<String, Object> c : seduta.list("comuneVariants")) {
            assertThat(api.postJson("/api/comuni/" + c.get("comune") + "/aliases",
                    ScenarioFile.json(Map.of("alias", c.get("alias"), "source", c.get("source")))).status()).isEqualTo(200);
        }

        Map<String, Object> e = seduta.map("expectedG8");
        assertThat(replay.persons).hasSize((Integer) e.get("persons"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> forms = (Map<String, List<String>>) e.get("nameForms");
        forms.forEach((key, want) -> {
            JsonNode person = api.get("/api/persons/" + id(key)).json().get("person");
            List<String> actual = new ArrayList<>(List.of(person.get("name").asString()));
            person.get("aliases").forEach(a -> actual.add(a.get("alias").asString()));
            assertThat(actual).as("name forms of %s", key).isEqualTo(want);
        });
        int flags = 0;
        for (String key : replay.persons.keySet()) {
            JsonNode variants = api.get("/api/persons/" + id(key)).json().get("person").get("nameVariants");
            flags += variants.size();
            Object want = ((Map<?, ?>) e.get("nameVariantFlags")).get(key);
            assertThat(variants.size()).as("NAME_VARIANT flags of %s", key).isEqualTo(want == null ? 0 : want);
        }
        assertThat(flags).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, String> byName = (Map<String, String>) e.get("byName");
        byName.forEach((name, key) -> {
            JsonNode found = api.get("/api/persons?name=" + name.replace(" ", "%20")).json();
            assertThat(found.size()).as("persons named %s", name).isEqualTo(1);
            assertThat(found.get(0).get("id").asString()).isEqualTo(id(key));
        });
        JsonNode comune = api.get("/api/comuni/comune-san-giacomo-delle-segnate").json();
        List<String> comuneForms = new ArrayList<>(List.of(comune.get("name").asString()));
        comune.get("aliases").forEach(a -> comuneForms.add(a.get("alias").asString()));
        assertThat(comuneForms).isEqualTo(e.get("comuneForms"));
        // every event keeps the name as it was recorded
        JsonNode session = api.get("/api/sessions/" + replay.sessionId).json().get("session");
        assertThat(session.get("elections").get(0).get("nameAsRecorded").asString()).isEqualTo(e.get("electionNameAsRecorded"));
        assertThat(session.get("minutes").get("signatories").get(0).get("nameAsRecorded").asString())
                .isEqualTo(e.get("signatureNameAsRecorded"));
    }

    private void recordAlias(String personId, String text, String source) {
        Api.Response r = api.postJson("/api/persons/" + personId + "/aliases",
                ScenarioFile.json(Map.of("alias", text, "source", source)));
        if (r.status() == 409) {
            assertThat(r.json().get("code").asString()).as(text).isEqualTo("ALIAS_ALREADY_KNOWN");
        } else {
            assertThat(r.status()).as(text + " " + r.body()).isEqualTo(200);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    @DisplayName("A4: an act of the ATS DG ratifies the UPT designation and starts its 3-year term; wrong issuer, early date, twice: refused")
    void a4Ratification() {
        Map<String, Object> r = seduta.map("ratification");
        assertThat(api.postJson("/api/bodies", ScenarioFile.json(map(r, "issuer"))).status()).isEqualTo(201);
        String act = api.postJson("/api/acts", ScenarioFile.json(map(r, "act"))).json().get("id").asString();
        String ratify = "/api/sessions/" + replay.sessionId + "/designations/designation-1/ratify";
        Map<String, Object> wrong = map(r, "wrongIssuer");
        api.postJson("/api/bodies", ScenarioFile.json(map(wrong, "body")));
        String wrongAct = api.postJson("/api/acts", ScenarioFile.json(map(wrong, "act"))).json().get("id").asString();
        assertThat(api.postJson(ratify, ScenarioFile.json(Map.of("actId", wrongAct))).json().get("code").asString())
                .isEqualTo(wrong.get("code"));
        Map<String, Object> early = map(r, "tooEarly");
        String earlyAct = api.postJson("/api/acts", ScenarioFile.json(map(early, "act"))).json().get("id").asString();
        assertThat(api.postJson(ratify, ScenarioFile.json(Map.of("actId", earlyAct))).json().get("code").asString())
                .isEqualTo(early.get("code"));
        assertThat(api.postJson(ratify, ScenarioFile.json(Map.of("actId", "no-such-act"))).json().get("code").asString())
                .isEqualTo("UNKNOWN_ACT");

        assertThat(api.postJson(ratify, ScenarioFile.json(Map.of("actId", act))).status()).isEqualTo(200);
        Map<String, Object> e = map(r, "expected");
        JsonNode d = api.get("/api/sessions/" + replay.sessionId).json().get("session").get("designations").get(0);
        assertThat(d.get("status").asString()).isEqualTo(e.get("status"));
        assertThat(d.get("ratification").get("termFrom").asString()).isEqualTo(e.get("termFrom"));
        assertThat(d.get("ratification").get("termTo").asString()).isEqualTo(e.get("termTo"));
        assertThat(d.get("ratification").get("act").get("citation").asString()).isEqualTo(act);
        assertThat(api.get("/api/ratifications/pending?agency=ATS%20Val%20Padana").json().size()).isEqualTo(e.get("pending"));
        assertThat(api.postJson(ratify, ScenarioFile.json(Map.of("actId", act))).json().get("code").asString())
                .isEqualTo(e.get("second"));
    }

    @Test
    @DisplayName("exports: the Collegio as Popolo JSON and CSV agree with the session record (votes, counts, elections) and its composition")
    void exports() {
        String body = "collegio-dei-sindaci-ats-val-padana";
        JsonNode popolo = api.get("/api/bodies/" + body + "/popolo").json();
        // issue 21 #8: every object valid against the Popolo Project's own schemas
        assertThat(it.registro.app.support.PopoloSchemas.objects(popolo)).isGreaterThan(20);
        assertThat(it.registro.app.support.PopoloSchemas.violations(popolo)).isEmpty();
        assertThat(popolo.get("organizations").get(0).get("id").asString()).isEqualTo(body);
        JsonNode view = api.get("/api/bodies/" + body + "/composition?asOf=2024-12-31").json();
        assertThat(popolo.get("posts").size()).isGreaterThan(0);
        int votes = record.get("session").get("votes").size();
        int elections = record.get("session").get("elections").size();
        assertThat(votes + elections).isGreaterThan(0);
        assertThat(popolo.get("events").size()).isEqualTo(1);
        assertThat(popolo.get("events").get(0).get("id").asString()).isEqualTo(replay.sessionId);
        assertThat(popolo.get("vote_events").size()).isEqualTo(votes + elections);
        // the first vote's counts are the session's tally
        if (votes > 0) {
            JsonNode vote = record.get("session").get("votes").get(0);
            JsonNode event = popolo.get("vote_events").get(0);
            assertThat(event.get("id").asString()).isEqualTo(replay.sessionId + "/" + vote.get("factId").asString());
            for (JsonNode c : event.get("counts")) {
                String field = switch (c.get("option").asString()) {
                    case "yes" -> "inFavour";
                    case "no" -> "against";
                    default -> "abstained";
                };
                assertThat(c.get("value").asInt()).isEqualTo(vote.get("tally").get(field).asInt());
            }
        }
        // every person elected to an office is a member of the organization in that role
        for (JsonNode e : record.get("session").get("elections")) {
            boolean member = false;
            for (JsonNode m : popolo.get("memberships")) {
                member |= m.get("person_id").asString().equals(e.get("personId").asString())
                        && m.get("role").asString().equals(e.get("office").asString().toLowerCase());
            }
            assertThat(member).as("office membership of %s", e.get("personId")).isTrue();
        }
        Api.Response csv = api.get("/api/bodies/" + body + "/votes.csv", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("session_id,session_date,item_no,kind,subject");
        assertThat(lines).hasSize(1 + votes + elections);
        Api.Response members = api.get("/api/bodies/" + body + "/memberships.csv", "Accept", "text/csv");
        assertThat(members.body().lines().count()).isEqualTo(1 + popolo.get("memberships").size());
        assertThat(view).isNotNull();
        assertThat(api.get("/api/bodies/no-such-body/popolo").status()).isEqualTo(404);
    }

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Test
    @org.junit.jupiter.api.Order(99)
    @DisplayName("issue 20 #1: every view of every vote gives the aggregate's figures and outcome; the auditor's recomputation finds nothing else")
    void oneTruth() {
        // the President's and the Vice President's elections
        JsonNode report = new it.registro.app.support.VotingViews(api, eventStore).assertOneTruth(replay.sessionId, 2);
        assertThat(report.get("statedAgainstRules").asInt()).isZero();
    }
}
