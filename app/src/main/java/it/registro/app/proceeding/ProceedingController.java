package it.registro.app.proceeding;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.app.web.CommandAccepted;
import it.registro.app.web.CommandDispatcher;
import it.registro.app.web.Etags;
import it.registro.app.web.ReadModelAwaiter;
import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.common.Text;
import it.registro.domain.proceeding.ProceedingTypeIds;
import it.registro.domain.proceeding.api.*;
import it.registro.projections.proceeding.ProceedingProjection;
import it.registro.projections.proceeding.ProceedingTypeView;
import it.registro.projections.proceeding.ProceedingView;
import it.registro.projections.proceeding.UnitClosureView;

/** The catalogue of proceeding types, the proceedings (access requests included), their deadlines and reports. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proceedings", description = "Catalogue of proceeding types, proceedings and their legal deadlines, inertia and substitute power")
public class ProceedingController {

    public record AgencyRequest(@NotNull AgencyKind kind, @NotBlank @Size(max = 200) String name) {
    }

    public record UnitRequest(@Size(max = 200) String unitId, @Size(max = 1000) String asRecorded) {
    }

    public record TermRequest(@NotNull TermKind kind, Integer amount, Integer month, Integer day, Integer yearOffset,
                              @Size(max = 1000) String trigger) {
        TermRule rule() {
            return new TermRule(kind, amount, month, day, yearOffset, trigger);
        }
    }

    public record TypeRequest(@NotNull @Valid AgencyRequest agency, @NotNull LocalDate validFrom, @NotBlank @Size(max = 1000) String name,
                              @NotBlank @Size(max = 200) String area, @NotNull @Valid UnitRequest inquiryUnit, @Valid UnitRequest finalActUnit,
                              @Size(max = 1000) String termText, @Valid TermRequest term, @NotNull Boolean silenceAssent,
                              @NotBlank @Size(max = 200) String substitutePowerHolder, @Size(max = 1000) String source) {
    }

    public record RevisionRequest(@NotNull LocalDate validFrom, @NotBlank @Size(max = 1000) String name,
                                  @NotBlank @Size(max = 200) String area, @NotNull @Valid UnitRequest inquiryUnit,
                                  @Valid UnitRequest finalActUnit, @Size(max = 1000) String termText, @Valid TermRequest term,
                                  @NotNull Boolean silenceAssent, @NotBlank @Size(max = 200) String substitutePowerHolder,
                                  @Size(max = 1000) String source) {
    }

    public record ReassignmentRequest(@NotBlank @Size(max = 200) String fromUnitId, @NotNull @Valid UnitRequest toUnit,
                                      @NotBlank @Size(max = 150) String actId, @Size(max = 150) String poasId,
                                      @NotNull LocalDate effectiveFrom) {
    }

    public record SubjectRequest(@NotNull Subject.Kind kind, @NotBlank @Size(max = 200) String id) {
    }

    public record OpeningRequest(@Size(max = 100) String id, @NotBlank @Size(max = 200) String proceedingTypeId,
                                 @NotNull OpeningBasis basis, @NotNull LocalDate on, LocalTime at,
                                 @Size(max = 200) String protocolNumber, @Size(max = 200) String requester,
                                 LocalDate triggerDate, LocalDate dueOn, @Valid SubjectRequest subject, @Size(max = 1000) String note) {
    }

    public record SuspensionRequest(@NotBlank @Size(max = 1000) String reason, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    public record ConclusionRequest(@NotNull LocalDate on, @Size(max = 150) String actId, @Size(max = 1000) String note) {
    }

    public record InertiaRequest(@NotNull LocalDate on, LocalTime at) {
    }

    /** An open proceeding as it stands on a day: overdue or not, and by how much. */

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;
    private final UnitMatcher units;

    private final Proceedings proceedings;

    public ProceedingController(CommandDispatcher commands, QueryGateway queries, ReadModelAwaiter awaiter, UnitMatcher units,
                                Proceedings proceedings) {
        this.proceedings = proceedings;
        this.commands = commands;
        this.queries = queries;
        this.awaiter = awaiter;
        this.units = units;
    }

    // ------------------------------------------------------------------ catalogue

    private Optional<ProceedingTypeView> type(String id) {
        return queries.query(new FindProceedingType(id), ResponseTypes.optionalInstanceOf(ProceedingTypeView.class)).join();
    }

    private long typeVersion(String id) {
        return type(id).map(ProceedingTypeView::getVersion).orElse(-1L);
    }

    /** The wording is kept; without a unit id, the agency's unit of that type and name is linked if exactly one matches. */
    private UnitRef unit(String agencyName, UnitRequest u) {
        if (u == null) {
            return null;
        }
        String id = Text.isBlank(u.unitId()) ? units.match(agencyName, u.asRecorded()).orElse(null) : u.unitId();
        return new UnitRef(id, u.asRecorded());
    }

    @PostMapping(path = "/api/proceeding-types", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a proceeding type to an agency's catalogue; the term is read from termText unless stated in term")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> define(@Valid @RequestBody TypeRequest r) {
        String id = ProceedingTypeIds.of(r.agency().name(), r.area(), r.name());
        commands.send(new DefineProceedingType(id, new Agency(r.agency().kind(), r.agency().name()), r.validFrom(), r.name(), r.area(),
                unit(r.agency().name(), r.inquiryUnit()), unit(r.agency().name(), r.finalActUnit()), r.termText(),
                r.term() == null ? null : r.term().rule(), r.silenceAssent(), r.substitutePowerHolder(), r.source()),
                "PROCEEDING_TYPE", id);
        boolean projected = awaiter.await(() -> typeVersion(id), 0);
        return ResponseEntity.created(URI.create("/api/proceeding-types/" + id)).eTag(Etags.of(0)).body(new CommandAccepted(id, 0, projected));
    }

    @PostMapping(path = "/api/proceeding-types/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A new version of a proceeding type, in force from a later date")
    public ResponseEntity<CommandAccepted> revise(@PathVariable String id, @Valid @RequestBody RevisionRequest r) {
        String agency = type(id).map(ProceedingTypeView::getAgencyName).orElse(null);
        return commands.sendAndAwait(new ReviseProceedingType(id, r.validFrom(), r.name(), r.area(), unit(agency, r.inquiryUnit()),
                unit(agency, r.finalActUnit()), r.termText(), r.term() == null ? null : r.term().rule(), r.silenceAssent(),
                r.substitutePowerHolder(), r.source()), "PROCEEDING_TYPE", id, () -> typeVersion(id));
    }

    @PostMapping(path = "/api/proceeding-types/{id}/reassignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a unit closed by a POAS act with another, under that act, from a date")
    public ResponseEntity<CommandAccepted> reassignType(@PathVariable String id, @Valid @RequestBody ReassignmentRequest r) {
        return commands.sendAndAwait(new ReassignProceedingTypeUnit(id, r.fromUnitId(), new UnitRef(r.toUnit().unitId(), r.toUnit().asRecorded()),
                r.actId(), r.poasId(), r.effectiveFrom()), "PROCEEDING_TYPE", id, () -> typeVersion(id));
    }

    @GetMapping("/api/proceeding-types")
    @Operation(summary = "An agency's catalogue as in force on a day (default today)")
    public List<ProceedingProjection.TypeOnDate> catalogue(@RequestParam @Size(max = 200) String agency,
                                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.query(new FindProceedingTypes(agency, BusinessTimes.todayIfAbsent(asOf)),
                ResponseTypes.multipleInstancesOf(ProceedingProjection.TypeOnDate.class)).join();
    }

    /** A catalogue entry whose term text the catalogue cannot read, with why and where it comes from. */
    public record UnreadTerm(String id, String name, String area, String termText, String problem, TermRule ruleStated, String source) {
    }

    @GetMapping("/api/proceeding-types/unread-terms")
    @Operation(summary = "The catalogue's entries whose term text cannot be read as one rule (several phases, alternatives), with the rule stated instead")
    public List<UnreadTerm> unreadTerms(@RequestParam @Size(max = 200) String agency,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return catalogue(agency, asOf).stream().flatMap(t -> {
            it.registro.domain.proceeding.policy.TermParser.Result r = it.registro.domain.proceeding.policy.TermParser.parse(t.version().termText());
            return r.parsed() ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(new UnreadTerm(t.id(), t.version().name(),
                    t.version().area(), t.version().termText(), r.problem(), t.version().term(), t.version().source()));
        }).toList();
    }

    @GetMapping("/api/proceeding-types/{id}")
    @Operation(summary = "A proceeding type with all its versions and unit reassignments")
    public ProceedingTypeView getType(@PathVariable String id) {
        return type(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "PROCEEDING_TYPE_NOT_FOUND", "id",
                "No proceeding type '" + id + "'"));
    }

    // ------------------------------------------------------------------ proceedings

    private Optional<ProceedingView> proceeding(String id) {
        return queries.query(new FindProceeding(id), ResponseTypes.optionalInstanceOf(ProceedingView.class)).join();
    }

    private long proceedingVersion(String id) {
        return proceeding(id).map(ProceedingView::getVersion).orElse(-1L);
    }

    @PostMapping(path = "/api/proceedings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @it.registro.app.web.Creates
    @Operation(summary = "Open a proceeding on a request (protocol number and date) or ex officio; an access request names its session or act")
    public ResponseEntity<CommandAccepted> open(@Valid @RequestBody OpeningRequest r) {
        String id = Text.isBlank(r.id()) ? "proceeding-" + UUID.randomUUID() : Text.slug(r.id());
        if (id.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_ID", "id", "The id has no letters or digits");
        }
        commands.send(new OpenProceeding(id, r.proceedingTypeId(), r.basis(), r.on(), r.at(), r.protocolNumber(), r.requester(),
                r.triggerDate(), r.dueOn(), r.subject() == null ? null : new Subject(r.subject().kind(), r.subject().id()), r.note()),
                "PROCEEDING", id);
        boolean projected = awaiter.await(() -> proceedingVersion(id), 0);
        return ResponseEntity.created(URI.create("/api/proceedings/" + id)).eTag(Etags.of(0)).body(new CommandAccepted(id, 0, projected));
    }

    @PostMapping(path = "/api/proceedings/{id}/suspensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Suspend the term once, for at most 30 days (art. 2 c. 7 L. 241/1990); the due date moves")
    public ResponseEntity<CommandAccepted> suspend(@PathVariable String id, @Valid @RequestBody SuspensionRequest r) {
        return commands.sendAndAwait(new SuspendProceeding(id, r.reason(), r.from(), r.to()), "PROCEEDING", id, () -> proceedingVersion(id));
    }

    @PostMapping(path = "/api/proceedings/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Conclude by a registered act or by a note; late if after the due date")
    public ResponseEntity<CommandAccepted> conclude(@PathVariable String id, @Valid @RequestBody ConclusionRequest r) {
        return commands.sendAndAwait(new ConcludeProceeding(id, r.on(), r.actId(), r.note()), "PROCEEDING", id, () -> proceedingVersion(id));
    }

    @PostMapping(path = "/api/proceedings/{id}/inertia", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record inertia on a date after the due date and invoke the substitute power (half the original term)")
    public ResponseEntity<CommandAccepted> inertia(@PathVariable String id, @Valid @RequestBody InertiaRequest r) {
        return commands.sendAndAwait(new EscalateInertia(id, r.on(), r.at()), "PROCEEDING", id, () -> proceedingVersion(id));
    }

    @PostMapping(path = "/api/proceedings/{id}/reassignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace an open proceeding's unit closed by a POAS act, under that act")
    public ResponseEntity<CommandAccepted> reassign(@PathVariable String id, @Valid @RequestBody ReassignmentRequest r) {
        return commands.sendAndAwait(new ReassignProceedingUnit(id, r.fromUnitId(), new UnitRef(r.toUnit().unitId(), r.toUnit().asRecorded()),
                r.actId(), r.poasId(), r.effectiveFrom()), "PROCEEDING", id, () -> proceedingVersion(id));
    }

    @GetMapping("/api/proceedings/{id}")
    @Operation(summary = "A proceeding with its full history")
    public ProceedingView get(@PathVariable String id) {
        return proceeding(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "PROCEEDING_NOT_FOUND", "id",
                "No proceeding '" + id + "'"));
    }

    @GetMapping("/api/proceedings")
    @Operation(summary = "An agency's open proceedings by due date, each marked overdue or not on a day (default today)")
    public List<Proceedings.OpenOnDate> openProceedings(@RequestParam @Size(max = 200) String agency,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return proceedings.open(agency, BusinessTimes.todayIfAbsent(asOf));
    }

    @GetMapping("/api/proceedings/overdue")
    @Operation(summary = "Open proceedings past their due date on a day, grouped by the unit responsible for the inquiry")
    public ProceedingProjection.OverdueReport overdue(@RequestParam @Size(max = 200) String agency,
                                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return proceedings.overdue(agency, asOf);
    }

    @GetMapping("/api/proceedings/late-report")
    @Operation(summary = "The yearly report of proceedings concluded late, by type and unit (due by 30 January of the next year)")
    public ProceedingProjection.LateReport lateReport(@RequestParam @Size(max = 200) String agency,
                                                      @RequestParam @Min(2000) @Max(2100) int year) {
        return queries.query(new FindLateReport(agency, year), ResponseTypes.instanceOf(ProceedingProjection.LateReport.class)).join();
    }

    @GetMapping(path = "/api/proceedings/late-report.csv", produces = "text/csv")
    @Operation(summary = "The yearly late report as CSV (';'-separated, UTF-8), for publication")
    public ResponseEntity<String> lateReportCsv(@RequestParam @Size(max = 200) String agency, @RequestParam @Min(2000) @Max(2100) int year) {
        ProceedingProjection.LateReport report = lateReport(agency, year);
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("proceeding_type_id", "proceeding_type", "unit_id", "unit", "concluded", "late", "total_days_late", "max_days_late"));
        for (ProceedingProjection.LateRow row : report.rows()) {
            rows.add(java.util.Arrays.asList(row.proceedingTypeId(), row.typeName(), row.unitId(), row.unitAsRecorded(), row.concluded(),
                    row.late(), row.totalDaysLate(), row.maxDaysLate()));
        }
        return it.registro.app.web.Csv.response("late-report-" + year + ".csv", rows, ';');
    }

    @GetMapping("/api/proceedings/access-requests")
    @Operation(summary = "Access requests for one session's minutes or one act")
    public List<ProceedingView> accessRequests(@RequestParam Subject.Kind kind, @RequestParam @Size(max = 200) String id) {
        return queries.query(new FindProceedingsBySubject(kind, id), ResponseTypes.multipleInstancesOf(ProceedingView.class)).join();
    }

    @GetMapping("/api/units/{id}/proceedings")
    @Operation(summary = "What a unit's closure left to reassign: proceeding types and open proceedings naming it, and their reassignment")
    public UnitClosureView closureReport(@PathVariable String id) {
        return queries.query(new FindUnitClosureReport(id), ResponseTypes.optionalInstanceOf(UnitClosureView.class)).join()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_UNIT_CLOSURE_REPORT", "id",
                        "No closure of unit '" + id + "' has flagged a proceeding"));
    }
}
