package it.registro.app.comune;

import java.time.LocalDate;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.CommandAccepted;
import it.registro.app.web.ApiException;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.common.Text;
import it.registro.domain.comune.api.FindComune;
import it.registro.domain.comune.api.RecordComuneAlias;
import it.registro.domain.comune.api.RecordPopulation;
import it.registro.domain.comune.api.RegisterComune;
import it.registro.projections.comune.ComuneView;

@RestController
@RequestMapping(path = "/api/comuni", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Comuni", description = "Municipalities: name forms and dated population (for weighted bodies)")
public class ComuneController {

    public record RegisterComuneRequest(
            @Size(max = 100) @Pattern(regexp = "comune-[a-z0-9]+(-[a-z0-9]+)*") String id,
            @NotBlank @Size(max = 200) String name,
            @Size(min = 2, max = 2) String province) {
    }

    public record AliasRequest(@NotBlank @Size(max = 200) String alias, @Size(max = 1000) String source) {
    }

    public record PopulationRequest(@NotNull @Min(1) @Max(10_000_000) Long population, @NotNull LocalDate referenceDate,
                                    @NotBlank @Size(max = 1000) String source) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;

    public ComuneController(CommandDispatcher commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a comune (id defaults to comune-<slug of the name>)")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterComuneRequest request) {
        String id = request.id() != null ? request.id() : "comune-" + Text.slug(request.name());
        return commands.create(new RegisterComune(id, request.name(), request.province()), "COMUNE", id, "/api/comuni/" + id, () -> version(id));
    }

    @PostMapping(path = "/{id}/aliases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record another way a document writes the comune's name")
    public ResponseEntity<CommandAccepted> alias(@PathVariable String id, @Valid @RequestBody AliasRequest request) {
        return accepted(id, new RecordComuneAlias(id, request.alias(), request.source()));
    }

    @PostMapping(path = "/{id}/populations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the population on a reference date")
    public ResponseEntity<CommandAccepted> population(@PathVariable String id, @Valid @RequestBody PopulationRequest request) {
        return accepted(id, new RecordPopulation(id, request.population(), request.referenceDate(), request.source()));
    }

    public record IstatCodeRequest(@NotBlank @Pattern(regexp = "[0-9]{6}") String istatCode, @Size(max = 1000) String source) {
    }

    @PostMapping(path = "/{id}/istat-code", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the comune's ISTAT code (six digits)")
    public ResponseEntity<CommandAccepted> istatCode(@PathVariable String id, @Valid @RequestBody IstatCodeRequest request) {
        return accepted(id, new it.registro.domain.comune.api.RecordIstatCode(id, request.istatCode(), request.source()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A comune with its name forms and population figures")
    public ComuneView get(@PathVariable String id) {
        return find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "COMUNE_NOT_FOUND", "id",
                "No comune with id '" + id + "'"));
    }

    private ResponseEntity<CommandAccepted> accepted(String id, Object command) {
        return commands.sendAndAwait(command, "COMUNE", id, () -> version(id));
    }

    private Optional<ComuneView> find(String id) {
        return queries.query(new FindComune(id), ResponseTypes.optionalInstanceOf(ComuneView.class)).join();
    }

    private long version(String id) {
        return find(id).map(ComuneView::version).orElse(-1L);
    }
}
