package it.registro.app.poas;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import it.registro.domain.poas.UnitIds;
import it.registro.domain.poas.api.*;
import it.registro.projections.poas.UnitProjection;
import it.registro.projections.poas.UnitView;

/** Organisational units of the agencies and the changes a POAS schedules for them. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Units", description = "Organisational units, their scheduled activations and closures, succession and audit trail")
public class UnitController {

    public record ExistingRequest(@NotBlank @Size(max = 200) String agency, @NotNull UnitType type, @Size(max = 20) String code,
                                  @NotBlank @Size(max = 1000) String name, @Size(max = 50) String presidio,
                                  @Size(max = 200) String refersToUnitId, @Size(max = 1000) String source) {
    }

    public record ActivationRequest(@NotBlank @Size(max = 200) String agency, @NotNull UnitType type, @Size(max = 20) String code,
                                    @NotBlank @Size(max = 1000) String name, @Size(max = 50) String presidio,
                                    @Size(max = 200) String presidioAsRecorded, @Size(max = 300) String groupAsRecorded,
                                    @NotNull EffectiveRule effectiveRule, LocalDate effectiveFrom, @Size(max = 1000) String rawText,
                                    @NotBlank @Size(max = 150) String actId, @Size(max = 150) String poasId,
                                    @Size(max = 1000) String source, @Size(max = 200) String boxDateAsRecorded,
                                    @Size(max = 1000) String boxSource) {
    }

    public record ClosureRequest(@NotNull LocalDate lastDay, @Size(max = 200) String presidioAsRecorded,
                                 @Size(max = 300) String groupAsRecorded, @Size(max = 1000) String rawText,
                                 @NotBlank @Size(max = 150) String actId, @Size(max = 150) String poasId, @Size(max = 1000) String source) {
    }

    public record SuccessionRequest(@NotBlank @Size(max = 200) String predecessorUnitId, @NotNull SuccessionKind kind,
                                    @NotNull SuccessionBasis basis, @Size(max = 1000) String evidence, @Size(max = 1000) String source) {
    }

    public record PlacementRequest(@NotBlank @Size(max = 200) String parentUnitId, @Size(max = 150) String actId,
                                   @Size(max = 1000) String source) {
    }

    public record MoveRequest(@NotBlank @Size(max = 200) String parentUnitId, @NotNull LocalDate effectiveFrom,
                              @NotBlank @Size(max = 150) String actId, @Size(max = 1000) String reason, @Size(max = 1000) String source) {
    }

    public record RenameRequest(@NotBlank @Size(max = 1000) String name, @NotNull LocalDate effectiveFrom,
                                @NotBlank @Size(max = 150) String actId, @Size(max = 1000) String reason, @Size(max = 1000) String source) {
    }

    /** A unit with where it stands on the day asked. */
    public record UnitState(UnitView unit, LocalDate asOf, String status) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;

    private final Units units;

    public UnitController(CommandDispatcher commands, QueryGateway queries, ReadModelAwaiter awaiter, Units units) {
        this.units = units;
        this.commands = commands;
        this.queries = queries;
        this.awaiter = awaiter;
    }

    private Optional<UnitView> unit(String id) {
        return units.find(id);
    }

    private long version(String id) {
        return unit(id).map(UnitView::getVersion).orElse(-1L);
    }

    private ResponseEntity<CommandAccepted> created(String id, long version) {
        boolean projected = awaiter.awaitOwnWrite(() -> version(id), version);
        return ResponseEntity.created(URI.create("/api/units/" + id)).eTag(Etags.of(version)).body(new CommandAccepted(id, version, projected));
    }

    @PostMapping(path = "/api/units/existing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a unit that already exists (e.g. from an organigram) whose creating act is not registered")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> existing(@Valid @RequestBody ExistingRequest r) {
        String id = UnitIds.of(r.agency(), r.type(), r.code(), r.name(), r.presidio());
        commands.send(new RecordExistingUnit(id, r.agency(), r.type(), r.code(), r.name(), r.presidio(), r.refersToUnitId(), r.source()),
                "UNIT", id, "UNIT_ALREADY_EXISTS");
        return created(id, 0);
    }

    @PostMapping(path = "/api/units/activations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a new unit's activation under an act, on a date or from the POAS approval date")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> activation(@Valid @RequestBody ActivationRequest r) {
        String id = UnitIds.of(r.agency(), r.type(), r.code(), r.name(), r.presidio());
        commands.send(new ScheduleUnitActivation(id, r.agency(), r.type(), r.code(), r.name(), r.presidio(), r.presidioAsRecorded(),
                r.groupAsRecorded(), r.effectiveRule(), r.effectiveFrom(), r.rawText(), r.actId(), r.poasId(), r.source(),
                r.boxDateAsRecorded(), r.boxSource()),
                "UNIT", id, "UNIT_ALREADY_EXISTS");
        return created(id, 0);
    }

    @PostMapping(path = "/api/units/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a unit's closure under an act; the date is its last active day")
    public ResponseEntity<CommandAccepted> closure(@PathVariable String id, @Valid @RequestBody ClosureRequest r) {
        return commands.sendAndAwait(new ScheduleUnitClosure(id, r.lastDay(), r.presidioAsRecorded(), r.groupAsRecorded(), r.rawText(),
                r.actId(), r.poasId(), r.source()), "UNIT", id, () -> version(id));
    }

    public record ChangeCorrectionRequest(@jakarta.validation.constraints.NotBlank @Size(max = 20) String change,
                                          @jakarta.validation.constraints.NotNull @Size(min = 1, max = 4)
                                          java.util.Map<@jakarta.validation.constraints.NotBlank @Size(max = 50) String, @Size(max = 4000) String> changes,
                                          @jakarta.validation.constraints.NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping(path = "/api/units/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a scheduled change as recorded, with a reason",
            description = "'change' ACTIVATION (effectiveFrom — not for a change on the POAS approval —, rawText, presidioAsRecorded, "
                    + "groupAsRecorded) or CLOSURE (lastDay, rawText, presidioAsRecorded, groupAsRecorded); 'changes' gives each field's "
                    + "right value, judged together; the trail keeps the change as recorded and the correction.")
    public ResponseEntity<CommandAccepted> correct(@PathVariable String id, @Valid @RequestBody ChangeCorrectionRequest r) {
        return commands.sendAndAwait(new it.registro.domain.poas.api.CorrectUnitChange(id, r.change(), r.changes(), r.reason()), "UNIT", id, () -> version(id));
    }

    @PostMapping(path = "/api/units/{id}/predecessors", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link the unit to the unit it succeeds; it must start after the predecessor's last day")
    public ResponseEntity<CommandAccepted> predecessor(@PathVariable String id, @Valid @RequestBody SuccessionRequest r) {
        return commands.sendAndAwait(new LinkUnitSuccession(id, r.predecessorUnitId(), r.kind(), r.basis(), r.evidence(), r.source()), "UNIT", id, () -> version(id));
    }

    @PostMapping(path = "/api/units/{id}/placement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place the unit under its parent from its first day, as an organigram or the POAS text shows it")
    public ResponseEntity<CommandAccepted> placement(@PathVariable String id, @Valid @RequestBody PlacementRequest r) {
        return commands.sendAndAwait(new PlaceUnit(id, r.parentUnitId(), r.actId(), r.source()), "UNIT", id, () -> version(id));
    }

    @PostMapping(path = "/api/units/{id}/moves", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the unit under another parent from a date, as decided by an act")
    public ResponseEntity<CommandAccepted> move(@PathVariable String id, @Valid @RequestBody MoveRequest r) {
        return commands.sendAndAwait(new MoveUnit(id, r.parentUnitId(), r.effectiveFrom(), r.actId(), r.reason(), r.source()), "UNIT", id, () -> version(id));
    }

    @PostMapping(path = "/api/units/{id}/renames", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename the unit from a date, as decided by an act; the unit keeps its identity")
    public ResponseEntity<CommandAccepted> rename(@PathVariable String id, @Valid @RequestBody RenameRequest r) {
        return commands.sendAndAwait(new RenameUnit(id, r.name(), r.effectiveFrom(), r.actId(), r.reason(), r.source()), "UNIT", id, () -> version(id));
    }

    @GetMapping("/api/units/{id}")
    @Operation(summary = "A unit with its changes and its status on a day (default today)")
    public UnitState get(@PathVariable String id,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        UnitView u = unit(id).orElseThrow(() -> notFound(id));
        LocalDate day = BusinessTimes.todayIfAbsent(asOf);
        return new UnitState(u, day, u.statusOn(day));
    }

    @GetMapping("/api/units/{id}/trail")
    @Operation(summary = "Every change of the unit in recording order: business date, recording time, who, under which act")
    public List<UnitView.TrailEntry> trail(@PathVariable String id) {
        return units.trail(id);
    }

    @GetMapping("/api/units")
    @Operation(summary = "Units of an agency, optionally with one code (codes repeat across types and presidi)")
    public List<UnitState> list(@RequestParam @Size(max = 200) String agency, @RequestParam(required = false) @Size(max = 20) String code,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = BusinessTimes.todayIfAbsent(asOf);
        return queries.query(new FindUnits(agency, code), ResponseTypes.multipleInstancesOf(UnitView.class)).join().stream()
                .map(u -> new UnitState(u, day, u.statusOn(day))).toList();
    }

    @GetMapping("/api/units/chart")
    @Operation(summary = "The units of an agency active on a day (default today), under their recorded parent")
    public UnitProjection.OrgChart chart(@RequestParam @Size(max = 200) String agency,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.chart(agency, asOf);
    }

    @GetMapping("/api/units/diff")
    @Operation(summary = "Units activated, closed, moved and renamed after 'from' and up to 'to', each with its act")
    public UnitProjection.UnitDiff diff(@RequestParam @Size(max = 200) String agency,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return units.diff(agency, from, to);
    }

    @GetMapping("/api/poas/{id}/changes")
    @Operation(summary = "Every unit change scheduled under a POAS, with totals by date, type, presidio and group")
    public UnitProjection.PoasDelta changes(@PathVariable String id) {
        return queries.query(new FindPoasDelta(id), ResponseTypes.instanceOf(UnitProjection.PoasDelta.class)).join();
    }

    private List<UnitProjection.AuditRow> audit(String id) {
        if (queries.query(new FindApprovalChain(id), ResponseTypes.optionalInstanceOf(it.registro.projections.poas.PoasProjection.ApprovalChain.class))
                .join().isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "POAS_NOT_FOUND", "id", "No POAS '" + id + "'");
        }
        return queries.query(new FindPoasAudit(id), ResponseTypes.multipleInstancesOf(UnitProjection.AuditRow.class)).join();
    }

    @GetMapping("/api/poas/{id}/audit")
    @Operation(summary = "The audit trail of a POAS: its chain and every change of its units, with who recorded it, when, and when it takes effect")
    public List<UnitProjection.AuditRow> auditJson(@PathVariable String id) {
        return audit(id);
    }

    @GetMapping(path = "/api/poas/{id}/audit.csv", produces = "text/csv")
    @Operation(summary = "The same audit trail as CSV")
    public ResponseEntity<String> auditCsv(@PathVariable String id) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("recorded_at", "recorded_by", "kind", "unit_id", "type", "code", "name", "business_date", "act_id", "detail", "source"));
        for (UnitProjection.AuditRow r : audit(id)) {
            rows.add(java.util.Arrays.asList(r.recordedAt(), r.recordedBy(), r.kind(), r.unitId(), r.type(), r.code(), r.name(),
                    r.businessDate(), r.actId(), r.detail(), r.source()));
        }
        return it.registro.app.web.Csv.response(id + "-audit.csv", rows, ',');
    }

    private static ApiException notFound(String id) {
        return Units.notFound(id);
    }
}
