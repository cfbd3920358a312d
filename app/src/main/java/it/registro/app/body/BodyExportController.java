package it.registro.app.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.ApiException;
import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.Tally;
import it.registro.domain.session.api.FindSessionsByBody;
import it.registro.domain.session.api.NamedVote;
import it.registro.projections.body.BodyView;
import it.registro.projections.session.SessionView;

/**
 * A body's composition, officers, sessions and votes for reuse outside the register: JSON aligned
 * with Popolo (Organization, Post, Membership, Event, VoteEvent, Count, Vote; https://www.popoloproject.com)
 * and CSV for spreadsheets.
 */
@RestController
@Tag(name = "Exports", description = "A body in Popolo JSON and CSV")
public class BodyExportController {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final QueryGateway queries;

    public BodyExportController(QueryGateway queries) {
        this.queries = queries;
    }

    private BodyView body(String id) {
        return queries.query(new FindBody(id), ResponseTypes.optionalInstanceOf(BodyView.class)).join()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "BODY_NOT_FOUND", "id", "No body with id '" + id + "'"));
    }

    private List<SessionView> sessions(BodyView b) {
        List<SessionView> sessions = new ArrayList<>(queries.query(new FindSessionsByBody(b.getId(), null, null),
                ResponseTypes.multipleInstancesOf(SessionView.class)).join());
        sessions.removeIf(s -> !b.getId().equals(s.getBodyId()));
        sessions.sort(java.util.Comparator.comparing(SessionView::getDate).thenComparing(SessionView::getId));
        return sessions;
    }

    private static String day(Instant at) {
        return at == null ? null : at.atZone(ROME).toLocalDate().toString();
    }

    /** RFC 3339 with seconds, as Popolo's date-time format asks. */
    private static String rfc3339(Instant at) {
        return at == null ? null : at.atZone(ROME).toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String iso(Instant at) {
        return at == null ? null : at.atZone(ROME).toOffsetDateTime().toString();
    }

    private static String option(NamedVote v) {
        return switch (v.choice()) {
            case FOR -> "yes";
            case AGAINST -> "no";
            case ABSTAIN -> "abstain";
        };
    }

    private static List<Map<String, Object>> counts(Tally t) {
        List<Map<String, Object>> counts = new ArrayList<>();
        if (t == null) {
            return counts;
        }
        if (t.inFavour() != null) {
            counts.add(Map.of("option", "yes", "value", t.inFavour()));
        }
        if (t.against() != null) {
            counts.add(Map.of("option", "no", "value", t.against()));
        }
        if (t.abstained() != null) {
            counts.add(Map.of("option", "abstain", "value", t.abstained()));
        }
        return counts;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    @GetMapping(path = "/api/bodies/{id}/popolo", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The body as Popolo JSON: organization, posts (seats), memberships (terms and offices), events (sessions), vote events")
    public Map<String, Object> popolo(@PathVariable String id) {
        BodyView b = body(id);
        // a membership's source: the composition act, and where the register shows the composition it made
        String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Map<String, Map<String, Object>> persons = new TreeMap<>();
        List<Map<String, Object>> posts = new ArrayList<>();
        for (BodyView.Seat s : b.getSeats()) {
            posts.add(map("id", s.seatId(), "organization_id", b.getId(), "label", s.labelAsRecorded() != null ? s.labelAsRecorded()
                    : s.constituency(), "role", s.role().name(), "start_date", s.definedFrom() == null ? null : s.definedFrom().toString()));
        }
        List<Map<String, Object>> memberships = new ArrayList<>();
        for (BodyView.Term t : b.getTerms()) {
            persons.putIfAbsent(t.personId(), map("id", t.personId(), "name", t.nameAsRecorded()));
            memberships.add(map("id", b.getId() + "/" + t.seatId() + "/" + t.personId() + "/" + t.from(), "person_id", t.personId(),
                    "organization_id", b.getId(), "post_id", t.seatId(), "role", "member", "start_date", str(t.from()), "end_date", str(t.to()),
                    "sources", t.act() == null ? null : List.of(map("url", base + "/api/bodies/" + b.getId() + "/composition?asOf=" + t.from(),
                            "note", t.act().citation()))));
        }
        for (BodyView.OfficeTerm o : b.getOfficeTerms()) {
            persons.putIfAbsent(o.personId(), map("id", o.personId(), "name", o.nameAsRecorded()));
            memberships.add(map("id", b.getId() + "/" + o.office() + "/" + o.personId() + "/" + day(o.from()), "person_id", o.personId(),
                    "organization_id", b.getId(), "role", o.office().name().toLowerCase(), "start_date", day(o.from()), "end_date", day(o.to())));
        }
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> voteEvents = new ArrayList<>();
        for (SessionView s : sessions(b)) {
            events.add(map("id", s.getId(), "name", "Seduta " + (s.getNumber() == null ? s.getDate() : s.getNumber()), "classification",
                    "session", "organization_id", b.getId(), "start_date", str(s.getDate()), "status", s.getState().name()));
            for (SessionView.Vote v : s.getVotes()) {
                List<Map<String, Object>> votes = new ArrayList<>();
                if (v.votes() != null) {
                    v.votes().forEach(n -> votes.add(map("voter_id", n.personId(), "option", option(n))));
                }
                voteEvents.add(map("id", s.getId() + "/" + v.factId(), "organization_id", b.getId(), "legislative_session_id", s.getId(),
                        "motion", map("text", v.subject(), "classification", "agenda item " + v.itemNo()), "start_date", rfc3339(v.at()),
                        "result", outcome(v.official().official()), "counts", counts(v.tally()),
                        "votes", v.mode() == it.registro.domain.session.api.VoteMode.SECRET ? List.of() : votes));
            }
            for (SessionView.Election e : s.getElections()) {
                voteEvents.add(map("id", s.getId() + "/" + e.factId(), "organization_id", b.getId(), "legislative_session_id", s.getId(),
                        "motion", map("text", "Elezione " + e.office() + ": " + e.nameAsRecorded(), "classification", "election"),
                        "start_date", rfc3339(e.at()), "result", outcome(e.official().official()), "counts", counts(e.tally())));
            }
        }
        Map<String, Object> organization = map("id", b.getId(), "name", b.getName(), "classification", b.getKind().name(),
                "other_names", b.getAliases().stream().map(a -> map("name", a.name())).toList(),
                "parent_id", b.getAgency() == null ? null : b.getAgency().name());
        return map("organizations", List.of(organization), "persons", new ArrayList<>(persons.values()), "posts", posts,
                "memberships", memberships, "events", events, "vote_events", voteEvents);
    }

    private static String outcome(Object o) {
        return o == null ? null : o.toString().equals("PASSED") ? "pass" : "fail";
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    @GetMapping(path = "/api/bodies/{id}/memberships.csv", produces = "text/csv")
    @Operation(summary = "The body's seats and who held them, with offices, as CSV")
    public ResponseEntity<String> membershipsCsv(@PathVariable String id) {
        BodyView b = body(id);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("body_id", "post_id", "role", "person_id", "name_as_recorded", "start_date", "end_date", "act"));
        for (BodyView.Term t : b.getTerms()) {
            rows.add(java.util.Arrays.asList(b.getId(), t.seatId(), "member", t.personId(), t.nameAsRecorded(), t.from(), t.to(),
                    t.act() == null ? null : t.act().citation()));
        }
        for (BodyView.OfficeTerm o : b.getOfficeTerms()) {
            rows.add(java.util.Arrays.asList(b.getId(), null, o.office().name().toLowerCase(), o.personId(), o.nameAsRecorded(), day(o.from()),
                    day(o.to()), null));
        }
        return it.registro.app.web.Csv.response(b.getId() + "-memberships.csv", rows, ',');
    }

    @GetMapping(path = "/api/bodies/{id}/votes.csv", produces = "text/csv")
    @Operation(summary = "Every vote and election of the body's sessions, with counts and outcome, as CSV")
    public ResponseEntity<String> votesCsv(@PathVariable String id) {
        BodyView b = body(id);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("session_id", "session_date", "item_no", "kind", "subject", "at", "secret", "yes", "no", "abstain", "present",
                "yes_population", "no_population", "abstain_population", "outcome", "outcome_by_rules", "outcome_disagrees"));
        for (SessionView s : sessions(b)) {
            for (SessionView.Vote v : s.getVotes()) {
                Tally t = v.tally();
                Tally w = v.weightedTally();
                rows.add(java.util.Arrays.asList(s.getId(), s.getDate(), v.itemNo(), "vote", v.subject(), iso(v.at()),
                        v.mode() == it.registro.domain.session.api.VoteMode.SECRET, t == null ? null : t.inFavour(),
                        t == null ? null : t.against(), t == null ? null : t.abstained(), v.presentAtVote(),
                        w == null ? null : w.inFavour(), w == null ? null : w.against(), w == null ? null : w.abstained(),
                        outcome(v.official().official()), outcome(v.official().computed()), v.official().disagree()));
            }
            for (SessionView.Election e : s.getElections()) {
                Tally t = e.tally();
                rows.add(java.util.Arrays.asList(s.getId(), s.getDate(), e.itemNo(), "election", e.office() + ": " + e.nameAsRecorded(),
                        iso(e.at()), false, t == null ? null : t.inFavour(), t == null ? null : t.against(), t == null ? null : t.abstained(),
                        e.presentAtVote(), null, null, null, outcome(e.official().official()), outcome(e.official().computed()),
                        e.official().disagree()));
            }
        }
        return it.registro.app.web.Csv.response(b.getId() + "-votes.csv", rows, ',');
    }
}
