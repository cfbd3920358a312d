package it.registro.app.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
@Tag(name = "Import", description = "Bulk import of registers: a batch of API requests as JSON or CSV, with a dry run and a report of refused rows")
public class ImportController {

    private final Importer importer;

    public ImportController(Importer importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/import", consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a batch of rows (each a POST the API accepts: path and body), in order, as the caller",
            description = "JSON: an array of {path, body}, or {rows: [...]}. CSV: a 'path' column and one column per body field "
                    + "(dotted names nest, names ending in [] are lists separated by ';'). Each row is validated and authorised as "
                    + "the request itself; a row already imported (by its SHA-256) is skipped, so a second run changes nothing. "
                    + "Every imported fact names the caller, the file's SHA-256 and the row in the audit trail.")
    public Importer.Report importBatch(@RequestBody byte[] content, @RequestHeader("Content-Type") String contentType,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       @RequestParam(required = false) String name) {
        ImportFile file = ImportFile.parse(content, contentType);
        return importer.run(file, name == null ? "upload" : name, dryRun, SecurityContextHolder.getContext().getAuthentication(), p -> { });
    }
}
