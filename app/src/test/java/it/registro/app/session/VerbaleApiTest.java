package it.registro.app.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.audit.ledger.OfflineVerifier;
import it.registro.app.document.DocumentStore;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.PdfChecks;
import it.registro.app.support.RegistroIntegrationTest;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21 end to end on a population-weighted Conferenza: the verbale complete and in Italian (chair, participants,
 * quorum by heads and inhabitants, votes with population shares, delegations for their comune, interventions, late
 * entries, approval by a later sitting), as JSON, HTML and PDF/A; documents kept with their SHA-256; the published
 * PDF proven; a tampered file reported by verification and by the offline verifier.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerbaleApiTest {

    private static final String BODY = "conferenza-verbale";
    /** A code of the register shown as is: what no reader of the verbale should meet. */
    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b|\\b(PASSED|NOT_PASSED|FAVOURABLE|PRESIDENT|SUBSTITUTE|INTERIM)\\b");

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    String s1;
    String s2;
    String a;
    String b;
    String c;
    String delegate;
    String dg;
    String slidesDocument;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        long[] populations = {10_000, 3_000, 2_000};
        String[] names = {"Altopiano", "Mezzavalle", "Bassura"};
        String[] persons = new String[3];
        StringBuilder seats = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String comune = "comune-verbale-" + i;
            ok(api.postJson("/api/comuni", json(Map.of("id", comune, "name", names[i], "province", "CR"))), 201);
            ok(api.postJson("/api/comuni/" + comune + "/populations",
                    json(Map.of("population", populations[i], "referenceDate", "2025-01-01", "source", "FIXTURE"))), 200);
            persons[i] = person("Sindaco di " + names[i]);
            seats.append(i == 0 ? "" : ",").append("""
                    {"role":"MAYOR","constituency":"%s","personId":"%s","comuneId":"%s"}""".formatted(comune, persons[i], comune));
        }
        a = persons[0];
        b = persons[1];
        c = persons[2];
        delegate = person("Assessore di Bassura");
        dg = person("Direttrice Generale Fixture");
        ok(api.postJson("/api/bodies", """
                {"id":"%s","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Verbale"},"name":"Conferenza dei Sindaci Verbale"}"""
                .formatted(BODY)), 201);
        ok(api.postJson("/api/bodies/" + BODY + "/compositions", """
                {"act":{"citation":"Decreto n. 9301 del 02/01/2025 (FIXTURE)"},"effectiveFrom":"2025-01-02","renewal":true,"seats":[%s]}"""
                .formatted(seats)), 200);
        ok(api.postJson("/api/bodies/" + BODY + "/rule-sets", """
                {"name":"Regolamento pesato","effectiveFrom":"2025-01-02","quorum":{"kind":"MAJORITY_OF_MEMBERS_AND_POPULATION"},
                 "majority":{"kind":"MAJORITY_OF_VOTES_CAST"},"weighting":"POPULATION","delegationAllowed":true}"""), 200);
        ok(api.postJson("/api/bodies/" + BODY + "/delegations", """
                {"seatId":"mayor-comune-verbale-2","delegatePersonId":"%s","from":"2025-03-10T00:00","to":"2025-03-11T00:00",
                 "letterRef":"prot. 9302/25"}""".formatted(delegate)), 201);

        s1 = "/api/sessions/" + ok(api.postJson("/api/sessions", json(Map.of("bodyId", BODY, "number", "1/25", "date", "2025-03-10",
                "scheduledStart", "10:00", "mode", "IN_PERSON"))), 201).json().get("id").asString();
        ok(api.postJson(s1 + "/agenda", "{\"itemNo\":1,\"kind\":\"DELIBERATION\",\"title\":\"Piano sociosanitario territoriale\"}"), 200);
        ok(api.postJson(s1 + "/agenda", "{\"itemNo\":2,\"kind\":\"INFORMATION\",\"title\":\"Comunicazioni del Direttore Generale\"}"), 200);
        ok(api.postJson(s1 + "/participants", json(Map.of("personId", dg, "role", "DIRECTOR_GENERAL"))), 200);
        for (String p : List.of(a, b, delegate)) {
            ok(api.postJson(s1 + "/arrivals", json(Map.of("personId", p, "at", "2025-03-10T10:00"))), 200);
        }
        ok(api.postJson(s1 + "/chair", json(Map.of("personId", a, "at", "2025-03-10T10:00", "basis", "SUBSTITUTE",
                "labelAsRecorded", "il Sindaco di Altopiano, più anziano di età"))), 200);
        ok(api.postJson(s1 + "/open", "{\"at\":\"2025-03-10T10:05\"}"), 200);
        // declared without its wording: it must still reach the verbale, with its figures
        ok(api.postJson(s1 + "/quorum", "{\"at\":\"2025-03-10T10:05\"}"), 200);
        // two heads to one, but 5,000 inhabitants to 10,000: the weighted majority decides
        ok(api.postJson(s1 + "/votes", """
                {"itemNo":1,"subject":"Approvazione del piano","at":"2025-03-10T10:20","mode":"OPEN_NAMED",
                 "votes":[{"personId":"%s","choice":"AGAINST"},{"personId":"%s","choice":"FOR"},{"personId":"%s","choice":"FOR"}]}"""
                .formatted(a, b, delegate)), 200);
        ok(api.postJson(s1 + "/interventions", json(Map.of("itemNo", 1, "personId", b, "at", "2025-03-10T10:15",
                "summaryAsRecorded", "Il Sindaco di Mezzavalle chiede di rafforzare i servizi domiciliari."))), 200);
        ok(api.postJson(s1 + "/information", json(Map.of("itemNo", 2, "at", "2025-03-10T10:30",
                "summaryAsRecorded", "La Direttrice Generale illustra l'avanzamento delle Case di Comunità."))), 200);
        ok(api.postJson(s1 + "/close", "{\"at\":\"2025-03-10T11:00\"}"), 200);
    }

    private String person(String name) {
        return ok(api.postJson("/api/persons", json(Map.of("name", name))), 201).json().get("id").asString();
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    private JsonNode refused(String path, String body, int status, String code) {
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        Api.Response r = api.postJson(path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(events.total()).as("no event stored by a refused " + code).isEqualTo(before);
        return r.json();
    }

    @Test
    @Order(1)
    @DisplayName("after the close, a forgotten intervention needs a reason (the refusal gives the local time), and shows as a late entry")
    void lateEntry() {
        String forgotten = json(Map.of("itemNo", 1, "personId", delegate, "at", "2025-03-10T10:18",
                "summaryAsRecorded", "L'Assessore di Bassura si associa."));
        JsonNode problem = refused(s1 + "/interventions", forgotten, 422, "SESSION_CLOSED");
        assertThat(problem.get("field").asString()).isEqualTo("lateEntryReason");
        assertThat(problem.get("detail").asString()).contains("11:00").doesNotContain("10:00:00Z");
        refused(s1 + "/interventions?lateEntryReason=" + java.net.URLEncoder.encode("x".repeat(1001), StandardCharsets.UTF_8),
                forgotten, 400, "VALIDATION_FAILED");
        ok(api.postJson(s1 + "/interventions?lateEntryReason=" + java.net.URLEncoder.encode("omesso nella stesura", StandardCharsets.UTF_8),
                forgotten), 200);
        JsonNode minutes = api.get(s1 + "/minutes").json();
        assertThat(minutes.get("lateEntries")).hasSize(1);
        assertThat(minutes.get("lateEntries").get(0).get("reason").asString()).isEqualTo("omesso nella stesura");
        assertThat(minutes.get("lateEntries").get(0).get("at").asString()).isEqualTo("10:18");
        JsonNode interventions = minutes.get("items").get(0).get("interventions");
        assertThat(interventions).hasSize(2);
        assertThat(interventions.get(1).get("late").asBoolean()).isTrue();
        assertThat(interventions.get(1).get("speaker").asString()).isEqualTo("Assessore di Bassura");
        // the audit trail keeps the reason beside the fact
        JsonNode history = Api.as(port, "auditor").get("/api/audit/aggregates/" + id(s1) + "/history").json();
        assertThat(history.toString()).contains("omesso nella stesura", "InterventionRecorded", "LateEntryNoted");
    }

    @Test
    @Order(2)
    @DisplayName("the verbale of a weighted sitting: chair, participants, quorum and votes by heads and inhabitants, in Italian, no code")
    void completeVerbale() {
        JsonNode m = api.get(s1 + "/minutes").json();
        assertThat(m.get("title").asString()).isEqualTo("Verbale della seduta n. 1/25 del 10 marzo 2025 — Conferenza dei Sindaci Verbale");
        assertThat(m.get("stateLabel").asString()).isEqualTo("bozza");
        assertThat(m.get("chairs").get(0).get("text").asString())
                .isEqualTo("Presiede Sindaco di Altopiano, il Sindaco di Altopiano, più anziano di età dalle 10:00 alle 11:00");
        assertThat(m.get("participants").get(0).get("role").asString()).isEqualTo("Direttore Generale");
        JsonNode delegateLine = null;
        for (JsonNode member : m.get("members")) {
            if (member.get("personId").asString().equals(delegate)) {
                delegateLine = member;
            }
        }
        assertThat(delegateLine).isNotNull();
        assertThat(delegateLine.get("delegation").asString()).isEqualTo("per il Comune di Bassura, su delega di Sindaco di Bassura");
        assertThat(delegateLine.get("seat").asString()).isEqualTo("Sindaco di Bassura");
        assertThat(delegateLine.get("intervals").get(0).asString()).isEqualTo("dalle 10:00 alla chiusura");
        String quorum = m.get("quorumDeclarations").get(0).asString();
        assertThat(quorum).startsWith("Alle 10:05 è verificato il numero legale: presenti 3 componenti su 3 (ne occorrono 2)")
                .contains("che rappresentano 15.000 abitanti (ne occorrono 7.501)", "numero legale raggiunto");
        JsonNode vote = m.get("items").get(0).get("decisions").get(0);
        assertThat(vote.get("text").asString())
                .contains("favorevoli 2, contrari 1, astenuti 0", "presenti al voto 3",
                        "per popolazione: favorevoli 5.000 abitanti (33,3%), contrari 10.000 (66,7%), astenuti 0 (0,0%)",
                        "Regola: maggioranza dei voti espressi (gli astenuti non contano), ponderata per popolazione",
                        "Esito: non approvato");
        assertThat(vote.get("names").asString()).isEqualTo("Favorevoli: Sindaco di Mezzavalle, Assessore di Bassura; Contrari: Sindaco di Altopiano.");
        assertThat(m.get("items").get(1).get("information").get(0).asString()).contains("Case di Comunità");
        assertThat(m.get("items").get(1).get("kindLabel").asString()).isEqualTo("comunicazione");

        String html = api.get(s1 + "/minutes.html", "Accept", "text/html").body();
        String page = api.get("/web/sessions/" + id(s1), "Accept", "text/html").body();
        byte[] pdf = pdf(s1);
        String pdfText = PdfChecks.text(pdf).replaceAll("\\s+", " ");
        for (String view : List.of(html, page, pdfText)) {
            // compared without spaces: the PDF breaks lines where the page ends
            assertThat(view.replace(" ", "")).contains(java.util.stream.Stream.of("Presiede Sindaco di Altopiano", "Direttrice Generale Fixture",
                    "15.000 abitanti", "favorevoli 5.000 abitanti (33,3%)", "non approvato",
                    "per il Comune di Bassura, su delega di Sindaco di Bassura", "Il Sindaco di Mezzavalle chiede di rafforzare",
                    "omesso nella stesura").map(t -> t.replace(" ", "")).toArray(String[]::new));
            assertThat(ENUM_NAME.matcher(view.replaceAll("<[^>]+>", " ")).find()).as("a code reaches the reader: %s",
                    firstMatch(view.replaceAll("<[^>]+>", " "))).isFalse();
            assertThat(view).doesNotContain("null", "–null");
        }
        assertThat(PdfChecks.pdfaIdentification(pdf)).isEqualTo("3B");
        assertThat(PdfChecks.fontsEmbedded(pdf)).isTrue();
        assertThat(PdfChecks.veraPdfFailures(pdf)).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("documents: a PDF attached to an item with its SHA-256; wrong type, wrong content and an empty file are refused")
    void documents() {
        byte[] slides = PdfChecks.sample("Slide della Direttrice Generale");
        Api.Response uploaded = ok(api.postBytes(s1 + "/documents?itemNo=2&title=" + enc("Slide delle Case di Comunità")
                + "&fileName=slide.pdf", "application/pdf", slides), 201);
        slidesDocument = uploaded.json().get("documentId").asString();
        assertThat(uploaded.json().get("sha256").asString()).isEqualTo(DocumentStore.sha256(slides));
        assertThat(uploaded.header("Location")).isEqualTo("/api/documents/" + slidesDocument);

        Api.Binary download = api.getBytes("/api/documents/" + slidesDocument);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(slides);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Registro-Recorded-SHA256")).isEqualTo(DocumentStore.sha256(slides));
        assertThat(download.header("Repr-Digest")).startsWith("sha-256=:");
        // not public before publication
        assertThat(Api.anonymous(port).getBytes("/api/documents/" + slidesDocument).status()).isEqualTo(401);

        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        Api.Response exe = api.postBytes(s1 + "/documents?title=x", "application/x-msdownload", new byte[]{'M', 'Z', 1, 2});
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.json().get("code").asString()).isEqualTo("MEDIA_TYPE_NOT_ALLOWED");
        assertThat(exe.json().get("field").asString()).isEqualTo("document");
        Api.Response fake = api.postBytes(s1 + "/documents?title=x", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.json().get("code").asString()).isEqualTo("DOCUMENT_CONTENT_MISMATCH");
        Api.Response missingItem = api.postBytes(s1 + "/documents?title=x&itemNo=9", "application/pdf", slides);
        assertThat(missingItem.json().get("code").asString()).isEqualTo("ITEM_NOT_ON_AGENDA");
        Api.Response tooLarge = api.postBytes(s1 + "/documents?title=x", "application/pdf", new byte[21 * 1024 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("DOCUMENT_TOO_LARGE");
        Api mayor = Api.as(port, "mayor");
        assertThat(mayor.postBytes(s1 + "/documents?title=x", "application/pdf", slides).status()).isEqualTo(403);
        assertThat(events.total()).as("no event from a refused upload").isEqualTo(before);
        // and no bytes left behind by the refused one (the item that does not exist)
        assertThat(mongoClient.getDatabase(storeDatabase.name()).getCollection(DocumentStore.BUCKET + ".files")
                .countDocuments(new Document("metadata.sha256", DocumentStore.sha256(slides)))).isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("signed, approved by the next sitting's vote, published: the PDF/A's SHA-256 is in the event and the file is public")
    void approvedThenPublished() {
        ok(api.postJson(s1 + "/minutes/sign", json(Map.of("on", "2025-03-12", "signatories",
                List.of(Map.of("personId", a, "labelAsRecorded", "IL PRESIDENTE"))))), 200);
        s2 = "/api/sessions/" + ok(api.postJson("/api/sessions", json(Map.of("bodyId", BODY, "number", "2/25", "date", "2025-04-07",
                "scheduledStart", "10:00", "mode", "IN_PERSON"))), 201).json().get("id").asString();
        ok(api.postJson(s2 + "/agenda", json(Map.of("itemNo", 1, "kind", "MINUTES_APPROVAL",
                "title", "Approvazione del verbale della seduta precedente", "minutesOf", id(s1)))), 200);
        refused(s2 + "/agenda", json(Map.of("itemNo", 2, "kind", "MINUTES_APPROVAL", "title", "Senza seduta")), 422, "FIELD_REQUIRED");
        for (String p : List.of(a, b, c)) {
            ok(api.postJson(s2 + "/arrivals", json(Map.of("personId", p, "at", "2025-04-07T10:00"))), 200);
        }
        ok(api.postJson(s2 + "/open", "{\"at\":\"2025-04-07T10:00\"}"), 200);
        ok(api.postJson(s2 + "/votes", """
                {"itemNo":1,"subject":"Approvazione del verbale","at":"2025-04-07T10:05","mode":"OPEN_NAMED",
                 "votes":[{"personId":"%s","choice":"FOR"},{"personId":"%s","choice":"FOR"},{"personId":"%s","choice":"FOR"}]}"""
                .formatted(a, b, c)), 200);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(api.get(s1 + "/minutes").json().get("state").asString()).isEqualTo("APPROVED"));
        JsonNode approved = api.get(s1 + "/minutes").json();
        assertThat(approved.get("stateLabel").asString()).isEqualTo("approvato");
        assertThat(approved.get("approval").asString()).isEqualTo("Approvato il 7 aprile 2025 con votazione della seduta n. 2/25 del 7 aprile 2025.");

        ok(api.postJson(s1 + "/minutes/publish", json(Map.of("on", "2025-04-08", "url", "https://www.asst-verbale.example/albo/1-25"))), 200);
        JsonNode session = api.get(s1).json().get("session");
        String recorded = session.get("publishedPdf").get("sha256").asString();
        Api.Binary published = Api.anonymous(port).getBytes(s1 + "/minutes.pdf");
        assertThat(published.status()).isEqualTo(200);
        assertThat(DocumentStore.sha256(published.body())).isEqualTo(recorded);
        assertThat(published.header("Registro-Recorded-SHA256")).isEqualTo(recorded);
        assertThat(PdfChecks.text(published.body()).replaceAll("\\s+", ""))
                .contains("Pubblicato", "https://www.asst-verbale.example/albo/1-25", "Approvatoil7aprile2025");
        assertThat(PdfChecks.veraPdfFailures(published.body())).isEmpty();
        // the same file, every time: what was published is what is served
        assertThat(api.getBytes(s1 + "/minutes", "Accept", "application/pdf").body()).isEqualTo(published.body());
        // the slides are public now that the minutes are
        assertThat(Api.anonymous(port).getBytes("/api/documents/" + slidesDocument).status()).isEqualTo(200);
        // the event itself records the digest
        assertThat(Api.as(port, "auditor").get("/api/audit/aggregates/" + id(s1) + "/history").body()).contains(recorded);
    }

    @Test
    @Order(5)
    @DisplayName("a stored document altered in the database is reported by verification and by the offline verifier")
    void tamperedDocument() {
        Api auditor = Api.as(port, "auditor");
        String pdfId = api.get(s1).json().get("session").get("publishedPdf").get("documentId").asString();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(documentProblems(verify(auditor))).isEmpty());
        String clean = auditor.get("/api/audit/bundle", "Accept", "text/plain").body();
        assertThat(OfflineVerifier.check(clean.lines().toList()).problems()).noneMatch(p -> p.contains("document"));
        assertThat(clean).contains("document\t" + pdfId + "\t");

        MongoCollection<Document> chunks = mongoClient.getDatabase(storeDatabase.name()).getCollection(DocumentStore.BUCKET + ".chunks");
        Document chunk = chunks.find(new Document("files_id", pdfId)).first();
        assertThat(chunk).isNotNull();
        byte[] original = chunk.get("data", Binary.class).getData();
        byte[] altered = original.clone();
        altered[altered.length / 2] ^= 0x20;
        chunks.updateOne(new Document("_id", chunk.get("_id")), new Document("$set", new Document("data", new Binary(altered))));
        try {
            List<String> problems = documentProblems(verify(auditor));
            assertThat(problems).contains("DOCUMENT_ALTERED " + pdfId);
            OfflineVerifier.Result offline = OfflineVerifier.check(auditor.get("/api/audit/bundle", "Accept", "text/plain").body().lines().toList());
            assertThat(offline.ok()).isFalse();
            assertThat(offline.problems()).anyMatch(p -> p.startsWith("document " + pdfId + ": its bytes no longer hash"));
            // the served file is the altered one, and its headers show it: the digest of the bytes differs from the recorded one
            Api.Binary served = Api.anonymous(port).getBytes(s1 + "/minutes.pdf");
            assertThat(served.header("Repr-Digest")).isNotEqualTo(null);
            assertThat(DocumentStore.sha256(served.body())).isNotEqualTo(served.header("Registro-Recorded-SHA256"));
        } finally {
            chunks.updateOne(new Document("_id", chunk.get("_id")), new Document("$set", new Document("data", new Binary(original))));
        }
        assertThat(documentProblems(verify(auditor))).isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("an act's record sheet as PDF/A: its life and its signed document with the SHA-256, public once adopted")
    void actSheet() {
        String act = ok(api.postJson("/api/acts", json(Map.of("issuerBodyId", BODY, "type", "DELIBERAZIONE", "number", "4",
                "date", "2025-03-10", "title", "Parere sul Piano sociosanitario"))), 201).json().get("id").asString();
        assertThat(Api.anonymous(port).getBytes("/api/acts/" + act + "/sheet.pdf").status()).isEqualTo(401);
        ok(api.postJson("/api/acts/" + act + "/adoption", json(Map.of("on", "2025-03-10", "signedByAsRecorded", "IL PRESIDENTE"))), 200);
        byte[] signed = PdfChecks.sample("Deliberazione n. 4 firmata digitalmente");
        Api.Response doc = ok(api.postBytes("/api/acts/" + act + "/documents?title=" + enc("Atto firmato digitalmente")
                + "&fileName=delibera-4.pdf", "application/pdf", signed), 201);
        String sha = doc.json().get("sha256").asString();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(api.get("/api/acts/" + act).json().get("act").get("documents")).hasSize(1));
        Api.Binary sheet = Api.anonymous(port).getBytes("/api/acts/" + act + "/sheet.pdf");
        assertThat(sheet.status()).isEqualTo(200);
        String text = PdfChecks.text(sheet.body()).replaceAll("\\s+", " ");
        assertThat(text.replace(" ", "")).contains(java.util.stream.Stream.of("Scheda dell'atto — Deliberazione n. 4 del 10 marzo 2025",
                "Adottato il 10 marzo 2025, firmato da IL PRESIDENTE", "Atto firmato digitalmente", sha.substring(0, 16))
                .map(t -> t.replace(" ", "")).toArray(String[]::new));
        assertThat(ENUM_NAME.matcher(text).find()).as(firstMatch(text)).isFalse();
        assertThat(PdfChecks.veraPdfFailures(sheet.body())).isEmpty();
        assertThat(DocumentStore.sha256(Api.anonymous(port).getBytes("/api/documents/" + doc.json().get("documentId").asString()).body())).isEqualTo(sha);
    }

    @Test
    @Order(7)
    @DisplayName("the albo lists published minutes and adopted acts to an anonymous reader, filtered and searched; the rest never")
    void albo() throws Exception {
        String draftAct = ok(api.postJson("/api/acts", json(Map.of("issuerBodyId", BODY, "type", "DELIBERAZIONE", "number", "5",
                "date", "2025-03-11", "title", "Piano sociosanitario: bozza non adottata"))), 201).json().get("id").asString();
        Api anonymous = Api.anonymous(port);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(anonymous.get("/api/albo?body=" + BODY).json().get("total").asInt()).isEqualTo(2));
        JsonNode all = anonymous.get("/api/albo?body=" + BODY).json();
        List<String> ids = new ArrayList<>();
        all.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).contains(id(s1)).doesNotContain(id(s2), draftAct);
        JsonNode minutes = all.get("items").get(ids.indexOf(id(s1)));
        assertThat(minutes.get("title").asString()).isEqualTo("Verbale della seduta n. 1/25 del 10 marzo 2025 — Conferenza dei Sindaci Verbale");
        assertThat(minutes.get("pdf").asString()).isEqualTo(s1 + "/minutes.pdf");
        assertThat(minutes.get("documents").toString()).contains("Slide delle Case di Comunità", "Verbale (PDF/A)");

        assertThat(anonymous.get("/api/albo?body=" + BODY + "&type=VERBALE").json().get("total").asInt()).isEqualTo(1);
        assertThat(anonymous.get("/api/albo?body=" + BODY + "&type=deliberazione").json().get("total").asInt()).isEqualTo(1);
        assertThat(anonymous.get("/api/albo?body=" + BODY + "&year=2024").json().get("total").asInt()).isZero();
        assertThat(anonymous.get("/api/albo?body=" + BODY + "&q=sociosanitario").json().get("total").asInt()).isEqualTo(2);
        assertThat(anonymous.get("/api/albo?body=" + BODY + "&q=" + enc("Territoriale  piano")).json().get("items").get(0).get("id").asString())
                .isEqualTo(id(s1));
        JsonNode firstPage = anonymous.get("/api/albo?body=" + BODY + "&size=1").json();
        assertThat(firstPage.get("pages").asInt()).isEqualTo(2);
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(anonymous.get("/api/albo?size=500").json().get("code").asString()).isEqualTo("VALIDATION_FAILED");

        String page = anonymous.get("/web/albo?body=" + BODY, "Accept", "text/html").body();
        assertThat(page).contains("Verbale della seduta n. 1/25 del 10 marzo 2025", "Deliberazione n. 4 del 10 marzo 2025", "2 risultati")
                .doesNotContain("bozza non adottata");

        // re-users: what changed since an instant, OParl-style
        JsonNode meetings = anonymous.get("/api/albo/oparl/meetings?modified_since=2000-01-01T00:00:00Z").json();
        assertThat(meetings.get("data").toString()).contains(id(s1), "https://schema.oparl.org/1.1/Meeting", "sha256Checksum")
                .doesNotContain(id(s2));
        assertThat(anonymous.get("/api/albo/oparl/meetings?modified_since=2999-01-01T00:00:00Z").json().get("data")).isEmpty();
        assertThat(anonymous.get("/api/albo/oparl/papers").json().get("data").toString()).contains("Parere sul Piano sociosanitario")
                .doesNotContain(draftAct);

        // the calendar of sittings, read back with a real iCalendar parser
        Api.Response ics = anonymous.get("/api/bodies/" + BODY + "/sittings.ics", "Accept", "text/calendar");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Seduta n. 1/25 — Conferenza dei Sindaci Verbale");
        assertThat(events.get(0).getDateTimeStart().getValue()).isEqualTo("20250310T090000Z");
        assertThat(events.get(0).getDescription().getValue()).contains("1. Piano sociosanitario territoriale");
        assertThat(anonymous.get("/api/bodies/no-such-body/sittings.ics", "Accept", "text/calendar").status()).isEqualTo(404);
    }

    @Test
    @Order(8)
    @DisplayName("the Popolo export of the weighted Conferenza (delegation, two sittings, named votes) is valid against the Popolo schemas")
    void popolo() {
        JsonNode popolo = api.get("/api/bodies/" + BODY + "/popolo").json();
        assertThat(it.registro.app.support.PopoloSchemas.objects(popolo)).isGreaterThan(10);
        assertThat(it.registro.app.support.PopoloSchemas.violations(popolo)).isEmpty();
        popolo.get("memberships").forEach(m -> m.path("sources").forEach(src -> assertThat(src.get("url").asString()).startsWith("http")));
    }

    private static JsonNode verify(Api auditor) {
        Api.Response r = auditor.postJson("/api/audit/verification", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> documentProblems(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("problems").forEach(p -> {
            if (p.get("kind").asString().startsWith("DOCUMENT_")) {
                out.add(p.get("kind").asString() + " " + p.get("detail").asString().replaceAll("^document (\\S+).*", "$1"));
            }
        });
        return out;
    }

    private byte[] pdf(String session) {
        Api.Binary r = api.getBytes(session + "/minutes.pdf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/pdf");
        return r.body();
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String firstMatch(String view) {
        java.util.regex.Matcher m = ENUM_NAME.matcher(view);
        return m.find() ? view.substring(Math.max(0, m.start() - 60), Math.min(view.length(), m.end() + 20)) : "";
    }
}
