package it.registro.app.office;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.CommandAccepted;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.office.api.AppointToOffice;
import it.registro.domain.office.api.DefineOrganKind;
import it.registro.domain.office.api.DelegatePowers;
import it.registro.domain.office.api.EndMandate;
import it.registro.domain.office.api.RevokePowers;
import it.registro.domain.office.api.TermRule;
import it.registro.projections.office.MandateProjection;
import it.registro.projections.office.OfficeViews;

@RestController
@Tag(name = "Organs and mandates", description = "Kinds of organ and office as data, mandates with their terms, delegations of powers")
public class OfficeController {

    public record TermRequest(@NotNull TermRule.Kind kind, @Min(1) @Max(10) Integer years, @Min(1) @Max(10) Integer minYears,
                              @Min(1) @Max(10) Integer maxYears, @Size(max = 1000) String basisAsRecorded) {
    }

    public record OrganKindRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
                                   @NotBlank @Size(max = 200) String name, @Size(max = 1000) String legalBasis, @NotNull @Valid TermRequest term,
                                   @Size(max = 20) List<@Size(max = 200) String> designators, @Size(max = 1000) String source) {
    }

    public record MandateRequest(@NotBlank @Size(max = 150) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
                                 @NotBlank @Size(max = 200) String agency, @NotBlank @Size(max = 100) String organKindId,
                                 @Size(max = 100) String bodyId, @Size(max = 100) String personId, @Size(max = 200) String nameAsRecorded,
                                 @Size(max = 200) String designatedBy, @NotNull LocalDate from, LocalDate until,
                                 @Size(max = 200) String byActRef, @Size(max = 1000) String source) {
    }

    public record EndRequest(@NotNull LocalDate lastDay, @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String byActRef) {
    }

    public record DelegationRequest(@NotBlank @Size(max = 100) String id, @Size(max = 100) String delegateOrganKindId,
                                    @Size(max = 100) String delegatePersonId, @NotBlank @Size(max = 1000) String scopeAsRecorded,
                                    @NotNull LocalDate from, LocalDate until, @Size(max = 200) String byActRef, @Size(max = 1000) String source) {
    }

    public record RevocationRequest(@NotNull LocalDate lastDay, @Size(max = 200) String byActRef) {
    }

    private final CommandDispatcher commands;
    private final Offices offices;

    public OfficeController(CommandDispatcher commands, Offices offices) {
        this.commands = commands;
        this.offices = offices;
    }

    @PostMapping(path = "/api/organ-kinds", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define a kind of organ or office (open list): legal basis, term rule, designators")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> defineKind(@Valid @RequestBody OrganKindRequest r) {
        TermRequest t = r.term();
        return commands.create(new DefineOrganKind(r.id(), r.name(), r.legalBasis(), new TermRule(t.kind(), t.years(), t.minYears(), t.maxYears(),
                t.basisAsRecorded()), r.designators(), r.source()), "ORGAN_KIND", r.id(), "/api/organ-kinds",
                () -> kinds().stream().anyMatch(k -> k.id().equals(r.id())) ? 0 : -1);
    }

    @GetMapping(path = "/api/organ-kinds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The kinds of organ and office defined, with their legal basis and term rule")
    public List<OfficeViews.OrganKindView> kinds() {
        return offices.kinds();
    }

    @PostMapping(path = "/api/mandates", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A person in an office of an agency or a seat of an organ, from a day to the last day the term rule allows")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> appoint(@Valid @RequestBody MandateRequest r) {
        return commands.create(new AppointToOffice(r.id(), r.agency(), r.organKindId(), r.bodyId(), r.personId(), r.nameAsRecorded(),
                r.designatedBy(), r.from(), r.until(), r.byActRef(), r.source()), "MANDATE", r.id(), "/api/mandates/" + r.id(), () -> version(r.id()));
    }

    @PostMapping(path = "/api/mandates/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The mandate ends on a day (resignation, revocation, decadence); its delegations end with it")
    public ResponseEntity<CommandAccepted> end(@PathVariable String id, @Valid @RequestBody EndRequest r) {
        return commands.sendAndAwait(new EndMandate(id, r.lastDay(), r.reason(), r.byActRef()), "MANDATE", id, () -> version(id));
    }

    @PostMapping(path = "/api/mandates/{id}/delegations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The holder delegates powers, never beyond the mandate (seed 000 L1342-1344)")
    public ResponseEntity<CommandAccepted> delegate(@PathVariable String id, @Valid @RequestBody DelegationRequest r) {
        return commands.sendAndAwait(new DelegatePowers(id, r.id(), r.delegateOrganKindId(), r.delegatePersonId(), r.scopeAsRecorded(), r.from(),
                r.until(), r.byActRef(), r.source()), "MANDATE", id, () -> version(id));
    }

    @PostMapping(path = "/api/mandates/{id}/delegations/{delegationId}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A delegation of powers is revoked after a last day")
    public ResponseEntity<CommandAccepted> revoke(@PathVariable String id, @PathVariable String delegationId, @Valid @RequestBody RevocationRequest r) {
        return commands.sendAndAwait(new RevokePowers(id, delegationId, r.lastDay(), r.byActRef()), "MANDATE", id, () -> version(id));
    }

    @GetMapping(path = "/api/mandates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An agency's mandates on a day with their status (RUNNING, EXPIRING, EXPIRED, ENDED, NOT_STARTED) and delegations in force: "
            + "who held the DG, DA, DS, DSS offices then, and what the secretariat must renew")
    public List<MandateProjection.MandateOn> mandates(@RequestParam @NotBlank @Size(max = 200) String agency,
                                                      @RequestParam(required = false) @Size(max = 100) String organKind,
                                                      @RequestParam(required = false) LocalDate on,
                                                      @RequestParam(defaultValue = "90") @Min(0) @Max(3650) int expiringWithinDays) {
        LocalDate day = on == null ? LocalDate.now(java.time.ZoneId.of("Europe/Rome")) : on;
        return offices.mandates(agency, organKind, day, expiringWithinDays);
    }

    private long version(String id) {
        return offices.version(id);
    }
}
