package it.registro.app.session;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.CommandAccepted;
import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.app.web.CommandDispatcher;
import it.registro.app.web.Etags;
import it.registro.app.web.ReadModelAwaiter;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.Text;
import it.registro.domain.session.Session;
import it.registro.domain.session.api.*;
import it.registro.projections.session.SessionProjection;
import it.registro.projections.session.SessionRecords;
import it.registro.projections.session.SessionView;

import static it.registro.app.body.CompositionRequests.TallyRequest;

/** Sittings from convocation to published minutes: the secretariat records, everyone reads. */
@RestController
@Tag(name = "Sessions", description = "Sittings of a body: convocation, attendance, votes, elections, designations, minutes")
public class SessionController {

    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;
    private final it.registro.app.document.Documents documents;

    private final Sessions sessions;

    public SessionController(QueryGateway queries, ReadModelAwaiter awaiter, it.registro.app.document.Documents documents,
                             Sessions sessions) {
        this.queries = queries;
        this.awaiter = awaiter;
        this.documents = documents;
        this.sessions = sessions;
    }

    // ------------------------------------------------------------------ plumbing

    private ResponseEntity<CommandAccepted> send(String sessionId, Object command, HttpStatus status) {
        return accepted(sessionId, sessions.send(sessionId, command, lateEntry()), status);
    }

    private ResponseEntity<CommandAccepted> accepted(String sessionId, Sessions.Sent sent, HttpStatus status) {
        ResponseEntity<CommandAccepted> accepted = awaiter.accepted(sent.id(), sent.version(),
                () -> sessions.find(sessionId).map(SessionView::getVersion).orElse(-1L));
        return ResponseEntity.status(status).headers(accepted.getHeaders()).body(accepted.getBody());
    }

    /**
     * A fact entered after the sitting closed names why, as the query parameter {@code lateEntryReason} of any
     * recording call; the session keeps it beside the fact (a late entry) and the audit trail in the event's metadata.
     */
    private static String lateEntry() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            return attributes.getRequest().getParameter(Session.LATE_ENTRY);
        }
        return null;
    }

    private ResponseEntity<CommandAccepted> send(String sessionId, Object command) {
        return send(sessionId, command, HttpStatus.OK);
    }

    private Optional<SessionView> find(String sessionId) {
        return sessions.find(sessionId);
    }

    private SessionRecords.SessionRecord record(String sessionId) {
        return sessions.record(sessionId);
    }


    // ------------------------------------------------------------------ convocation and agenda

    @PostMapping(path = "/api/sessions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Convene a session", description = "The id defaults to <body id>-<date>[-<number>].")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> convene(@Valid @RequestBody SessionRequests.Convene r) {
        ConveneSession command = SessionCommands.convene(r);
        String id = command.sessionId();
        ResponseEntity<CommandAccepted> response = send(id, command, HttpStatus.CREATED);
        return ResponseEntity.created(URI.create("/api/sessions/" + id)).headers(response.getHeaders()).body(response.getBody());
    }

    @PostMapping(path = "/api/sessions/{id}/agenda", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an item to the agenda (before opening)")
    public ResponseEntity<CommandAccepted> agenda(@PathVariable String id, @Valid @RequestBody SessionRequests.AgendaItem r) {
        return send(id, SessionCommands.command("agenda", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/agenda/{itemNo}/titles", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Another wording of an agenda item, from another document")
    public ResponseEntity<CommandAccepted> title(@PathVariable String id, @PathVariable int itemNo, @Valid @RequestBody SessionRequests.Title r) {
        return send(id, new AddAgendaItemTitle(id, itemNo, r.title(), r.source()));
    }

    @PostMapping(path = "/api/sessions/{id}/agenda/{itemNo}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw an agenda item, with a reason (before opening)")
    public ResponseEntity<CommandAccepted> withdraw(@PathVariable String id, @PathVariable int itemNo, @Valid @RequestBody SessionRequests.Reason r) {
        return send(id, new WithdrawAgendaItem(id, itemNo, r.reason()));
    }

    @PostMapping(path = "/api/sessions/{id}/participants", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a non-member who takes part (never votes)")
    public ResponseEntity<CommandAccepted> participant(@PathVariable String id, @Valid @RequestBody SessionRequests.Participant r) {
        return send(id, SessionCommands.command("participants", id, r));
    }

    // ------------------------------------------------------------------ attendance, chair, opening

    @PostMapping(path = "/api/sessions/{id}/arrivals", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A member or delegate arrives (or connects)")
    public ResponseEntity<CommandAccepted> arrival(@PathVariable String id, @Valid @RequestBody SessionRequests.Attendance r) {
        return send(id, SessionCommands.command("arrivals", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/departures", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A member or delegate leaves")
    public ResponseEntity<CommandAccepted> departure(@PathVariable String id, @Valid @RequestBody SessionRequests.Attendance r) {
        return send(id, SessionCommands.command("departures", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/absences", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A member is absent (stated by the minutes, or inferred from them)")
    public ResponseEntity<CommandAccepted> absence(@PathVariable String id, @Valid @RequestBody SessionRequests.Absence r) {
        return send(id, SessionCommands.command("absences", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/chair", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Someone takes the chair at a time, with the label the minutes use")
    public ResponseEntity<CommandAccepted> chair(@PathVariable String id, @Valid @RequestBody SessionRequests.Chair r) {
        return send(id, SessionCommands.command("chair", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/quorum", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The quorum is declared; it is also computed under the rule set in force")
    public ResponseEntity<CommandAccepted> quorum(@PathVariable String id, @Valid @RequestBody SessionRequests.Quorum r) {
        return send(id, SessionCommands.command("quorum", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/open", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open the session (refused when the quorum is not met)")
    public ResponseEntity<CommandAccepted> open(@PathVariable String id, @Valid @RequestBody SessionRequests.At r) {
        return send(id, SessionCommands.command("open", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the session")
    public ResponseEntity<CommandAccepted> close(@PathVariable String id, @Valid @RequestBody SessionRequests.At r) {
        return send(id, SessionCommands.command("close", id, r));
    }

    // ------------------------------------------------------------------ decisions

    @PostMapping(path = "/api/sessions/{id}/votes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a vote: named choices (OPEN_NAMED), or counts only (OPEN_COUNTS, SECRET)")
    public ResponseEntity<CommandAccepted> vote(@PathVariable String id, @Valid @RequestBody SessionRequests.Vote r) {
        return send(id, SessionCommands.command("votes", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/elections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the election of an officer; the winner holds the office from that instant")
    public ResponseEntity<CommandAccepted> election(@PathVariable String id, @Valid @RequestBody SessionRequests.Election r) {
        return send(id, SessionCommands.command("elections", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/voter-attestations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The minutes attest how many voted on an item; a difference from the computed count is flagged")
    public ResponseEntity<CommandAccepted> attest(@PathVariable String id, @Valid @RequestBody SessionRequests.VoterAttestation r) {
        return send(id, SessionCommands.command("voter-attestations", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/candidatures", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a candidature for a nomination item")
    public ResponseEntity<CommandAccepted> candidature(@PathVariable String id, @Valid @RequestBody SessionRequests.Candidature r) {
        return send(id, SessionCommands.command("candidatures", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/designations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Designate an appointee among the candidatures; pending until ratified by an act")
    public ResponseEntity<CommandAccepted> designate(@PathVariable String id, @Valid @RequestBody SessionRequests.Designation r) {
        return send(id, SessionCommands.command("designations", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/designations/{designationId}/ratify", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An act of the competent issuer ratifies the designation; its term starts on the ratification date")
    public ResponseEntity<CommandAccepted> ratify(@PathVariable String id, @PathVariable String designationId,
                                                  @Valid @RequestBody SessionRequests.Ratification r) {
        it.registro.domain.common.ActRef act;
        LocalDate on = r.ratifiedOn();
        if (r.actId() != null) {
            var registered = queries.query(new it.registro.domain.act.api.FindAct(r.actId(), LocalDate.now()),
                    ResponseTypes.optionalInstanceOf(it.registro.projections.act.ActProjection.ActRecord.class)).join()
                    .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_ACT", "actId",
                            "No act '" + r.actId() + "' is registered"))
                    .act();
            String issuerAgency = queries.query(new it.registro.domain.body.api.FindBody(registered.getIssuerBodyId()),
                    ResponseTypes.optionalInstanceOf(it.registro.projections.body.BodyView.class)).join()
                    .map(b -> b.getAgency().name()).orElse(registered.getIssuerBodyId());
            act = new it.registro.domain.common.ActRef(issuerAgency, registered.getType().name(), registered.getNumber(),
                    registered.getDate(), registered.getId());
            on = on != null ? on : registered.getDate();
        } else if (r.act() != null) {
            act = r.act().toRef();
        } else {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "actId", "Name the ratifying act: actId or act");
        }
        if (on == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "ratifiedOn", "ratifiedOn is required");
        }
        return send(id, new RatifyDesignation(id, designationId, act, on));
    }

    @PostMapping(path = "/api/sessions/{id}/opinions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The body gives its opinion (parere) on an act")
    public ResponseEntity<CommandAccepted> opinion(@PathVariable String id, @Valid @RequestBody SessionRequests.Opinion r) {
        return send(id, SessionCommands.command("opinions", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/information", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An information item is presented (no vote)")
    public ResponseEntity<CommandAccepted> information(@PathVariable String id, @Valid @RequestBody SessionRequests.Information r) {
        return send(id, SessionCommands.command("information", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/interventions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What someone said on an item, as the minutes summarise it (speaker, time, summary)",
            description = "The speaker is a member, a delegate or a participant of the sitting; correctable with a reason.")
    public ResponseEntity<CommandAccepted> intervention(@PathVariable String id, @Valid @RequestBody SessionRequests.Intervention r) {
        return send(id, SessionCommands.command("interventions", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A follow-up announced on an item (a seminar, a meeting), dated if the minutes date it")
    public ResponseEntity<CommandAccepted> followUp(@PathVariable String id, @Valid @RequestBody SessionRequests.FollowUp r) {
        return send(id, SessionCommands.command("follow-ups", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/figures", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Milestones and funding figures of an item; stated totals are checked, a wrong one is flagged")
    public ResponseEntity<CommandAccepted> figures(@PathVariable String id, @Valid @RequestBody SessionRequests.Figures r) {
        List<Milestone> milestones = r.milestones() == null ? List.of() : r.milestones().stream().map(m -> new Milestone(m.period(),
                m.labelAsRecorded(), m.textAsRecorded(), m.status() == null ? "PLANNED" : m.status(), m.source())).toList();
        List<FundingLine> lines = r.fundingLines() == null ? List.of() : r.fundingLines().stream().map(l -> new FundingLine(
                l.lineId(), l.citedActAsRecorded(), l.objectAsRecorded(), l.amount(), l.alternativeAmount(), l.source())).toList();
        List<TotalCheck> checks = r.totalChecks() == null ? List.of() : r.totalChecks().stream().map(c -> new TotalCheck(c.label(),
                c.lineIds(), Boolean.TRUE.equals(c.useAlternative()), c.extraAmounts(), c.stated(), c.statedAsRecorded(),
                c.source())).toList();
        return send(id, new RecordFigures(id, r.itemNo(), milestones, lines, checks));
    }

    @PostMapping(path = "/api/sessions/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a recorded fact (a rettifica): a new event with a reason; the history keeps both values")
    public ResponseEntity<CommandAccepted> correct(@PathVariable String id, @Valid @RequestBody SessionRequests.Correction r) {
        return send(id, SessionCommands.command("corrections", id, r));
    }

    // ------------------------------------------------------------------ minutes

    @PostMapping(path = "/api/sessions/{id}/attachments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach a document by reference")
    public ResponseEntity<CommandAccepted> attach(@PathVariable String id, @Valid @RequestBody SessionRequests.Attachment r) {
        return send(id, SessionCommands.command("attachments", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/minutes/sign", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign the minutes (after the close)")
    public ResponseEntity<CommandAccepted> sign(@PathVariable String id, @Valid @RequestBody SessionRequests.Sign r) {
        return send(id, SessionCommands.command("minutes/sign", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/minutes/distribute", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the signed minutes were sent out")
    public ResponseEntity<CommandAccepted> distribute(@PathVariable String id, @Valid @RequestBody SessionRequests.Distribute r) {
        return send(id, SessionCommands.command("minutes/distribute", id, r));
    }

    @PostMapping(path = "/api/sessions/{id}/minutes/publish", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Publish the signed (or approved) minutes at a URL",
            description = "The verbale is rendered as PDF/A, stored, and its SHA-256 recorded in the publication event; "
                    + "GET /api/sessions/{id}/minutes.pdf then serves exactly those bytes, to anyone.")
    public ResponseEntity<CommandAccepted> publish(@PathVariable String id, @Valid @RequestBody SessionRequests.Publish r) {
        return accepted(id, sessions.publish(id, r.on(), r.url(), r.extractOnly()), HttpStatus.OK);
    }

    @PostMapping(path = "/api/sessions/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a document (PDF, image, ODT, text) to the session or one of its items",
            description = "The body is the file itself, its Content-Type the file's media type; title (and itemNo, fileName) "
                    + "as query parameters. The SHA-256, size, media type and uploader are recorded in an event.")
    @it.registro.app.web.Creates
    public ResponseEntity<it.registro.app.document.Documents.Uploaded> upload(@PathVariable String id, @RequestParam String title,
            @RequestParam(required = false) Integer itemNo, @RequestParam(required = false) String fileName,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] bytes) {
        it.registro.app.document.Documents.Uploaded uploaded = documents.attachToSession(id, itemNo, title, fileName, contentType, bytes);
        ResponseEntity<CommandAccepted> accepted = awaiter.accepted(id, uploaded.version(),
                () -> find(id).map(SessionView::getVersion).orElse(-1L));
        return ResponseEntity.created(URI.create("/api/documents/" + uploaded.documentId())).headers(accepted.getHeaders()).body(uploaded);
    }

    // ------------------------------------------------------------------ reads

    @GetMapping(path = "/api/sessions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The full record of the session (the verbale view)")
    public ResponseEntity<SessionRecords.SessionRecord> get(@PathVariable String id) {
        SessionRecords.SessionRecord r = record(id);
        return ResponseEntity.ok().eTag(Etags.of(r.session().getVersion())).body(r);
    }

    @GetMapping(path = "/api/sessions/{id}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attendance timeline: intervals per member, absences, late arrivals, early departures")
    public SessionRecords.AttendanceTimeline attendance(@PathVariable String id) {
        return record(id).attendance();
    }

    @GetMapping(path = "/api/sessions/{id}/present", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Members and delegates present at a local time")
    public SessionRecords.PresentAt present(@PathVariable String id,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
        return queries.query(new FindPresentAt(id, BusinessTimes.instant(at)), ResponseTypes.optionalInstanceOf(SessionRecords.PresentAt.class))
                .join().orElseThrow(() -> Sessions.notFound(id));
    }

    @GetMapping(path = "/api/sessions/{id}/quorum", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The quorum at a local time under the rule set in force on the session date")
    public SessionRecords.QuorumAt quorumAt(@PathVariable String id,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
        return queries.query(new FindQuorumAt(id, BusinessTimes.instant(at)), ResponseTypes.optionalInstanceOf(SessionRecords.QuorumAt.class))
                .join().orElseThrow(() -> Sessions.notFound(id));
    }

    @GetMapping(path = "/api/sessions/{id}/chair", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who chaired at a local time")
    public SessionRecords.ChairSpell chairAt(@PathVariable String id,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
        record(id);
        return queries.query(new FindChairAt(id, BusinessTimes.instant(at)), ResponseTypes.optionalInstanceOf(SessionRecords.ChairSpell.class))
                .join().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHAIR", "at", "Nobody chaired at " + at));
    }

    public record VoteTally(String factId, String kind, int itemNo, String subject, String office, String personId,
                            String nameAsRecorded, java.time.Instant at, Tally tally, Tally weightedTally, int presentAtVote,
                            Integer members, Integer ruleSetVersion, String majorityRule, Long threshold, Outcome computedOutcome,
                            String outcomeAsRecorded, boolean corrected, it.registro.domain.voting.OfficialOutcome outcome, boolean secret,
                            boolean weightedRule, Long base) {
    }

    @GetMapping(path = "/api/sessions/{id}/votes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Votes and elections with tallies, voters present, the rule and version that judged them, the outcome")
    public List<VoteTally> votes(@PathVariable String id) {
        SessionRecords.SessionRecord r = record(id);
        Integer members = r.composition() == null ? null : r.composition().members();
        List<VoteTally> tallies = new ArrayList<>();
        r.session().getElections().forEach(e -> tallies.add(new VoteTally(e.factId(), "ELECTION", e.itemNo(), null,
                e.office().name(), e.personId(), e.nameAsRecorded(), e.at(), e.tally(), null, e.presentAtVote(), members,
                e.ruleSetVersion(), e.majorityRule(), e.threshold(), e.computedOutcome(), e.outcomeAsRecorded(),
                r.correctedFacts().contains(e.factId()), e.official(), false, false, e.base())));
        r.session().getVotes().forEach(v -> tallies.add(new VoteTally(v.factId(), "VOTE", v.itemNo(), v.subject(), null, null,
                null, v.at(), v.tally(), v.weightedTally(), v.presentAtVote(), members, v.ruleSetVersion(), v.majorityRule(),
                v.threshold(), v.computedOutcome(), v.outcomeAsRecorded(), r.correctedFacts().contains(v.factId()), v.official(),
                v.mode() == it.registro.domain.session.api.VoteMode.SECRET, v.weightedRule(), v.base())));
        tallies.sort(java.util.Comparator.comparing(VoteTally::at).thenComparing(VoteTally::factId));
        return tallies;
    }

    @GetMapping(path = "/api/sessions/{id}/discrepancies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Discrepancies flagged in the record (never fixed)")
    public List<SessionView.Flag> discrepancies(@PathVariable String id) {
        return record(id).session().getFlags();
    }

    @GetMapping(path = "/api/sessions/{id}/minutes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The minutes (verbale) generated from the events, as a structured document")
    public Minutes minutes(@PathVariable String id) {
        return sessions.minutes(id);
    }


    @GetMapping(path = "/api/sessions/{id}/minutes.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The minutes as a readable page")
    public ResponseEntity<String> minutesHtml(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(MinutesHtml.render(sessions.minutes(id)));
    }

    @GetMapping(path = {"/api/sessions/{id}/minutes.pdf", "/api/sessions/{id}/minutes"}, produces = it.registro.app.document.PdfA.MEDIA_TYPE)
    @Operation(summary = "The minutes as PDF/A-3b: once published, the very file whose SHA-256 the publication recorded")
    public ResponseEntity<byte[]> minutesPdf(@PathVariable String id) {
        Sessions.Pdf pdf = sessions.pdf(id);
        return it.registro.app.document.DocumentController.file(pdf.bytes(), it.registro.app.document.PdfA.MEDIA_TYPE,
                "verbale-" + id + ".pdf", pdf.recordedSha256());
    }

    @GetMapping(path = "/api/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sessions of a body (by id or any of its names) in a period")
    public List<SessionView> byBody(@RequestParam String body,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return sessions.byBody(body, from, to);
    }

    @GetMapping(path = "/api/ratifications/pending", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Designations awaiting ratification, for the bodies of an agency")
    public List<SessionProjection.PendingRatification> pending(@RequestParam String agency) {
        return queries.query(new FindPendingRatifications(agency),
                ResponseTypes.multipleInstancesOf(SessionProjection.PendingRatification.class)).join();
    }
}
