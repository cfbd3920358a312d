package it.registro.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the service itself: rebuilding the read models from the events. */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Rebuild of the read models, with its progress")
public class AdminController {

    private final ReadModelRebuild rebuild;

    public AdminController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Reset every read model and replay every event (administrators); 409 while one runs")
    public ResponseEntity<ReadModelRebuild.Status> start(Authentication caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start(caller.getName()));
    }

    @GetMapping("/rebuild")
    @Operation(summary = "Progress of the last rebuild: done/total events, rate, ETA, and each processor")
    public ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
