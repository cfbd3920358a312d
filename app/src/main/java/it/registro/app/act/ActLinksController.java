package it.registro.app.act;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import it.registro.projections.act.ActLinksProjection;

@RestController
@Tag(name = "Acts")
public class ActLinksController {

    private final ActLinks links;

    public ActLinksController(ActLinks links) {
        this.links = links;
    }

    @GetMapping(path = "/api/act-links/unresolved", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decisions naming an act that matches no registered act, or several: to be registered or corrected")
    public List<ActLinksProjection.Resolved> unresolved() {
        return links.unresolved();
    }
}
