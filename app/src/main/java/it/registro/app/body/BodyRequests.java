package it.registro.app.body;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.body.api.BodyKind;

/** Request bodies of the body registry API. Limits mirror the domain's policies. */
public final class BodyRequests {

    private BodyRequests() {
    }

    public record AgencyRequest(
            @NotNull AgencyKind kind,
            @NotBlank @Size(max = 200) String name) {
    }

    /**
     * @param id optional; by default the slug of the name ("Conferenza dei Sindaci ASST Crema" →
     *           "conferenza-dei-sindaci-asst-crema")
     */
    public record RegisterBodyRequest(
            @Size(min = 2, max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                    message = "must be lower-case letters and digits in words joined by '-'") String id,
            @NotNull BodyKind kind,
            @NotNull @Valid AgencyRequest agency,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String legalBasis) {
    }

    public record RenameBodyRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 1000) String reason,
            @NotNull LocalDate effectiveFrom) {
    }
}
