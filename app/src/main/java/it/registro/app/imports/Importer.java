package it.registro.app.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import it.registro.app.security.ImportTokens;
import it.registro.projections.imports.ImportedRows;
import tools.jackson.databind.JsonNode;

/**
 * Imports a batch of rows into the register. Each row is the request the API would receive, sent to the service's own
 * API over the loopback interface as the importing user (a one-time credential, see ImportTokens): it is validated,
 * authorised per body and refused exactly as that request would be, and each event it causes names the importing user,
 * the file's SHA-256 and the row. A row already in the register (its SHA-256 on an earlier event) is skipped, so the same
 * file imported twice changes nothing. A dry run reads the file and says what would be done, sending nothing.
 */
@Service
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    /** Paths a row may not take: the import itself, the service's operations, the audit and security logs. */
    private static final List<String> NOT_IMPORTABLE = List.of("/api/import", "/api/admin", "/api/audit", "/api/security");

    /** How far the run is: rows done of all, how many of each outcome, and the rate. */
    public record Progress(int done, int total, int imported, int alreadyImported, int refused, double rowsPerSecond) {

        public String line() {
            return String.format(java.util.Locale.ROOT, "Import: %d/%d rows (%d%%), %d imported, %d already in, %d refused, %.1f rows/s",
                    done, total, total == 0 ? 100 : done * 100 / total, imported, alreadyImported, refused, rowsPerSecond);
        }
    }

    /** A row refused, with the problem the API answered for it (or the import's own). */
    public record RefusedRow(int row, String path, int status, String code, String field, String message) {
    }

    public record Report(String fileSha256, String fileName, boolean dryRun, int rows, int imported, int alreadyImported, int refused,
                         int wouldImport, double seconds, double rowsPerSecond, List<RefusedRow> refusedRows) {
    }

    private final ApplicationContext context;
    private final ImportTokens tokens;
    private final QueryGateway queries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    public Importer(ApplicationContext context, ImportTokens tokens, QueryGateway queries) {
        this.context = context;
        this.tokens = tokens;
        this.queries = queries;
    }

    public Report run(ImportFile file, String fileName, boolean dryRun, Authentication who, Consumer<Progress> progress) {
        long start = System.nanoTime();
        Set<String> already = new HashSet<>(queries.query(new ImportedRows.FindImportedRows(file.rows().stream().map(ImportFile.Row::sha256).toList()),
                ResponseTypes.instanceOf(ImportedRows.Found.class)).join().rowHashes());
        List<RefusedRow> refused = new ArrayList<>();
        int imported = 0;
        int skipped = 0;
        int would = 0;
        String token = dryRun ? null : tokens.issue(who);
        long lastReport = System.nanoTime();
        try {
            int done = 0;
            for (ImportFile.Row row : file.rows()) {
                if (!importable(row.path())) {
                    refused.add(new RefusedRow(row.number(), row.path(), 400, "PATH_NOT_IMPORTABLE", "path",
                            "Rows are requests to /api/… other than the import, the service's operations, the audit and security logs"));
                } else if (already.contains(row.sha256())) {
                    skipped++;
                } else if (dryRun) {
                    would++;
                    already.add(row.sha256()); // the same row twice in one file goes in once
                } else {
                    RefusedRow problem = send(token, file, row);
                    if (problem == null) {
                        imported++;
                        already.add(row.sha256());
                    } else {
                        refused.add(problem);
                    }
                }
                done++;
                if (System.nanoTime() - lastReport > 2_000_000_000L || done == file.rows().size()) {
                    lastReport = System.nanoTime();
                    Progress p = new Progress(done, file.rows().size(), imported, skipped, refused.size(), done / seconds(start));
                    progress.accept(p);
                    log.info("{} ({})", p.line(), fileName);
                }
            }
        } finally {
            if (token != null) {
                tokens.revoke(token);
            }
        }
        double seconds = seconds(start);
        return new Report(file.sha256(), fileName, dryRun, file.rows().size(), imported, skipped, refused.size(), would, seconds,
                file.rows().size() / seconds, refused);
    }

    private RefusedRow send(String token, ImportFile file, ImportFile.Row row) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + row.path()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(ImportTokens.HEADER, token)
                .header("Registro-Import-File", file.sha256())
                .header("Registro-Import-Row", String.valueOf(row.number()))
                .header("Registro-Import-Row-Hash", row.sha256())
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(ImportFile.JSON.writeValueAsString(row.body()))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return new RefusedRow(row.number(), row.path(), 503, "IMPORT_ROW_NOT_SENT", null, "The row could not be sent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted at row " + row.number(), e);
        }
        if (response.statusCode() / 100 == 2) {
            return null;
        }
        String code = "HTTP_" + response.statusCode();
        String field = null;
        String message = response.body();
        try {
            JsonNode problem = ImportFile.JSON.readTree(response.body());
            code = problem.path("code").asString(code);
            field = problem.path("field").isMissingNode() || problem.path("field").isNull() ? null : problem.path("field").asString();
            message = problem.path("detail").asString(message);
        } catch (RuntimeException notJson) {
            // the answer is kept as it came
        }
        return new RefusedRow(row.number(), row.path(), response.statusCode(), code, field, message);
    }

    private static boolean importable(String path) {
        return path != null && path.startsWith("/api/") && !path.contains("..") && !path.contains("?") && !path.contains("#")
                && NOT_IMPORTABLE.stream().noneMatch(path::startsWith);
    }

    private int port() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return web.getWebServer().getPort();
        }
        throw new IllegalStateException("The import needs the service's web server");
    }

    private static double seconds(long start) {
        return Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    }
}
