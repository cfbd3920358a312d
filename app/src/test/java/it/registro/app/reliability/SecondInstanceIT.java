package it.registro.app.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import it.registro.app.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** A second service on a data directory in use stops at once and says why, in one message naming the directory. */
class SecondInstanceIT {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("a second instance on a locked data directory stops with a clear message naming the directory, and no stack trace")
    void secondInstanceStops() throws Exception {
        Path logs = Path.of("target", "reliability");
        try (ServiceProcess first = ServiceProcess.start(dataDir, logs.resolve("first-instance.log")).awaitUp()) {
            ServiceProcess second = ServiceProcess.start(dataDir, logs.resolve("second-instance.log"));
            assertThat(second.process().waitFor(5, TimeUnit.MINUTES)).as("the second instance stopped").isTrue();
            assertThat(second.process().exitValue()).isNotZero();
            List<String> lines = Files.readAllLines(second.log());
            assertThat(lines).anyMatch(l -> l.contains("is locked by another process") && l.contains(dataDir.toAbsolutePath().toString()));
            assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception:"));
            // the first one is unharmed
            assertThat(first.as("sindaco", "demo-sindaco").get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
