package it.registro.app.act;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import it.registro.app.web.ApiException;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.act.api.FindCitations;
import it.registro.domain.act.api.RecordCitation;
import it.registro.domain.act.api.ResolveCitation;
import it.registro.projections.act.CitationProjection;
import it.registro.projections.act.CitationView;

@RestController
@RequestMapping(path = "/api/citations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Citations", description = "Citations of acts found in documents, resolved to the register")
public class CitationController {

    public record CitationRequest(@Size(min = 2, max = 100) @Pattern(regexp = "[A-Za-z0-9-]+") String id,
                                  @NotBlank @Size(max = 1000) String text, @Size(max = 1000) String source) {
    }

    public record ResolutionRequest(@NotBlank @Size(max = 150) String actId, @NotBlank @Size(max = 1000) String reason) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;
    private final CitationProjection citations;

    public CitationController(CommandDispatcher commands, QueryGateway queries,
                              CitationProjection citations) {
        this.commands = commands;
        this.queries = queries;
        this.citations = citations;
    }

    private long version(String id) {
        return citations.find(id).map(CitationView::version).orElse(-1L);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a citation found in a document; it is read and resolved to the register, never creating an act")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> record(@Valid @RequestBody CitationRequest r) {
        String id = r.id() != null ? r.id() : UUID.randomUUID().toString();
        return commands.create(new RecordCitation(id, r.text(), r.source()), "CITATION", id, "/api/citations/" + id, () -> version(id));
    }

    @PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide which act an ambiguous citation means; the ambiguity flag is closed")
    public ResponseEntity<CommandAccepted> resolve(@PathVariable String id, @Valid @RequestBody ResolutionRequest r) {
        return commands.sendAndAwait(new ResolveCitation(id, r.actId(), r.reason()), "CITATION", id, () -> version(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A citation: what it says, what it was read as, what it resolves to, its flags")
    public CitationView get(@PathVariable String id) {
        return citations.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "CITATION_NOT_FOUND", "id",
                "No citation '" + id + "'"));
    }

    @GetMapping
    @Operation(summary = "Citations resolving to an act (actId), or all those still open")
    public List<CitationView> list(@RequestParam(required = false) String actId) {
        return queries.query(new FindCitations(actId), ResponseTypes.multipleInstancesOf(CitationView.class)).join();
    }
}
