package it.registro.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged service ({@code app/target/registro-app.jar}) run as a child process, as an operator runs
 * it: on the embedded file store in a data directory of the test's, with the default configuration
 * (demo accounts). It can be stopped politely or killed with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path jar() {
        Path jar = Path.of("target", "registro-app.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged service " + jar + " is missing: run this test with 'verify' (after 'package')");
        }
        return jar;
    }

    /** Starts the service on a free port; {@code extra} are further command-line settings. */
    public static ServiceProcess start(Path dataDir, Path log, String... extra) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Daxoniq.update-checker.disabled=true", "-jar", jar().toString(),
                "--server.port=" + port, "--registro.store.data-dir=" + dataDir.toAbsolutePath(),
                "--registro.security.writes-per-minute=1000000"));
        command.addAll(List.of(extra));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits, however long start-up takes on a loaded machine, until the service answers its health check. */
    public ServiceProcess awaitUp() {
        Api anonymous = Api.anonymous(port);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("The service stopped during start-up; its log: " + log + "\n" + tail());
            }
            return anonymous.get("/actuator/health").status() == 200;
        });
        return this;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public Api as(String user, String password) {
        return Api.withPassword(port, user, password);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the service's log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
