package no.kontakt.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server in a JVM of its own: started with the benchmark's JVM flags, timed from process start to its first
 * {@code /health} 200, asked for a full GC and its heap, and stopped with SIGTERM.
 */
final class Fork implements AutoCloseable {
    private final Process process;
    final int port;
    /** When the process was started ({@link System#nanoTime()}), and how long it took to answer {@code /health} 200. */
    final long startedNanos;
    final Duration startup;
    final Path log;

    private Fork(Process process, int port, long startedNanos, Duration startup, Path log) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.startup = startup;
        this.log = log;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command that runs {@code mainClass} (or the jar's main, for {@code no.kontakt.App}) with these flags. */
    static List<String> java(List<String> flags, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        Path jar = ownJar();
        if (jar != null && mainClass.equals("no.kontakt.App")) {
            Path archive = jar.resolveSibling("kontakt.jsa"); // built with the jar: the classes of a start, mapped instead of loaded
            if (Files.isRegularFile(archive) && flags.stream().noneMatch(f -> f.startsWith("-XX:SharedArchiveFile"))) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", jar != null ? jar.toString()
                    : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** The jar this code runs from, or null when it runs from classes (tests, {@code mvn exec:java}). */
    static Path ownJar() {
        try {
            Path self = Path.of(Fork.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) && self.toString().endsWith(".jar") ? self : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Starts the command with exactly this environment and waits (up to {@code timeout}) for {@code /health} 200. */
    static Fork start(List<String> command, Map<String, String> env, int port, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        long deadline = t0 + timeout.toNanos();
        try (HttpConnection http = new HttpConnection(port)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + "; its log:\n" + tail(log));
                }
                try {
                    if (http.get("/health", "").status() == 200) {
                        return new Fork(process, port, t0, Duration.ofNanos(System.nanoTime() - t0), log);
                    }
                } catch (IOException notYet) {
                    http.close();
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not answer /health within " + timeout.toSeconds() + " s; its log:\n" + tail(log));
    }

    /** The CPU time the server has used so far (user and system, nanoseconds). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /**
     * A full GC through {@code jcmd}, then the heap in use from {@code /metrics} (bytes), or -1 when jcmd is not
     * there (a JRE) or the server has no {@code /metrics}.
     */
    long heapAfterGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                return -1;
            }
            try (HttpConnection http = new HttpConnection(port)) {
                HttpConnection.Response metrics = http.get("/metrics", "");
                return metrics.status() == 200 ? heapUsed(metrics.body()) : -1;
            }
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum of {@code jvm_memory_used_bytes{area="heap",…}} in Prometheus text. */
    static long heapUsed(String prometheus) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
