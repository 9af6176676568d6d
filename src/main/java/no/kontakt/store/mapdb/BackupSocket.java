package no.kontakt.store.mapdb;

import no.kontakt.store.BackupResult;
import no.kontakt.store.Json;
import no.kontakt.store.OwnerOnly;
import no.kontakt.store.Stores;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code kontakt store backup} reaches a running server: a Unix domain socket, {@code control.sock} in the data
 * folder (0700, so only the account that runs Kontakt can connect). A request is one line, {@code backup /abs/path}
 * or {@code ping}; the answer is one JSON line. The server writes the backup itself (it holds the store's lock), between
 * two group commits.
 */
public final class BackupSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackupSocket.class);
    public static final String FILE_NAME = "control.sock";
    private static final int MAX_PATH = 100; // sun_path is 108 bytes on Linux, 104 on macOS

    private final ServerSocketChannel server;
    private final Path path;
    private final Thread thread;

    private BackupSocket(ServerSocketChannel server, Path path, Stores stores) {
        this.server = server;
        this.path = path;
        this.thread = new Thread(() -> serve(stores), "store-control");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Listens in the data folder of the stores; empty (with a warning) for a store in memory or a path too long. */
    public static Optional<BackupSocket> start(Stores stores) {
        Optional<Path> folder = stores.folder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path path = folder.get().resolve(FILE_NAME);
        if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH) {
            log.warn("online backup is off: the control socket path is too long for the system ({}); stop Kontakt to back up", path);
            return Optional.empty();
        }
        try {
            Files.deleteIfExists(path); // left by a Kontakt that was killed: this process holds the store's lock now
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            if (OwnerOnly.posix()) {
                Files.setPosixFilePermissions(path, OwnerOnly.FILE); // and the folder is 0700
            }
            return Optional.of(new BackupSocket(server, path, stores));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("online backup is off: cannot listen on {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    private void serve(Stores stores) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String request = readLine(client);
                String answer = answer(request, stores);
                client.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (server.isOpen()) {
                    log.warn("control socket request failed: {}", e.getMessage());
                }
            }
        }
    }

    private static String answer(String request, Stores stores) {
        Map<String, Object> out = new LinkedHashMap<>();
        if ("ping".equals(request)) {
            out.put("status", "running");
        } else if (request.startsWith("backup ") && Path.of(request.substring(7)).isAbsolute()) {
            try {
                BackupResult r = Backups.backup(stores, Path.of(request.substring(7)));
                out.put("status", "ok");
                out.put("file", r.file().toString());
                out.put("bytes", r.bytes());
                out.put("writes_paused_ms", r.millisWritesPaused());
                out.put("tables", r.tables());
            } catch (RuntimeException e) {
                out.put("status", "error");
                out.put("message", e.getMessage());
            }
        } else {
            out.put("status", "error");
            out.put("message", "unknown request (known: ping, backup /absolute/path)");
        }
        return new String(Json.bytes(out), StandardCharsets.UTF_8);
    }

    /**
     * Sends one request to the Kontakt running on {@code dataDir}; empty when none answers there (no socket, or a
     * socket left by a Kontakt that is gone).
     */
    public static Optional<String> ask(Path dataDir, String request) {
        Path path = dataDir.toAbsolutePath().resolve(FILE_NAME);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            return Optional.of(readLine(channel));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readLine(SocketChannel channel) throws IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new IOException("the connection closed before a line was read");
        }
        return line.strip();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("cannot remove the control socket {}: {}", path, e.getMessage());
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
