package no.kontakt.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kontakt in a JVM of its own, started through {@code App.main} as {@code mvn exec:java} and the jar do,
 * so a test can kill it with SIGKILL and start it again on the same store.
 */
public final class ForkedKontakt implements AutoCloseable {
    private final Process process;
    public final int port;
    public final Duration startup;

    private ForkedKontakt(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code App} with the given arguments and waits until {@code /health} answers 200. */
    public static ForkedKontakt start(Path dataDir, int port, Path log, String... args) {
        return start(dataDir, port, log, Map.of(), args);
    }

    public static ForkedKontakt start(Path dataDir, int port, Path log, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = TestKontakt.env(dataDir);
        env.putAll(extraEnv);
        env.put("KONTAKT_PORT", String.valueOf(port));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "no.kontakt.App"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        try {
            Process process = builder.start();
            TwilioRequests client = new TwilioRequests(port);
            try {
                Await.until("/health answers 200 (see " + log + ")", Duration.ofSeconds(60), () -> !process.isAlive() || healthy(client));
            } catch (AssertionError e) {
                process.destroyForcibly();
                throw e;
            }
            if (!process.isAlive()) {
                String tail = java.nio.file.Files.readString(log);
                throw new IllegalStateException("Kontakt exited with " + process.exitValue() + "; the end of its log:\n"
                        + tail.substring(Math.max(0, tail.length() - 4000)));
            }
            return new ForkedKontakt(process, port, Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean healthy(TwilioRequests client) {
        try {
            return client.get("/health").statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false; // not listening yet
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then wait for a clean exit. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
