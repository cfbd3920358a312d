package it.registro.app.albo;

import java.time.OffsetDateTime;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public albo, for anyone: published minutes and adopted acts, the calendar of sittings, an OParl-style listing. */
@RestController
@Tag(name = "Albo", description = "Public: published minutes, adopted acts, sittings' calendar, listing for re-users")
public class AlboController {

    private final Albo albo;

    public AlboController(Albo albo) {
        this.albo = albo;
    }

    @GetMapping(path = "/api/albo", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Published minutes and adopted acts, newest first",
            description = "Filters: body (id), year, type (VERBALE, DECRETO, DELIBERAZIONE, …), q (subject words, all must appear); "
                    + "page from 0, size up to 100.")
    public Albo.Page list(@RequestParam(required = false) String body, @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return albo.find(body, year, type, q, page, size);
    }

    @GetMapping(path = {"/api/albo/oparl/meetings", "/api/albo/oparl/papers"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OParl-style lists for re-users: meetings (published minutes) or papers (adopted acts) changed since an instant",
            description = "modified_since: an ISO date-time with offset; page from 1; 100 objects a page, oldest change first.")
    public Map<String, Object> oparl(@RequestParam(name = "modified_since", required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
                                     @RequestParam(required = false) Integer page,
                                     jakarta.servlet.http.HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        boolean meetings = request.getRequestURI().endsWith("/meetings");
        return albo.oparl(meetings, since, page == null ? 0 : Math.max(0, page - 1), base, base + request.getRequestURI());
    }

    @GetMapping(path = "/api/bodies/{id}/sittings.ics", produces = "text/calendar")
    @Operation(summary = "The body's sittings as an iCalendar feed (RFC 5545)")
    public ResponseEntity<String> calendar(@PathVariable String id) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(albo.calendar(id, base));
    }
}
