package it.registro.app.territory;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import it.registro.app.web.CommandAccepted;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.body.api.DefineBodyTerritory;
import it.registro.domain.common.Text;
import it.registro.domain.territory.api.AssignAmbitoAgency;
import it.registro.domain.territory.api.ChangeDistrictAmbiti;
import it.registro.domain.territory.api.EstablishDistrict;
import it.registro.domain.territory.api.PlaceComuneInAmbito;
import it.registro.domain.territory.api.RecordAmbitoPopulation;
import it.registro.domain.territory.api.RegisterAmbito;
import it.registro.domain.territory.api.RemoveComuneFromAmbito;
import it.registro.domain.territory.api.TerritoryKind;
import it.registro.projections.body.BodyView;
import it.registro.projections.territory.AmbitoView;
import it.registro.projections.territory.DistrictView;
import it.registro.projections.territory.TerritoryOn;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Territory", description = "Ambiti, districts and the ASSTs serving their comuni, over time; a body's members derived from its territory")
public class TerritoryController {

    public record AmbitoRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z_-]{0,39}") String id,
                                @Size(max = 40) String nationalCode, @NotBlank @Size(max = 200) String name, @Size(max = 1000) String source) {
    }

    public record ComuneInAmbitoRequest(@NotBlank @Size(max = 100) String comuneId, @NotNull LocalDate from, @Size(max = 1000) String source) {
    }

    public record RemovalRequest(@NotNull LocalDate from, @Size(max = 1000) String source) {
    }

    /** {@code level}: ASST (the default) or ATS. */
    public record AgencyRequest(it.registro.domain.territory.api.AgencyLevel level, @NotBlank @Size(max = 200) String agency, @Size(max = 500) List<@NotBlank @Size(max = 100) String> comuni,
                                @NotNull LocalDate from, @Size(max = 1000) String source) {
    }

    public record DeclaredPopulationRequest(@NotNull @Min(1) @Max(10_000_000) Long population, @Min(0) @Max(5_000) Integer comuni,
                                            @NotNull LocalDate referenceDate, @NotBlank @Size(max = 1000) String source) {
    }

    public record DistrictRequest(@Size(max = 100) @Pattern(regexp = "distretto-[a-z0-9]+(-[a-z0-9]+)*") String id,
                                  @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String agency,
                                  @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 40) String> ambiti, @NotNull LocalDate from,
                                  @Size(max = 200) String byActRef, @Size(max = 1000) String source) {
    }

    public record DistrictAmbitiRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 40) String> ambiti, @NotNull LocalDate from,
                                        @Size(max = 200) String byActRef, @Size(max = 1000) String source) {
    }

    public record BodyTerritoryRequest(@NotNull TerritoryKind kind, @NotBlank @Size(max = 200) String territoryId, @NotNull LocalDate from,
                                       @Size(max = 1000) String source) {
    }

    private final CommandDispatcher commands;
    private final TerritoryService territory;

    public TerritoryController(CommandDispatcher commands, TerritoryService territory) {
        this.commands = commands;
        this.territory = territory;
    }

    @PostMapping(path = "/api/territory/ambiti", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an ambito territoriale sociale (id: its regional code, e.g. 50006)")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> registerAmbito(@Valid @RequestBody AmbitoRequest request) {
        return commands.create(new RegisterAmbito(request.id(), request.nationalCode(), request.name(), request.source()), "AMBITO", request.id(),
                "/api/territory/ambiti/" + request.id(), () -> ambitoVersion(request.id()));
    }

    @PostMapping(path = "/api/territory/ambiti/{id}/comuni", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place a comune in the ambito from a day on")
    public ResponseEntity<CommandAccepted> placeComune(@PathVariable String id, @Valid @RequestBody ComuneInAmbitoRequest request) {
        return ambito(id, new PlaceComuneInAmbito(id, request.comuneId(), request.from(), request.source()));
    }

    @PostMapping(path = "/api/territory/ambiti/{id}/comuni/{comuneId}/removal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove a comune from the ambito from a day on (that day excluded)")
    public ResponseEntity<CommandAccepted> removeComune(@PathVariable String id, @PathVariable String comuneId,
                                                        @Valid @RequestBody RemovalRequest request) {
        return ambito(id, new RemoveComuneFromAmbito(id, comuneId, request.from(), request.source()));
    }

    @PostMapping(path = "/api/territory/ambiti/{id}/agencies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The ASST serving the ambito's comuni (all, or those named), or the ATS they belong to, from a day on")
    public ResponseEntity<CommandAccepted> assignAgency(@PathVariable String id, @Valid @RequestBody AgencyRequest request) {
        return ambito(id, new AssignAmbitoAgency(id,
                request.level() == null ? it.registro.domain.territory.api.AgencyLevel.ASST : request.level(), request.agency(), request.comuni() == null ? List.of() : request.comuni(),
                request.from(), request.source()));
    }

    @PostMapping(path = "/api/territory/ambiti/{id}/populations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The population (and number of comuni) a document declares for the ambito")
    public ResponseEntity<CommandAccepted> declarePopulation(@PathVariable String id, @Valid @RequestBody DeclaredPopulationRequest request) {
        return ambito(id, new RecordAmbitoPopulation(id, request.population(), request.comuni() == null ? 0 : request.comuni(),
                request.referenceDate(), request.source()));
    }

    @GetMapping("/api/territory/ambiti/{id}")
    @Operation(summary = "An ambito on a day: its comuni, the ASST of each, populations and declared figures")
    public TerritoryOn ambitoOn(@PathVariable String id, @RequestParam(required = false) LocalDate on) {
        return on(TerritoryKind.AMBITO, id, on, "AMBITO_NOT_FOUND", "ambito");
    }

    @PostMapping(path = "/api/territory/districts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Establish a district over whole ambiti (id defaults to distretto-<slug of the name>)")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> establishDistrict(@Valid @RequestBody DistrictRequest request) {
        String id = request.id() != null ? request.id()
                : "distretto-" + Text.slug(request.name().replaceFirst("(?i)^distretto\\s+(di\\s+)?", ""));
        return commands.create(new EstablishDistrict(id, request.name(), request.agency(), request.ambiti(), request.from(), request.byActRef(),
                request.source()), "DISTRICT", id, "/api/territory/districts/" + id, () -> districtVersion(id));
    }

    @PostMapping(path = "/api/territory/districts/{id}/ambiti", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The whole ambiti the district covers from a day on")
    public ResponseEntity<CommandAccepted> changeAmbiti(@PathVariable String id, @Valid @RequestBody DistrictAmbitiRequest request) {
        return commands.sendAndAwait(new ChangeDistrictAmbiti(id, request.ambiti(), request.from(), request.byActRef(), request.source()),
                "DISTRICT", id, () -> districtVersion(id));
    }

    @GetMapping("/api/territory/districts/{id}")
    @Operation(summary = "A district on a day: its ambiti, comuni, the ASST of each and the population base")
    public TerritoryOn districtOn(@PathVariable String id, @RequestParam(required = false) LocalDate on) {
        return on(TerritoryKind.DISTRICT, id, on, "DISTRICT_NOT_FOUND", "district");
    }

    @GetMapping("/api/territory/agencies/{agency}")
    @Operation(summary = "An ASST's or an ATS's territory on a day: every comune it serves, from whichever ambito")
    public TerritoryOn agencyOn(@PathVariable String agency, @RequestParam(required = false) LocalDate on) {
        return on(TerritoryKind.AGENCY, agency, on, "AGENCY_NOT_FOUND", "agency");
    }

    @PostMapping(path = "/api/bodies/{id}/territory", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The territory a mayors' body stands for from a day on (Conferenza: AGENCY; Assemblea di Distretto: DISTRICT)")
    public ResponseEntity<CommandAccepted> defineBodyTerritory(@PathVariable String id, @Valid @RequestBody BodyTerritoryRequest request) {
        return commands.sendAndAwait(new DefineBodyTerritory(id, request.kind(), request.territoryId(), request.from(), request.source()),
                "BODY", id, () -> territory.body(id).map(BodyView::getVersion).orElse(-1L));
    }

    @GetMapping("/api/bodies/{id}/territory-check")
    @Operation(summary = "The body's mayors' seats on a day against the comuni of its territory: who is missing, who is outside")
    public TerritoryService.CompositionCheck check(@PathVariable String id, @RequestParam(required = false) LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(java.time.ZoneId.of("Europe/Rome")) : on;
        return territory.check(id, day).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "BODY_NOT_FOUND", "id",
                "No body with id '" + id + "'"));
    }

    private TerritoryOn on(TerritoryKind kind, String id, LocalDate on, String code, String noun) {
        TerritoryOn found = territory.territory(kind, id, on).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, code, "id",
                "No " + noun + " with id '" + id + "'"));
        if (kind == TerritoryKind.AGENCY && found.comuni().isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, code, "id", "No comune is served by '" + id + "' on " + found.on());
        }
        return found;
    }

    private ResponseEntity<CommandAccepted> ambito(String id, Object command) {
        return commands.sendAndAwait(command, "AMBITO", id, () -> ambitoVersion(id));
    }

    private long ambitoVersion(String id) {
        return territory.ambito(id).map(AmbitoView::version).orElse(-1L);
    }

    private long districtVersion(String id) {
        return territory.district(id).map(DistrictView::version).orElse(-1L);
    }
}
