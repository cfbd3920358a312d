package it.registro.app.poas;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.app.web.CommandAccepted;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.common.Text;
import it.registro.domain.poas.api.*;
import it.registro.projections.poas.PoasProjection;
import it.registro.projections.poas.PoasView;

@RestController
@RequestMapping(path = "/api/poas", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "POAS", description = "Organisational plans of the agencies and their approval chain")
public class PoasController {

    public record OpenRequest(@Size(max = 150) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
                              @NotBlank @Size(max = 200) String agencyName, @NotBlank @Size(max = 50) String period,
                              @Size(max = 1000) String label, @Size(max = 1000) String source) {
    }

    public record StepRequest(@NotNull LocalDate on, @NotBlank @Size(max = 200) String step, @Size(max = 200) String actor,
                              @Size(max = 150) String actId, @Size(max = 1000) String textAsRecorded, @Size(max = 1000) String source) {
    }

    public record AdoptionRequest(@NotBlank @Size(max = 150) String actId, @NotNull LocalDate on, @Size(max = 1000) String source) {
    }

    public record SubmissionRequest(@NotNull LocalDate on, @Size(max = 100) String protocol, @Size(max = 200) String channel,
                                    LocalDate dueOn, @Size(max = 1000) String source) {
    }

    public record ReviewRequest(@NotNull LocalDate on, @Size(max = 200) String by, @Size(max = 100) String protocol,
                                @NotBlank @Pattern(regexp = "FAVOURABLE|FAVOURABLE_WITH_RECOMMENDATIONS|UNFAVOURABLE") String outcome,
                                @Size(max = 50) List<@NotBlank @Size(max = 2000) String> recommendations, @Size(max = 1000) String source) {
    }

    public record ApprovalRequest(@NotBlank @Size(max = 150) String actId, LocalDate on, @Size(max = 1000) String voteAsRecorded,
                                  @Size(max = 1000) String conformityAsRecorded, @Size(max = 1000) String source) {
    }

    public record DatingRequest(@NotBlank @Size(max = 150) String actId, @NotNull LocalDate on, @Size(max = 1000) String source) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;

    private final Poas poas;

    public PoasController(CommandDispatcher commands, QueryGateway queries, Poas poas) {
        this.poas = poas;
        this.commands = commands;
        this.queries = queries;
    }

    private java.util.Optional<PoasProjection.ApprovalChain> chain(String id) {
        return poas.chain(id);
    }

    /** Only the version: the approval chain is not needed to see a write. */
    private long version(String id) {
        return queries.query(new FindPoasVersion(id), ResponseTypes.instanceOf(Long.class)).join();
    }

    private ResponseEntity<CommandAccepted> send(String id, Object command) {
        return commands.sendAndAwait(command, "POAS", id, () -> version(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a POAS of an agency for a period (id defaults to poas-<agency>-<period>)")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> open(@Valid @RequestBody OpenRequest r) {
        String id = r.id() != null ? r.id() : Text.slug("poas " + r.agencyName() + " " + r.period());
        return commands.create(new OpenPoas(id, r.agencyName(), r.period(), r.label(), r.source()), "POAS", id, "/api/poas/" + id,
                () -> version(id));
    }

    public record CorrectionRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 20) String step,
                                    @jakarta.validation.constraints.Size(max = 150) String modificationId,
                                    @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 3)
                                    java.util.Map<@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 50) String,
                                            @jakarta.validation.constraints.Size(max = 4000) String> changes,
                                    @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }

    @PostMapping(path = "/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a step of the chain as recorded, with a reason",
            description = "'step' ADOPTION (on), SUBMISSION (on, protocol, channel) or APPROVAL (on, voteAsRecorded, conformityAsRecorded), "
                    + "of the plan or, with modificationId, of a modification; the dates stay in order and the 60-day deadline "
                    + "follows the corrected dates.")
    public ResponseEntity<CommandAccepted> correct(@PathVariable String id, @Valid @RequestBody CorrectionRequest r) {
        return send(id, new it.registro.domain.poas.api.CorrectPoasRecord(id, r.step(), r.modificationId(), r.changes(), r.reason()));
    }

    @PostMapping(path = "/{id}/steps", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A dated step of the approval chain (guidelines, requests, meetings, opinions, instructions)")
    public ResponseEntity<CommandAccepted> step(@PathVariable String id, @Valid @RequestBody StepRequest r) {
        return send(id, new RecordPoasStep(id, r.on(), r.step(), r.actor(), r.actId(), r.textAsRecorded(), r.source()));
    }

    @PostMapping(path = "/{id}/adoption", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The agency adopts the POAS by a registered act")
    public ResponseEntity<CommandAccepted> adoption(@PathVariable String id, @Valid @RequestBody AdoptionRequest r) {
        return send(id, new AdoptPoas(id, r.actId(), r.on(), r.source()));
    }

    @PostMapping(path = "/{id}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The POAS is submitted to the Region")
    public ResponseEntity<CommandAccepted> submission(@PathVariable String id, @Valid @RequestBody SubmissionRequest r) {
        return send(id, new SubmitPoas(id, r.on(), r.protocol(), r.channel(), r.dueOn(), r.source()));
    }

    @PostMapping(path = "/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The Region's technical review, with its recommendations")
    public ResponseEntity<CommandAccepted> review(@PathVariable String id, @Valid @RequestBody ReviewRequest r) {
        return send(id, new ReviewPoas(id, r.on(), r.by(), r.protocol(), r.outcome(), r.recommendations(), r.source()));
    }

    @PostMapping(path = "/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The approving act; its date may be given later. A late approval is accepted and flagged")
    public ResponseEntity<CommandAccepted> approval(@PathVariable String id, @Valid @RequestBody ApprovalRequest r) {
        return send(id, new ApprovePoas(id, r.actId(), r.on(), r.voteAsRecorded(), r.conformityAsRecorded(), r.source()));
    }

    @PostMapping(path = "/{id}/approval/date", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete an approval recorded without its date")
    public ResponseEntity<CommandAccepted> date(@PathVariable String id, @Valid @RequestBody DatingRequest r) {
        return send(id, new DateApproval(id, r.actId(), r.on(), r.source()));
    }

    public record TranspositionRequest(@NotBlank @Size(max = 150) String actId, @NotNull LocalDate on, @Size(max = 1000) String source) {
    }

    public record AmendmentRequest(@NotBlank @Size(max = 150) String actId, @NotNull LocalDate on, @Size(max = 1000) String label,
                                   @Size(max = 150) String proposingActId, @Size(max = 1000) String source) {
    }

    @PostMapping(path = "/{id}/transposition", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The agency's act transposing (recepimento) the approval; not before the approval's date")
    public ResponseEntity<CommandAccepted> transposition(@PathVariable String id, @Valid @RequestBody TranspositionRequest r) {
        return send(id, new TransposePoasApproval(id, r.actId(), r.on(), r.source()));
    }

    @PostMapping(path = "/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An act modifying the approved POAS: a new version from its date (proposingActId may be unknown)")
    public ResponseEntity<CommandAccepted> amendment(@PathVariable String id, @Valid @RequestBody AmendmentRequest r) {
        return send(id, new AmendPoas(id, r.actId(), r.on(), r.label(), r.proposingActId(), r.source()));
    }

    public record ModificationRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String modificationId,
                                      @NotBlank @Size(max = 150) String actId, @NotNull LocalDate on, @Size(max = 1000) String label,
                                      @Size(max = 1000) String source) {
    }

    public record ModificationSubmissionRequest(@NotNull LocalDate on, @Size(max = 100) String protocol, @Size(max = 200) String channel,
                                                @Size(max = 1000) String source) {
    }

    public record ModificationApprovalRequest(@NotBlank @Size(max = 150) String actId, @NotNull LocalDate on,
                                              @Size(max = 1000) String voteAsRecorded, @Size(max = 1000) String source) {
    }

    @PostMapping(path = "/{id}/modifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The agency adopts a modification of the approved POAS; it walks the same chain and becomes the next version")
    public ResponseEntity<CommandAccepted> modification(@PathVariable String id, @Valid @RequestBody ModificationRequest r) {
        return send(id, new AdoptPoasModification(id, r.modificationId(), r.actId(), r.on(), r.label(), r.source()));
    }

    @PostMapping(path = "/{id}/modifications/{modificationId}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The modification is submitted to the Region")
    public ResponseEntity<CommandAccepted> modificationSubmission(@PathVariable String id, @PathVariable String modificationId,
                                                                  @Valid @RequestBody ModificationSubmissionRequest r) {
        return send(id, new SubmitPoasModification(id, modificationId, r.on(), r.protocol(), r.channel(), r.source()));
    }

    @PostMapping(path = "/{id}/modifications/{modificationId}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The Region's review of the modification")
    public ResponseEntity<CommandAccepted> modificationReview(@PathVariable String id, @PathVariable String modificationId,
                                                              @Valid @RequestBody ReviewRequest r) {
        return send(id, new ReviewPoasModification(id, modificationId, r.on(), r.by(), r.protocol(), r.outcome(), r.recommendations(),
                r.source()));
    }

    @PostMapping(path = "/{id}/modifications/{modificationId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The DGR approving the modification: the next version is in force from its date; a late one is flagged")
    public ResponseEntity<CommandAccepted> modificationApproval(@PathVariable String id, @PathVariable String modificationId,
                                                                @Valid @RequestBody ModificationApprovalRequest r) {
        return send(id, new ApprovePoasModification(id, modificationId, r.actId(), r.on(), r.voteAsRecorded(), r.source()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The approval chain in order, with the status, the review and the approval")
    public PoasProjection.ApprovalChain get(@PathVariable String id) {
        return chain(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "POAS_NOT_FOUND", "id", "No POAS '" + id + "'"));
    }

    @GetMapping(params = "agency")
    @Operation(summary = "The POAS of an agency in force on a date (default today)")
    public PoasProjection.CurrentPoas current(@RequestParam String agency,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = BusinessTimes.todayIfAbsent(asOf);
        return poas.current(agency, day).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_POAS_IN_FORCE", "asOf",
                        "No approved POAS of " + agency + " on " + day));
    }

    @GetMapping(path = "/deadlines")
    @Operation(summary = "POAS past the 60-day approval norm on a date (a soft deadline: flagged, never enforced)")
    public List<PoasProjection.Overdue> deadlines(@RequestParam String agency,
                                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return poas.deadlines(agency, asOf);
    }
}
