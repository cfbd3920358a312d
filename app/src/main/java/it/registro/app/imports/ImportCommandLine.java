package it.registro.app.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * {@code java -jar registro-app.jar import FILE [--dry-run] [--user=NAME] [service settings…]}: the service started on
 * its store with its web server on the loopback interface only, the file imported as that configured account
 * (default {@code admin}), progress and the report printed, then stopped. Exit status 0 when every row is in, 1 when
 * some were refused (listed), 2 when the import could not run. While the service runs on the same data directory the
 * store is locked: use {@code POST /api/import} then.
 */
public final class ImportCommandLine {

    private ImportCommandLine() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        if (args.length < 2 || args[1].startsWith("--")) {
            out.println("Usage: java -jar registro-app.jar import FILE [--dry-run] [--user=NAME] [--registro.store.data-dir=DIR]");
            return 2;
        }
        Path path = Path.of(args[1]);
        boolean dryRun = false;
        String user = "admin";
        List<String> settings = new ArrayList<>(List.of("--server.address=127.0.0.1", "--server.port=0"));
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (args[i].startsWith("--user=")) {
                user = args[i].substring("--user=".length());
            } else {
                settings.add(args[i]);
            }
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            out.println("Cannot read " + path.toAbsolutePath() + ": " + e.getMessage());
            return 2;
        }
        String mediaType = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "text/csv" : "application/json";
        try (ConfigurableApplicationContext context = SpringApplication.run(application, settings.toArray(String[]::new))) {
            UserDetails account;
            try {
                account = context.getBean(UserDetailsService.class).loadUserByUsername(user);
            } catch (RuntimeException e) {
                out.println("No account '" + user + "' in the service's configuration");
                return 2;
            }
            ImportFile file = ImportFile.parse(content, mediaType);
            out.println("Importing " + path.getFileName() + " (SHA-256 " + file.sha256() + ", " + file.rows().size() + " rows) as " + user
                    + (dryRun ? ", dry run" : ""));
            Importer.Report report = context.getBean(Importer.class).run(file, path.getFileName().toString(), dryRun,
                    UsernamePasswordAuthenticationToken.authenticated(account.getUsername(), null, account.getAuthorities()),
                    p -> out.println(p.line()));
            out.printf(java.util.Locale.ROOT, "Done in %.1f s: %d rows, %d imported, %d already in, %d refused%s%n", report.seconds(), report.rows(),
                    report.imported(), report.alreadyImported(), report.refused(), dryRun ? ", " + report.wouldImport() + " would be imported" : "");
            for (Importer.RefusedRow r : report.refusedRows()) {
                out.printf("Row %d %s: %s %s%s%n", r.row(), r.path(), r.code(), r.message(), r.field() == null ? "" : " (" + r.field() + ")");
            }
            return report.refused() == 0 ? 0 : 1;
        } catch (it.registro.app.web.ApiException e) {
            out.println("The file cannot be imported: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // the reason was logged where it arose (a data directory in use is named by its failure analyzer)
            out.println("The import could not run: " + e.getMessage());
            return 2;
        }
    }
}
