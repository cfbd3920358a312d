package it.registro.app.body;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.app.web.CommandAccepted;
import it.registro.app.web.CommandDispatcher;
import it.registro.app.web.ReadModelAwaiter;
import it.registro.domain.body.api.AdoptRuleSet;
import it.registro.domain.body.api.DefineSeat;
import it.registro.domain.body.api.DelegateSeat;
import it.registro.domain.body.api.DesignateInterimPresidingOfficer;
import it.registro.domain.body.api.ElectOfficer;
import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.FindComposition;
import it.registro.domain.body.api.FindDelegations;
import it.registro.domain.body.api.FindOfficers;
import it.registro.domain.body.api.FindRuleSet;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.RecordComposition;
import it.registro.domain.body.api.RevokeDelegation;
import it.registro.domain.body.api.SeatEntry;
import it.registro.domain.body.api.SeatMember;
import it.registro.domain.body.api.UnseatMember;
import it.registro.domain.body.api.VacateOffice;
import it.registro.domain.body.policy.Seats;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.body.BodyView;

import static it.registro.app.body.CompositionRequests.ActRequest.toRef;

/**
 * A body over time: composition acts and seats, offices, delegations and rule sets, each written
 * with its business date, and read back as of any date or instant.
 */
@RestController
@RequestMapping(path = "/api/bodies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bodies over time", description = "Composition, offices, delegations and rule sets of a body, by date")
public class BodyCompositionController {

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;

    private final Bodies bodies;

    public BodyCompositionController(CommandDispatcher commands, QueryGateway queries, ReadModelAwaiter awaiter, Bodies bodies) {
        this.bodies = bodies;
        this.commands = commands;
        this.queries = queries;
        this.awaiter = awaiter;
    }

    private ResponseEntity<CommandAccepted> accepted(String id, Object command) {
        return commands.sendAndAwait(command, "BODY", id, () -> queries.query(new FindBody(id),
                ResponseTypes.optionalInstanceOf(BodyView.class)).join().map(BodyView::getVersion).orElse(-1L));
    }

    // ------------------------------------------------------------------ writes

    @PostMapping(path = "/compositions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a composition act",
            description = "The seats listed are held from effectiveFrom by the persons named; replaced holders end the day "
                    + "before; seats not listed become vacant. With renewal=true the offices lapse.")
    public ResponseEntity<CommandAccepted> recordComposition(@PathVariable String id,
                                                             @Valid @RequestBody CompositionRequests.CompositionRequest request) {
        List<SeatEntry> seats = request.seats().stream().map(s -> new SeatEntry(s.role(), s.constituency(),
                s.labelAsRecorded(), s.personId(), s.nameAsRecorded(), s.comuneId())).toList();
        return accepted(id, new RecordComposition(id, request.act().toRef(), request.effectiveFrom(), Boolean.TRUE.equals(request.renewal()), seats));
    }

    @PostMapping(path = "/seats", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define a seat without a holder yet")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> defineSeat(@PathVariable String id,
                                                      @Valid @RequestBody CompositionRequests.DefineSeatRequest request) {
        ResponseEntity<CommandAccepted> response = accepted(id, new DefineSeat(id, request.role(), request.constituency(),
                request.labelAsRecorded(), toRef(request.act()), request.byOffice() == null ? null
                : new it.registro.domain.body.api.ByOffice(request.byOffice().bodyId(), request.byOffice().office())));
        String seatId = Seats.idOf(request.role(), request.constituency());
        return ResponseEntity.created(URI.create("/api/bodies/" + id + "/seats/" + seatId))
                .headers(response.getHeaders()).body(response.getBody());
    }

    @PostMapping(path = "/seats/{seatId}/holders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A person takes a seat from a date")
    public ResponseEntity<CommandAccepted> seatMember(@PathVariable String id, @PathVariable String seatId,
                                                      @Valid @RequestBody CompositionRequests.SeatHolderRequest request) {
        return accepted(id, new SeatMember(id, seatId, request.personId(), request.nameAsRecorded(), request.comuneId(),
                request.from(), request.to(), toRef(request.act())));
    }

    @PostMapping(path = "/seats/{seatId}/vacate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The holder of a seat leaves it after lastDay")
    public ResponseEntity<CommandAccepted> unseat(@PathVariable String id, @PathVariable String seatId,
                                                  @Valid @RequestBody CompositionRequests.VacateSeatRequest request) {
        return accepted(id, new UnseatMember(id, seatId, request.lastDay(), request.reason(), toRef(request.act())));
    }

    @PostMapping(path = "/terms/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a seat's term as recorded, with a reason",
            description = "The term is the seat's one beginning on 'from'. 'changes' gives the right value of each field to "
                    + "correct (personId, from, to, comuneId, nameAsRecorded; an empty 'to' reopens the term), judged together "
                    + "like a new term. The history keeps the term as recorded and the correction.")
    public ResponseEntity<CommandAccepted> correctTerm(@PathVariable String id,
                                                       @Valid @RequestBody CompositionRequests.TermCorrectionRequest request) {
        return accepted(id, new it.registro.domain.body.api.CorrectTerm(id, request.seatId(), request.from(), request.changes(),
                request.reason()));
    }

    @PostMapping(path = "/compositions/{effectiveFrom}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct the act cited for the composition taking effect on a date, with a reason")
    public ResponseEntity<CommandAccepted> correctCompositionAct(@PathVariable String id,
                                                                 @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                                                                 @Valid @RequestBody CompositionRequests.CompositionActCorrectionRequest request) {
        return accepted(id, new it.registro.domain.body.api.CorrectCompositionAct(id, effectiveFrom, request.act().toRef(),
                request.reason()));
    }

    @PostMapping(path = "/seats/{seatId}/label/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct how the act labels a seat, with a reason")
    public ResponseEntity<CommandAccepted> correctSeatLabel(@PathVariable String id, @PathVariable String seatId,
                                                            @Valid @RequestBody CompositionRequests.SeatLabelCorrectionRequest request) {
        return accepted(id, new it.registro.domain.body.api.CorrectSeatLabel(id, seatId, request.labelAsRecorded(), request.reason()));
    }

    @PostMapping(path = "/officers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the election of a member to an office, at a local time")
    public ResponseEntity<CommandAccepted> elect(@PathVariable String id,
                                                 @Valid @RequestBody CompositionRequests.ElectOfficerRequest request) {
        return accepted(id, new ElectOfficer(id, request.office(), request.personId(), request.nameAsRecorded(),
                BusinessTimes.instant(request.at()), request.sessionRef(),
                request.tally() == null ? null : request.tally().toTally()));
    }

    @PostMapping(path = "/officers/{office}/vacate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An office becomes vacant")
    public ResponseEntity<CommandAccepted> vacateOffice(@PathVariable String id, @PathVariable Office office,
                                                        @Valid @RequestBody CompositionRequests.VacateOfficeRequest request) {
        return accepted(id, new VacateOffice(id, office, BusinessTimes.instant(request.at()), request.reason()));
    }

    @PostMapping(path = "/interim-presiding-officer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record who presides until a President is elected (may be a non-member)")
    public ResponseEntity<CommandAccepted> interim(@PathVariable String id,
                                                   @Valid @RequestBody CompositionRequests.InterimPresidingOfficerRequest request) {
        return accepted(id, new DesignateInterimPresidingOfficer(id, request.personId(), request.capacity(),
                BusinessTimes.instant(request.from()), request.basisAsRecorded()));
    }

    @PostMapping(path = "/delegations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @it.registro.app.web.Creates
    @Operation(summary = "The holder of a seat delegates it for a period or a session (from inclusive, to exclusive)")
    public ResponseEntity<CommandAccepted> delegate(@PathVariable String id,
                                                    @Valid @RequestBody CompositionRequests.DelegationRequest request) {
        String delegationId = request.delegationId() != null ? request.delegationId() : UUID.randomUUID().toString();
        ResponseEntity<CommandAccepted> response = accepted(id, new DelegateSeat(id, delegationId, request.seatId(),
                request.delegatePersonId(), request.nameAsRecorded(), BusinessTimes.instant(request.from()),
                BusinessTimes.instant(request.to()), request.sessionRef(), request.letterRef()));
        return ResponseEntity.created(URI.create("/api/bodies/" + id + "/delegations/" + delegationId))
                .headers(response.getHeaders())
                .body(new CommandAccepted(delegationId, response.getBody().version(), response.getBody().projected()));
    }

    @PostMapping(path = "/delegations/{delegationId}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End a delegation early")
    public ResponseEntity<CommandAccepted> revoke(@PathVariable String id, @PathVariable String delegationId,
                                                  @Valid @RequestBody CompositionRequests.RevokeDelegationRequest request) {
        return accepted(id, new RevokeDelegation(id, delegationId, BusinessTimes.instant(request.at()), request.reason()));
    }

    @PostMapping(path = "/rule-sets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put a rule set (quorum, majority, weighting, delegation) in force from a date")
    public ResponseEntity<CommandAccepted> adoptRuleSet(@PathVariable String id,
                                                        @Valid @RequestBody CompositionRequests.RuleSetRequest request) {
        return accepted(id, new AdoptRuleSet(id, request.name(), request.effectiveFrom(), request.quorum(),
                request.majority(), request.weighting(), request.delegationAllowed(), toRef(request.act())));
    }

    // ------------------------------------------------------------------ reads

    @GetMapping("/composition")
    @Operation(summary = "The composition on a date (default: today): the act in force and every seat, held or vacant")
    public BodyTimeline.Composition composition(@PathVariable String id,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return bodies.composition(id, asOf);
    }

    @GetMapping("/officers")
    @Operation(summary = "The officers at a local date-time (default: now), and the interim presiding officer")
    public BodyTimeline.Officers officers(@PathVariable String id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
        return found(id, queries.query(new FindOfficers(id, BusinessTimes.nowIfAbsent(at)),
                ResponseTypes.optionalInstanceOf(BodyTimeline.Officers.class)).join());
    }

    @GetMapping("/delegations")
    @Operation(summary = "Delegations running at a local date-time (default: now) and who holds the vote of each seat")
    public BodyTimeline.Delegations delegations(@PathVariable String id,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
        return found(id, queries.query(new FindDelegations(id, BusinessTimes.nowIfAbsent(at)),
                ResponseTypes.optionalInstanceOf(BodyTimeline.Delegations.class)).join());
    }

    @GetMapping("/rule-set")
    @Operation(summary = "The rule set in force on a date (default: today)")
    public BodyTimeline.RuleSetOnDate ruleSet(@PathVariable String id,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = BusinessTimes.todayIfAbsent(asOf);
        Optional<BodyTimeline.RuleSetOnDate> ruleSet = queries.query(new FindRuleSet(id, day),
                ResponseTypes.optionalInstanceOf(BodyTimeline.RuleSetOnDate.class)).join();
        if (ruleSet.isPresent()) {
            return ruleSet.get();
        }
        found(id, queries.query(new FindBody(id), ResponseTypes.optionalInstanceOf(BodyView.class)).join());
        throw new ApiException(HttpStatus.NOT_FOUND, "NO_RULE_SET_IN_FORCE", "asOf",
                "Body '" + id + "' has no rule set in force on " + day);
    }

    private static <T> T found(String id, Optional<T> answer) {
        return answer.orElseThrow(() -> Bodies.notFound(id));
    }
}
