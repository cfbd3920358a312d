package it.registro.app.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.ApiException;
import it.registro.domain.audit.api.FindAuditTrail;
import it.registro.projections.audit.AuditProjection;

/** What auditors read: every stored event with who recorded it, when, and what it concerns. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The audit trail of every event and the history of each aggregate (auditors, administrators)")
public class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    private final QueryGateway queries;

    private final AsRecorded asRecorded;

    private final AuditHistory histories;

    public AuditController(QueryGateway queries, AsRecorded asRecorded, AuditHistory histories) {
        this.histories = histories;
        this.queries = queries;
        this.asRecorded = asRecorded;
    }

    /** The read model of a body, session, act or POAS as the register knew it at an instant, before any later correction. */
    @GetMapping("/aggregates/{id}/as-recorded")
    @Operation(summary = "A body, session, act or POAS as recorded at an instant: rebuilt from the events recorded before it")
    public AsRecorded.View asRecorded(@PathVariable String id, @RequestParam Instant at) {
        return asRecorded.at(id, at);
    }

    @GetMapping("/events")
    @Operation(summary = "Events by aggregate, body, act, person, recording time [from, to) and business date [from, to], paged in recording order")
    public AuditProjection.Page events(@RequestParam(required = false) String aggregate, @RequestParam(required = false) String body,
                                       @RequestParam(required = false) String act, @RequestParam(required = false) String person,
                                       @RequestParam(required = false) Instant recordedFrom, @RequestParam(required = false) Instant recordedTo,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessFrom,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessTo,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PAGE_OUT_OF_RANGE", "page", "A page number is 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PAGE_SIZE_OUT_OF_RANGE", "size", "A page holds 1 to " + MAX_PAGE_SIZE + " entries");
        }
        if (recordedFrom != null && recordedTo != null && recordedTo.isBefore(recordedFrom)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DATES_OUT_OF_ORDER", "recordedTo", "'recordedTo' is before 'recordedFrom'");
        }
        if (businessFrom != null && businessTo != null && businessTo.isBefore(businessFrom)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DATES_OUT_OF_ORDER", "businessTo", "'businessTo' is before 'businessFrom'");
        }
        return queries.query(new FindAuditTrail(blankToNull(aggregate), blankToNull(body), blankToNull(act), blankToNull(person),
                recordedFrom, recordedTo, businessFrom, businessTo, page, size), ResponseTypes.instanceOf(AuditProjection.Page.class)).join();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The aggregate's events in order, from the event store rather than a read model, so it shows what
     * is stored. With {@code recordedBefore}, only what had been recorded by then: what the system
     * knew at that instant, before any later correction.
     */
    @GetMapping("/aggregates/{id}/history")
    @Operation(summary = "Every event of one aggregate in order with its metadata; recordedBefore shows what was known at an instant")
    public AuditHistory.History history(@PathVariable String id, @RequestParam(required = false) Instant recordedBefore) {
        return histories.history(id, recordedBefore);
    }
}
