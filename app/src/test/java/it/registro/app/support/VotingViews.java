package it.registro.app.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.JsonNode;

import it.registro.domain.body.api.Tally;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.api.ElectionRecorded;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.session.api.RecordCorrected;
import it.registro.domain.session.api.SessionConvened;
import it.registro.domain.session.api.VoteFiguresRecomputed;
import it.registro.domain.session.api.VoteMode;
import it.registro.domain.session.api.VoteRecorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for every decision (issue 20 #1, #2): every vote and election of a sitting, as its aggregate
 * decided it (the events), against every view of it — the session read model's votes, the quorum and the
 * presence at its instant, the verbale as JSON and HTML, the web page, the body's votes CSV and its Popolo
 * export. The same counts, voters present, quorum and official outcome (with the rules' outcome and the flag
 * where they differ) everywhere; no choice tied to a person for a secret ballot.
 */
public final class VotingViews {

    /** A decision as the aggregate recorded it (latest figures, after any correction). */
    record Decided(String factId, boolean election, int itemNo, Instant at, VoteMode mode, Tally tally, Tally weighted,
                   int presentAtVote, QuorumFigures quorum, Outcome computed, Outcome recorded) {

        Outcome official() {
            return recorded != null ? recorded : computed;
        }

        boolean disagree() {
            return recorded != null && computed != null && recorded != computed;
        }

        boolean secret() {
            return mode == VoteMode.SECRET;
        }
    }

    private final Api api;
    private final EventStore events;
    private final Map<String, JsonNode> popolo = new HashMap<>();
    private final Map<String, List<Map<String, String>>> csv = new HashMap<>();
    private int checked;

    public VotingViews(Api api, EventStore events) {
        this.api = api;
        this.events = events;
    }

    /** How many decisions were checked, across every sitting checked so far. */
    public int checked() {
        return checked;
    }

    /**
     * Checks every decision of one sitting in every view, then runs the auditor's recomputation over the whole
     * store, which must find no recorded figure that differs; returns its report.
     */
    public JsonNode assertOneTruth(String sessionId, int decisions) {
        assertConsistent(sessionId);
        assertThat(checked).as("decisions checked in %s", sessionId).isEqualTo(decisions);
        JsonNode report = api.postJson("/api/audit/recomputation", "{}").json();
        assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("votes").asInt() + report.get("elections").asInt()).isEqualTo(decisions);
        return report;
    }

    /** Forgets the body exports read so far (after more sittings were recorded). */
    public void refresh() {
        popolo.clear();
        csv.clear();
    }

    public void assertConsistent(String sessionId) {
        String bodyId = null;
        Map<String, Decided> decided = new LinkedHashMap<>();
        var stream = events.readEvents(sessionId);
        while (stream.hasNext()) {
            Object e = stream.next().getPayload();
            if (e instanceof SessionConvened c) {
                bodyId = c.bodyId();
            } else if (e instanceof VoteRecorded v) {
                decided.put(v.factId(), new Decided(v.factId(), false, v.itemNo(), v.at(), v.mode(), v.tally(), v.weightedTally(),
                        v.presentAtVote(), v.quorum(), v.computedOutcome(), v.recordedOutcome()));
            } else if (e instanceof ElectionRecorded v) {
                decided.put(v.factId(), new Decided(v.factId(), true, v.itemNo(), v.at(), VoteMode.OPEN_COUNTS, v.tally(), null,
                        v.presentAtVote(), v.quorum(), v.computedOutcome(), Outcome.PASSED));
            } else if (e instanceof VoteFiguresRecomputed r && decided.containsKey(r.factId())) {
                Decided d = decided.get(r.factId());
                decided.put(d.factId(), new Decided(d.factId(), d.election(), d.itemNo(), d.at(), d.mode(), r.tally(), r.weightedTally(),
                        r.presentAtVote(), r.quorum(), r.computedOutcome(), d.recorded()));
            } else if (e instanceof RecordCorrected c && decided.containsKey(c.factId())) {
                for (var change : c.allChanges()) {
                    if (change.field().equals("recordedOutcome")) {
                        Decided d = decided.get(c.factId());
                        decided.put(d.factId(), new Decided(d.factId(), d.election(), d.itemNo(), d.at(), d.mode(), d.tally(), d.weighted(),
                                d.presentAtVote(), d.quorum(), d.computed(), change.value() == null ? null : Outcome.valueOf(change.value())));
                    }
                }
            }
        }
        if (decided.isEmpty()) {
            return;
        }
        String s = "/api/sessions/" + sessionId;

        // the session read model
        Map<String, JsonNode> votes = byFactId(get(s + "/votes"));
        // the verbale as JSON, and the order of its decisions (the HTML and the page follow it)
        List<JsonNode> decisions = new ArrayList<>();
        get(s + "/minutes").get("items").forEach(item -> item.get("decisions").forEach(decisions::add));
        List<String> html = paragraphs(page(s + "/minutes.html"));
        List<String> rows = rows(page("/web/sessions/" + sessionId));
        assertThat(html).as("verbale HTML paragraphs of %s", sessionId).hasSameSizeAs(decisions);
        assertThat(rows).as("web page rows of %s", sessionId).hasSameSizeAs(decisions);
        Map<String, JsonNode> popoloEvents = new HashMap<>();
        popolo(bodyId).get("vote_events").forEach(v -> popoloEvents.put(v.get("id").asString(), v));
        List<Map<String, String>> csvRows = csv(bodyId);

        for (Decided d : decided.values()) {
            String what = sessionId + " " + d.factId();
            JsonNode v = votes.get(d.factId());
            assertThat(v).as(what + " in /votes").isNotNull();
            assertTally(v.get("tally"), d.tally(), what + " /votes tally");
            assertThat(v.get("presentAtVote").asInt()).as(what + " /votes presentAtVote").isEqualTo(d.presentAtVote());
            assertThat(text(v.get("computedOutcome"))).as(what + " /votes computedOutcome").isEqualTo(name(d.computed()));
            assertThat(text(v.get("outcome").get("official"))).as(what + " /votes official").isEqualTo(name(d.official()));
            assertThat(v.get("outcome").get("disagree").asBoolean()).as(what + " /votes disagree").isEqualTo(d.disagree());
            assertThat(v.get("secret").asBoolean()).as(what + " /votes secret").isEqualTo(d.secret());
            if (d.weighted() != null) {
                assertTally(v.get("weightedTally"), d.weighted(), what + " /votes weightedTally");
            }

            String local = LocalDateTime.ofInstant(d.at(), BusinessTime.ZONE).toString();
            JsonNode quorum = get(s + "/quorum?at=" + local);
            JsonNode present = get(s + "/present?at=" + local);
            if (d.quorum() != null) {
                assertThat(quorum.get("present").asInt()).as(what + " /quorum present").isEqualTo(d.quorum().present());
                assertThat(quorum.get("members").asInt()).as(what + " /quorum members").isEqualTo(d.quorum().members());
                assertThat(quorum.get("presentPopulation").asLong()).as(what + " /quorum presentPopulation").isEqualTo(d.quorum().presentPopulation());
                assertThat(quorum.get("met").asBoolean()).as(what + " /quorum met").isEqualTo(d.quorum().rule() == null || d.quorum().met());
            }
            assertThat(present.get("present").asInt()).as(what + " /present counts seats").isEqualTo(d.presentAtVote());

            int index = indexOf(decisions, d.factId());
            assertThat(index).as(what + " in the verbale").isNotNegative();
            JsonNode m = decisions.get(index);
            assertTally(m.get("tally"), d.tally(), what + " verbale tally");
            assertThat(m.get("presentAtVote").asInt()).as(what + " verbale presentAtVote").isEqualTo(d.presentAtVote());
            assertThat(text(m.get("outcome").get("official"))).as(what + " verbale official").isEqualTo(name(d.official()));
            assertThat(text(m.get("outcome").get("computed"))).as(what + " verbale computed").isEqualTo(name(d.computed()));
            assertThat(m.get("outcome").get("disagree").asBoolean()).as(what + " verbale disagree").isEqualTo(d.disagree());
            assertThat(m.get("secret").asBoolean()).as(what + " verbale secret").isEqualTo(d.secret());

            String p = html.get(index);
            String r = rows.get(index);
            for (String view : List.of(p, r)) {
                String which = view == p ? " verbale HTML" : " web page";
                assertThat(view).as(what + which + " presence").contains("presenti al voto " + d.presentAtVote());
                if (d.official() != null) {
                    assertThat(outcomeWord(view)).as(what + which + " outcome").isEqualTo(word(d.official(), d.election()));
                }
                assertThat(view.contains("secondo la regola in vigore")).as(what + which + " both outcomes").isEqualTo(d.disagree());
                assertThat(view.contains("a scrutinio segreto")).as(what + which + " secret").isEqualTo(d.secret());
                if (d.tally() != null && d.tally().total() > 0) {
                    assertThat(view).as(what + which + " tally").contains("favorevoli " + n(d.tally().inFavour()) + ", contrari "
                            + n(d.tally().against()) + ", astenuti " + n(d.tally().abstained()));
                }
            }

            JsonNode pe = popoloEvents.get(sessionId + "/" + d.factId());
            assertThat(pe).as(what + " in Popolo").isNotNull();
            assertThat(text(pe.get("result"))).as(what + " Popolo result").isEqualTo(d.official() == null ? null
                    : d.official() == Outcome.PASSED ? "pass" : "fail");
            if (d.secret()) {
                assertThat(pe.get("votes").size()).as(what + " Popolo: no choice of a secret ballot").isZero();
            }

            Map<String, String> row = csvRows.stream().filter(c -> c.get("session_id").equals(sessionId)
                    && c.get("at").equals(d.at().atZone(BusinessTime.ZONE).toOffsetDateTime().toString()) && c.get("kind").equals(d.election() ? "election" : "vote")
                    && c.get("item_no").equals(String.valueOf(d.itemNo()))).findFirst().orElse(null);
            assertThat(row).as(what + " in votes.csv").isNotNull();
            assertThat(row.get("present")).as(what + " CSV present").isEqualTo(String.valueOf(d.presentAtVote()));
            assertThat(row.get("outcome")).as(what + " CSV outcome").isEqualTo(d.official() == null ? ""
                    : d.official() == Outcome.PASSED ? "pass" : "fail");
            assertThat(row.get("outcome_disagrees")).as(what + " CSV flag").isEqualTo(String.valueOf(d.disagree()));
            assertThat(row.get("secret")).as(what + " CSV secret").isEqualTo(String.valueOf(d.secret()));
            if (d.tally() != null) {
                assertThat(row.get("yes")).as(what + " CSV yes").isEqualTo(d.tally().inFavour() == null ? "" : d.tally().inFavour().toString());
                assertThat(row.get("no")).as(what + " CSV no").isEqualTo(d.tally().against() == null ? "" : d.tally().against().toString());
            }
            checked++;
        }
    }

    private JsonNode get(String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private String page(String path) {
        Api.Response r = api.get(path, "Accept", "text/html");
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private JsonNode popolo(String bodyId) {
        return popolo.computeIfAbsent(bodyId, b -> get("/api/bodies/" + b + "/popolo"));
    }

    private List<Map<String, String>> csv(String bodyId) {
        return csv.computeIfAbsent(bodyId, b -> CsvText.rows(api.get("/api/bodies/" + b + "/votes.csv", "Accept", "text/csv").body(), ','));
    }

    private static Map<String, JsonNode> byFactId(JsonNode list) {
        Map<String, JsonNode> out = new HashMap<>();
        list.forEach(n -> out.put(n.get("factId").asString(), n));
        return out;
    }

    private static int indexOf(List<JsonNode> decisions, String factId) {
        for (int i = 0; i < decisions.size(); i++) {
            if (factId.equals(text(decisions.get(i).get("factId")))) {
                return i;
            }
        }
        return -1;
    }

    private static final Pattern PARAGRAPH = Pattern.compile("<p><strong>.*?</p>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<div class=\"decision\" data-kind=.*?</div>", Pattern.DOTALL);
    private static final Pattern OUTCOME = Pattern.compile("^\\[(approvato|non approvato|eletto|non eletto)]|: (approvato|non approvato|eletto|non eletto)");
    private static final Pattern OFFICIAL_CELL = Pattern.compile("class=\"state outcome[^\"]*\">(approvato|non approvato|eletto|non eletto)<");

    private static List<String> paragraphs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAGRAPH.matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> rows(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            Matcher official = OFFICIAL_CELL.matcher(m.group());
            out.add("[" + (official.find() ? official.group(1) : "") + "] " + m.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        }
        return out;
    }

    /** The official outcome a paragraph or row states first. */
    private static String outcomeWord(String view) {
        Matcher m = OUTCOME.matcher(view);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private static String word(Outcome o, boolean election) {
        return election ? (o == Outcome.PASSED ? "eletto" : "non eletto") : o == Outcome.PASSED ? "approvato" : "non approvato";
    }

    private static void assertTally(JsonNode node, Tally expected, String what) {
        if (expected == null) {
            assertThat(node == null || node.isNull()).as(what).isTrue();
            return;
        }
        assertThat(node).as(what).isNotNull();
        assertThat(integer(node.get("inFavour"))).as(what + " in favour").isEqualTo(expected.inFavour());
        assertThat(integer(node.get("against"))).as(what + " against").isEqualTo(expected.against());
        assertThat(integer(node.get("abstained"))).as(what + " abstained").isEqualTo(expected.abstained());
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }

    private static String name(Outcome o) {
        return o == null ? null : o.name();
    }

    private static String n(Integer i) {
        return i == null ? "—" : i.toString();
    }
}
