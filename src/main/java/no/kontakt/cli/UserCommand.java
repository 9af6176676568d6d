package no.kontakt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.kontakt.config.AppConfig;
import no.kontakt.inbox.Accounts;
import no.kontakt.store.Json;
import no.kontakt.StoreFiles;
import no.kontakt.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code user add NAME --role ROLE} (password on stdin; {@code --sso-only} for none), {@code user list},
 * {@code user remove NAME}, {@code user reset-2fa NAME}.
 *
 * <p>While the server runs it holds the store's file lock, so the commands go through the running server
 * instead: at start it writes {@value #ACCESS_FILE} in the data folder (mode 0600: only the account the server runs
 * as can read it) with its loopback address and a fresh admin token that works only from this machine; the
 * commands find it and call the accounts API. When the server is stopped, the commands open the store directly.
 */
@Command(name = "user", description = "Manage staff accounts, in the store or, while the server runs, through it.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class, UserCommand.ResetTotp.class})
public final class UserCommand {
    static final String ACCESS_FILE = "local-admin.token";
    /** No store and no running server to ask: say why, with exit code 3. */
    static final int UNAVAILABLE = 3;

    @ParentCommand
    ConfigFile app;

    Stores open() {
        return StoreCommand.open(app.loadConfig());
    }

    /** The accounts of a store opened here (no server holds it). */
    static Accounts accounts(Stores stores) {
        return new Accounts(stores.users(), stores.logins(), stores.audit(), stores, Clock.systemUTC());
    }

    /** Writes the local access file (mode 0600) once the server listens. */
    public static void writeLocalAccess(Path dataDir, int port, String token) {
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, ".access", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, "http://127.0.0.1:" + port + "\n" + token + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dataDir.resolve(ACCESS_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            org.slf4j.LoggerFactory.getLogger(UserCommand.class).warn("the command line cannot manage accounts while the server runs: "
                    + "cannot write {} ({})", dataDir.resolve(ACCESS_FILE), e.toString());
        }
    }

    /** Removes the local access file at shutdown, if it is still this server's. */
    public static void removeLocalAccess(Path dataDir, String token) {
        Path file = dataDir.resolve(ACCESS_FILE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && lines.get(1).equals(token)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // gone already, or never written
        }
    }

    /** The running server's accounts API, when the access file names one that answers. */
    record Server(String base, String token) {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

        static Optional<Server> find(Path dataDir) {
            Path file = dataDir.resolve(ACCESS_FILE);
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() < 2) {
                    return Optional.empty();
                }
                Server server = new Server(lines.get(0).strip(), lines.get(1).strip());
                return server.send("GET", "/api/admin/users", null).statusCode() == 200 ? Optional.of(server) : Optional.empty();
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty(); // no file, or a server that is gone: the store is free
            }
        }

        HttpResponse<String> send(String method, String path, String json) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
                b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
                return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static String message(HttpResponse<String> r) {
            try {
                return Json.MAPPER.readTree(r.body()).path("message").asText(r.body());
            } catch (IOException e) {
                return r.body();
            }
        }
    }

    /** Runs against the running server if there is one, else against the store; a locked store without a server to ask is exit 3. */
    /** The configured unit ids, and {@code *} (every unit). */
    java.util.List<String> knownUnits() {
        AppConfig config = app.loadConfig();
        java.util.List<String> known = new java.util.ArrayList<>(java.util.List.of("*", config.unit().id()));
        config.units().forEach(u -> known.add(u.id()));
        return known;
    }

    int either(java.util.function.Function<Server, Integer> viaServer, java.util.function.Function<Stores, Integer> viaStore) {
        AppConfig config = app.loadConfig();
        Optional<Server> server = Server.find(config.store().dataDir());
        if (server.isPresent()) {
            return viaServer.apply(server.get());
        }
        try (Stores stores = open()) {
            return viaStore.apply(stores);
        } catch (no.kontakt.store.StoreException e) {
            if (e.getMessage() != null && e.getMessage().contains("in use")) {
                System.err.println("kontakt: the store is in use by a running server, and " + config.store().dataDir().resolve(ACCESS_FILE)
                        + " does not lead to it (the server could not write it, or runs as another user who owns it). "
                        + "Run this command as the server's user, or use the accounts page in /admin.");
                return UNAVAILABLE;
            }
            throw e;
        }
    }

    @Command(name = "add", description = "Add or replace an account; reads the password from stdin (one line).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", description = "user name (an e-mail address is fine: single sign-on matches it)")
        String name;

        @Option(names = "--role", required = true, description = "staff, peer, oncall or admin")
        String role;

        @Option(names = "--sso-only", description = "no password: the person signs in only through single sign-on")
        boolean ssoOnly;

        @Option(names = "--unit", split = ",", description = "the units whose conversations the person sees (repeat or comma-separate; * is every"
                + " unit); left out: the default unit")
        java.util.List<String> units;

        @Override
        public Integer call() throws Exception {
            char[] password = ssoOnly ? null : readPassword();
            try {
                if (units != null && !user.knownUnits().containsAll(units)) {
                    System.err.println("kontakt: --unit must name configured units (" + String.join(", ", user.knownUnits()) + ")");
                    return 2;
                }
                return user.either(server -> {
                    ObjectNode body = Json.MAPPER.createObjectNode().put("username", name).put("role", role);
                    if (password != null) {
                        body.put("password", new String(password));
                    }
                    if (units != null) {
                        units.forEach(body.putArray("units")::add);
                    }
                    HttpResponse<String> r = server.send("POST", "/api/admin/users", body.toString());
                    if (r.statusCode() == 409) { // replace, as on the store: a new role and password
                        ObjectNode change = Json.MAPPER.createObjectNode().put("role", role);
                        if (password != null) {
                            change.put("password", new String(password));
                        }
                        if (units != null) {
                            units.forEach(change.putArray("units")::add);
                        }
                        r = server.send("PATCH", "/api/admin/users/" + enc(name), change.toString());
                    }
                    return report(r, "saved " + Accounts.normalize(name) + " (" + role + ")");
                }, stores -> {
                    try {
                        accounts(stores).add(name, role, password);
                        if (units != null) {
                            accounts(stores).units(name, units);
                        }
                        System.out.println("saved " + Accounts.normalize(name) + " (" + role + ")");
                        return 0;
                    } catch (IllegalArgumentException e) {
                        System.err.println("kontakt: " + e.getMessage());
                        return 1;
                    }
                });
            } finally {
                if (password != null) {
                    java.util.Arrays.fill(password, '\0');
                }
            }
        }

        private char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                return console.readPassword("Password for %s: ", name);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    @Command(name = "list", description = "List the accounts: name, role, whether a second factor is set up.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Override
        public Integer call() {
            return user.either(server -> {
                HttpResponse<String> r = server.send("GET", "/api/admin/users", null);
                if (r.statusCode() != 200) {
                    return report(r, "");
                }
                try {
                    for (JsonNode u : Json.MAPPER.readTree(r.body())) {
                        java.util.List<String> units = new java.util.ArrayList<>();
                        u.path("units").forEach(id -> units.add(id.asText()));
                        String defaultUnit = user.knownUnits().get(1);
                        System.out.println(u.path("username").asText() + "\t" + u.path("role").asText() + (u.path("totp").asBoolean() ? "\t2fa" : "")
                                + (units.isEmpty() || units.equals(java.util.List.of(defaultUnit)) ? "" : "\tunits=" + String.join(",", units)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return 0;
            }, stores -> {
                accounts(stores).list().forEach(u -> System.out.println(u.username() + "\t" + u.role() + (u.hasTotp() ? "\t2fa" : "")
                        + (u.units() == null ? "" : "\tunits=" + String.join(",", u.units()))));
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove an account (its logins end at once).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", description = "user name")
        String name;

        @Override
        public Integer call() {
            String done = "removed " + Accounts.normalize(name);
            return user.either(server -> report(server.send("DELETE", "/api/admin/users/" + enc(name), null), name, done),
                    stores -> report(accounts(stores).remove(name), name, done));
        }
    }

    @Command(name = "reset-2fa", description = "Remove an account's second factor (it sets one up again at its next login).")
    static final class ResetTotp implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", description = "user name")
        String name;

        @Override
        public Integer call() {
            String done = "second factor removed for " + Accounts.normalize(name);
            return user.either(server -> report(server.send("PATCH", "/api/admin/users/" + enc(name), "{\"resetTotp\":true}"), name, done),
                    stores -> report(accounts(stores).update(name, null, null, true).isPresent(), name, done));
        }
    }

    /** A change to one account, through the server: 404 is "no user NAME" (exit 1), as on the store. */
    private static int report(HttpResponse<String> r, String name, String done) {
        return r.statusCode() == 404 ? report(false, name, done) : report(r, done);
    }

    /** A change to one account, on the store: {@code done} when it was there, else "no user NAME" (exit 1). */
    private static int report(boolean found, String name, String done) {
        System.out.println(found ? done : "no user " + Accounts.normalize(name));
        return found ? 0 : 1;
    }

    private static int report(HttpResponse<String> r, String done) {
        if (r.statusCode() / 100 == 2) {
            if (!done.isEmpty()) {
                System.out.println(done);
            }
            return 0;
        }
        System.err.println("kontakt: " + Server.message(r));
        return 1;
    }

    private static String enc(String name) {
        return java.net.URLEncoder.encode(Accounts.normalize(name), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
