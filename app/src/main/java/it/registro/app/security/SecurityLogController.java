package it.registro.app.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Security", description = "Refused attempts, for auditors")
public class SecurityLogController {

    private final SecurityLog securityLog;

    public SecurityLogController(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    @GetMapping(path = "/api/security/denials", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest refused attempts: who, what, on what, why")
    public List<SecurityLog.Entry> denials(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return securityLog.latest(limit);
    }
}
