package it.registro.app.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import it.registro.app.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar registro-app.jar import FILE}: the packaged service imports a file into its data directory and stops. */
class ImportCommandLineIT {

    @TempDir
    Path dir;

    private record Run(int exit, List<String> lines) {
    }

    private Run importFile(Path file, String... extra) throws Exception {
        Path log = Path.of("target", "reliability", "import-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-jar", ServiceProcess.jar().toString(), "import", file.toString(),
                "--registro.store.data-dir=" + dir.resolve("data").toAbsolutePath()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the import ended").isTrue();
        return new Run(p.exitValue(), Files.readAllLines(log));
    }

    @Test
    @DisplayName("a file imported from the command line, then again (nothing changes), then a refused row; the service then shows the rows")
    void importFromTheCommandLine() throws Exception {
        Path persons = dir.resolve("persons.json");
        Files.writeString(persons, """
                [{"path":"/api/persons","body":{"id":"person-cli-1","name":"Prima Riga","source":"FIXTURE"}},
                 {"path":"/api/persons","body":{"id":"person-cli-2","name":"Seconda Riga","source":"FIXTURE"}}]""");
        Run first = importFile(persons);
        assertThat(first.exit()).as(String.join("\n", first.lines())).isZero();
        assertThat(first.lines()).anyMatch(l -> l.startsWith("Import: 2/2 rows (100%)"));
        assertThat(first.lines()).anyMatch(l -> l.startsWith("Done in") && l.contains("2 imported, 0 already in, 0 refused"));

        Run second = importFile(persons, "--user=admin");
        assertThat(second.exit()).isZero();
        assertThat(second.lines()).anyMatch(l -> l.startsWith("Done in") && l.contains("0 imported, 2 already in, 0 refused"));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "path,id,name\n/api/persons,person-cli-3,Terza Riga\n/api/admin/rebuild,,\n");
        Run refused = importFile(bad);
        assertThat(refused.exit()).as("a refused row").isEqualTo(1);
        assertThat(refused.lines()).anyMatch(l -> l.startsWith("Row 2 /api/admin/rebuild: PATH_NOT_IMPORTABLE"));

        Run unknownUser = importFile(persons, "--user=nobody");
        assertThat(unknownUser.exit()).isEqualTo(2);
        assertThat(unknownUser.lines()).anyMatch(l -> l.contains("No account 'nobody'"));

        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), Path.of("target", "reliability", "after-import.log")).awaitUp()) {
            assertThat(service.as("admin", "demo-admin").get("/api/persons/person-cli-3").status()).isEqualTo(200);
            String trail = service.as("revisore", "demo-revisore").get("/api/audit/events?aggregate=person-cli-1").body();
            assertThat(trail).contains("\"principal\":\"admin\"", "\"channel\":\"import\"", "\"importRow\":\"1\"");
        }
    }
}
