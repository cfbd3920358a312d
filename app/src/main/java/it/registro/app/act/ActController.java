package it.registro.app.act;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import it.registro.app.web.CommandAccepted;
import it.registro.app.body.CompositionRequests.TallyRequest;
import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.app.web.CommandDispatcher;
import it.registro.app.web.ReadModelAwaiter;
import it.registro.domain.act.ActIds;
import it.registro.domain.act.ActNumbers;
import it.registro.domain.act.api.*;
import it.registro.domain.body.api.Tally;
import it.registro.projections.act.ActProjection;
import it.registro.projections.act.ActView;

@RestController
@RequestMapping(path = "/api/acts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Acts", description = "The act register: identity, dated life, typed references")
public class ActController {

    public record RegisterRequest(
            @Size(min = 2, max = 150) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
            @NotBlank @Size(max = 100) String issuerBodyId, @NotNull ActType type, @Size(max = 50) String number,
            @Min(1800) @Max(2200) Integer year, LocalDate date, @Size(max = 4000) String title,
            @Size(max = 1000) String citationAsRecorded, Boolean subjectToControl, @Size(max = 1000) String source) {
    }

    public record OpinionRequest(@NotBlank @Size(max = 200) String givenBy, @Size(max = 200) String role,
                                 @Size(max = 1000) String outcome, LocalDate on, @Size(max = 1000) String source) {
    }

    public record SignatoryRequest(@NotBlank @Size(max = 200) String role, @NotBlank @Size(max = 200) String nameAsRecorded,
                                   @Size(max = 100) String personId) {
    }

    public record AttestationRequest(@NotNull it.registro.domain.act.api.AttestationKind kind, @Size(max = 200) String byAsRecorded,
                                     @Size(max = 1000) String textAsRecorded) {
    }

    public record FormalitiesRequest(@Size(max = 20) List<@NotNull @Valid SignatoryRequest> signatories,
                                     @Size(max = 200) String responsibleOfficerAsRecorded,
                                     @Size(max = 20) List<@NotNull @Valid AttestationRequest> attestations,
                                     Boolean digitallySigned, @Size(max = 1000) String source) {
    }

    public record ConsultationRequest(@NotBlank @Size(max = 200) String consulted,
                                      @NotNull @Pattern(regexp = "HEARD|OPINION|MEETING") String kind, LocalDate on,
                                      @Size(max = 1000) String outcomeAsRecorded, @Size(max = 200) String minutesRef,
                                      @Size(max = 1000) String source, @Size(max = 100) String sessionId,
                                      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(500) Integer itemNo) {
    }

    public record AdoptionRequest(@NotNull LocalDate on, @Size(max = 200) String signedByAsRecorded, Boolean unanimous,
                                  @Valid TallyRequest tally, @Size(max = 1000) String voteAsRecorded, @Size(max = 1000) String source) {
    }

    public record SubmissionRequest(@NotBlank @Size(max = 200) String to, @Size(max = 200) String channel,
                                    @Size(max = 100) String protocol, @NotNull LocalDate on, @Size(max = 1000) String source) {
    }

    public record ExecutabilityRequest(@NotNull LocalDate on, Boolean immediate, @Size(max = 1000) String legalBasisAsRecorded,
                                       @Size(max = 1000) String source) {
    }

    public record EffectRequest(@NotNull LocalDate from, @Size(max = 1000) String scopeAsRecorded, @Size(max = 1000) String source) {
    }

    public record ReferenceRequest(@NotNull ReferenceKind kind, @NotBlank @Size(max = 150) String targetActId,
                                   LocalDate effectiveFrom, @Size(max = 1000) String noteAsRecorded, @Size(max = 1000) String source) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;

    private final Acts acts;

    private final ActLinks links;

    public ActController(CommandDispatcher commands, QueryGateway queries, ReadModelAwaiter awaiter, Acts acts, ActLinks links) {
        this.acts = acts;
        this.links = links;
        this.commands = commands;
        this.queries = queries;
        this.awaiter = awaiter;
    }

    private Optional<ActProjection.ActRecord> find(String id, LocalDate asOf) {
        return acts.find(id, asOf);
    }

    /** Only the version: the act's state, chain and references are not needed to see a write. */
    private long version(String id) {
        return queries.query(new FindActVersion(id), ResponseTypes.instanceOf(Long.class)).join();
    }

    private ResponseEntity<CommandAccepted> send(String id, Object command) {
        return commands.sendAndAwait(command, "ACT", id, () -> version(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an act; its id is its identity (issuer, type, number, year) unless the number is unknown")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterRequest r) {
        // The number in its one spelling (no leading zeros, "279/2022" read as number and year): the identity never depends on how it was typed.
        ActNumbers.Parsed parsed = ActNumbers.parse(r.number(), r.year() != null ? r.year() : r.date() == null ? null : r.date().getYear());
        Integer year = parsed.year();
        String id;
        if (parsed.number() != null && year != null) {
            id = ActIds.of(r.issuerBodyId(), r.type(), parsed.number(), year);
            if (r.id() != null && !r.id().equals(id)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "id",
                        "A numbered act's id is its identity: " + id);
            }
        } else if (r.id() != null) {
            id = r.id();
        } else {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "id",
                    "An act without number and year needs an id");
        }
        return commands.create(new RegisterAct(id, r.issuerBodyId(), r.type(), r.number(), r.year(), r.date(), r.title(),
                r.citationAsRecorded(), Boolean.TRUE.equals(r.subjectToControl()), r.source()), "ACT", id, "/api/acts/" + id, () -> version(id));
    }

    @PostMapping(path = "/{id}/opinions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An opinion given on the act before its adoption")
    public ResponseEntity<CommandAccepted> opinion(@PathVariable String id, @Valid @RequestBody OpinionRequest r) {
        return send(id, new RecordActOpinion(id, r.givenBy(), r.role(), r.outcome(), r.on(), r.source()));
    }

    @PostMapping(path = "/{id}/formalities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The act's signatories, responsabile del procedimento and attestations of regularity, as the act records them")
    public ResponseEntity<CommandAccepted> formalities(@PathVariable String id, @Valid @RequestBody FormalitiesRequest r) {
        return send(id, new it.registro.domain.act.api.RecordActFormalities(id,
                r.signatories() == null ? null : r.signatories().stream()
                        .map(s -> new it.registro.domain.act.api.ActSignatory(s.role(), s.nameAsRecorded(), s.personId())).toList(),
                r.responsibleOfficerAsRecorded(),
                r.attestations() == null ? null : r.attestations().stream()
                        .map(a -> new it.registro.domain.act.api.ActAttestation(a.kind(), a.byAsRecorded(), a.textAsRecorded())).toList(),
                r.digitallySigned(), r.source()));
    }

    @PostMapping(path = "/{id}/consultations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A body consulted (HEARD: no outcome recorded; OPINION; MEETING)")
    public ResponseEntity<CommandAccepted> consultation(@PathVariable String id, @Valid @RequestBody ConsultationRequest r) {
        return send(id, new RecordConsultation(id, r.consulted(), r.kind(), r.on(), r.outcomeAsRecorded(), r.minutesRef(), r.source(),
                r.sessionId(), r.itemNo()));
    }

    @PostMapping(path = "/{id}/adoption", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The act was adopted on its date")
    public ResponseEntity<CommandAccepted> adoption(@PathVariable String id, @Valid @RequestBody AdoptionRequest r) {
        return send(id, new RecordAdoption(id, r.on(), r.signedByAsRecorded(), r.unanimous(),
                r.tally() == null ? null : new Tally(r.tally().inFavour(), r.tally().against(), r.tally().abstained()),
                r.voteAsRecorded(), r.source()));
    }

    @PostMapping(path = "/{id}/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The act was submitted to a higher authority")
    public ResponseEntity<CommandAccepted> submission(@PathVariable String id, @Valid @RequestBody SubmissionRequest r) {
        return send(id, new RecordSubmission(id, r.to(), r.channel(), r.protocol(), r.on(), r.source()));
    }

    public record PublicationRequest(@NotBlank @Size(max = 200) String where, @NotNull LocalDate from, LocalDate until,
                                     @Size(max = 100) String registerNumber, @Size(max = 1000) String source) {
    }

    @PostMapping(path = "/{id}/publications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The act was published (e.g. on the albo pretorio online) from a date; not before its adoption")
    public ResponseEntity<CommandAccepted> publication(@PathVariable String id, @Valid @RequestBody PublicationRequest r) {
        return send(id, new it.registro.domain.act.api.RecordPublication(id, r.where(), r.from(), r.until(), r.registerNumber(), r.source()));
    }

    @PostMapping(path = "/{id}/executability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The act is executive from a date (refused for an act under control without approval)")
    public ResponseEntity<CommandAccepted> executability(@PathVariable String id, @Valid @RequestBody ExecutabilityRequest r) {
        return send(id, new DeclareExecutable(id, r.on(), Boolean.TRUE.equals(r.immediate()), r.legalBasisAsRecorded(), r.source()));
    }

    @PostMapping(path = "/{id}/effects", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The act (or part of it) takes effect from a date")
    public ResponseEntity<CommandAccepted> effect(@PathVariable String id, @Valid @RequestBody EffectRequest r) {
        return send(id, new RecordActEffect(id, r.from(), r.scopeAsRecorded(), r.source()));
    }

    @PostMapping(path = "/{id}/references", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "This act approves, amends, revokes, ratifies, transposes, cites … another registered act")
    public ResponseEntity<CommandAccepted> reference(@PathVariable String id, @Valid @RequestBody ReferenceRequest r) {
        ResponseEntity<CommandAccepted> response = send(id, new RecordActReference(id, r.kind(), r.targetActId(),
                r.effectiveFrom(), r.noteAsRecorded(), r.source()));
        // the target learns of it through the reference sync; wait (bounded) so a reader sees both sides
        awaiter.await(() -> find(r.targetActId(), LocalDate.now()).map(t -> t.act().getIncoming().stream()
                .anyMatch(in -> in.actId().equals(id) && in.kind() == r.kind()) ? Long.MAX_VALUE : -1L).orElse(-1L), 0);
        return response;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An act with its history, its references both ways, and its state on a date (default today)")
    public ActProjection.ActRecord get(@PathVariable String id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return acts.get(id, asOf);
    }

    @GetMapping(path = {"/{id}/sheet.pdf", "/{id}"}, produces = it.registro.app.document.PdfA.MEDIA_TYPE)
    @Operation(summary = "The act's record sheet as PDF/A-3b: what it is, its life, its links, its documents with their SHA-256")
    public ResponseEntity<byte[]> sheet(@PathVariable String id,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ActProjection.ActRecord record = get(id, asOf);
        return it.registro.app.document.DocumentController.file(it.registro.app.document.PdfA.render(ActSheetHtml.render(record)),
                it.registro.app.document.PdfA.MEDIA_TYPE, "atto-" + id + ".pdf", null);
    }

    @GetMapping("/{id}/links")
    @Operation(summary = "The decisions naming the act (compositions, ratifications, pareri) and the sittings its consultations name, each checked")
    public ActLinks.Links links(@PathVariable String id) {
        return links.of(id);
    }

    @GetMapping
    @Operation(summary = "Acts by issuer, type and/or number")
    public List<ActView> list(@RequestParam(required = false) String issuer, @RequestParam(required = false) ActType type,
                              @RequestParam(required = false) String number) {
        return acts.list(issuer, type, number);
    }
}
