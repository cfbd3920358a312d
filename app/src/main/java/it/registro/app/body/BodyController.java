package it.registro.app.body;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.ApiException;
import it.registro.app.web.CommandAccepted;
import it.registro.app.web.CommandDispatcher;
import it.registro.app.web.Etags;
import it.registro.app.web.ReadModelAwaiter;
import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.FindBodies;
import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.RegisterBody;
import it.registro.domain.body.api.RenameBody;
import it.registro.domain.common.Text;
import it.registro.projections.body.BodyView;

@RestController
@RequestMapping(path = "/api/bodies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bodies", description = "The registry of governance bodies and of the organs that issue acts")
public class BodyController {

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final ReadModelAwaiter awaiter;

    private final Bodies bodies;

    public BodyController(CommandDispatcher commands, QueryGateway queries, ReadModelAwaiter awaiter, Bodies bodies) {
        this.bodies = bodies;
        this.commands = commands;
        this.queries = queries;
        this.awaiter = awaiter;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a body", description = "The id defaults to the slug of the name and never changes.")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody BodyRequests.RegisterBodyRequest request) {
        String id = request.id() != null ? request.id() : Text.slug(request.name());
        if (id.length() < 2 || id.length() > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "id",
                    "No usable id can be derived from the name; give an id of 2 to 100 characters");
        }
        commands.send(new RegisterBody(id, request.kind(),
                new Agency(request.agency().kind(), request.agency().name()),
                request.name(), request.legalBasis()), "BODY", id);
        boolean projected = awaiter.awaitOwnWrite(() -> projectedVersion(id), 0);
        return ResponseEntity.created(URI.create("/api/bodies/" + id))
                .eTag(Etags.of(0))
                .body(new CommandAccepted(id, 0, projected));
    }

    @PostMapping(path = "/{id}/rename", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename a body from a date, with a reason",
            description = "Send If-Match with the ETag last read to refuse the rename if the body changed since.")
    public ResponseEntity<CommandAccepted> rename(@PathVariable String id,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody BodyRequests.RenameBodyRequest request) {
        Long expectedVersion = Etags.parseIfMatch(ifMatch);
        return commands.sendAndAwait(new RenameBody(id, request.name(), request.reason(), request.effectiveFrom(),
                expectedVersion), "BODY", id, () -> projectedVersion(id));
    }

    public record AliasRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String alias,
                               @jakarta.validation.constraints.Size(max = 1000) String source) {
    }

    public record SuccessorRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String successorBodyId,
                                   @jakarta.validation.constraints.NotNull java.time.LocalDate from,
                                   @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Pattern(regexp = "STATED|DERIVED") String basis,
                                   @jakarta.validation.constraints.Size(max = 1000) String source) {
    }

    @PostMapping(path = "/{id}/successor", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the organ that succeeded this one (e.g. the DG of an ASST after the former Azienda Ospedaliera's)")
    public ResponseEntity<CommandAccepted> successor(@PathVariable String id, @Valid @RequestBody SuccessorRequest request) {
        return commands.sendAndAwait(new it.registro.domain.body.api.RecordBodySuccessor(id, request.successorBodyId(), request.from(),
                request.basis(), request.source()), "BODY", id, () -> projectedVersion(id));
    }

    @PostMapping(path = "/{id}/aliases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record another name a document gives the body")
    public ResponseEntity<CommandAccepted> alias(@PathVariable String id, @Valid @RequestBody AliasRequest request) {
        return commands.sendAndAwait(new it.registro.domain.body.api.RecordBodyAlias(id, request.alias(), request.source()), "BODY", id, () -> projectedVersion(id));
    }

    @GetMapping
    @Operation(summary = "List bodies, optionally of one kind and/or one agency (exact name, any case)")
    public List<BodyResource> list(@RequestParam(required = false) BodyKind kind,
                                   @RequestParam(required = false) String agency) {
        return bodies.list(kind, agency);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one body, with the dated history of its names")
    public ResponseEntity<BodyResource> get(@PathVariable String id) {
        BodyView view = bodies.get(id);
        return ResponseEntity.ok().eTag(Etags.of(view.getVersion())).body(BodyResource.of(view));
    }

    private Optional<BodyView> find(String id) {
        return bodies.find(id);
    }

    private long projectedVersion(String id) {
        return find(id).map(BodyView::getVersion).orElse(-1L);
    }
}
