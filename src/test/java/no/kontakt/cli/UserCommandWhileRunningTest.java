package no.kontakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import no.kontakt.App;
import no.kontakt.Kontakt;
import no.kontakt.testing.Api;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kontakt user …} while the server runs (it holds the store's lock): the commands go through the server's API. */
class UserCommandWhileRunningTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static synchronized Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = App.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void add_list_and_remove_work_while_the_server_runs_and_a_removal_ends_the_login_at_once() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("kontakt.yaml");
        Files.writeString(config, "store:\n  data_dir: " + data + "\n");
        var env = TestKontakt.env(data);
        try (Kontakt kontakt = Kontakt.start(TestKontakt.config(env), env::get, Clock.systemUTC())) {
            Path access = data.resolve(UserCommand.ACCESS_FILE);
            assertThat(Files.getPosixFilePermissions(access)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            Run add = run("a long staff password\n", "--config", config.toString(), "user", "add", "Kari@Kommune.no", "--role", "staff");
            assertThat(add.exit()).as(add.err()).isZero();
            assertThat(add.out()).isEqualTo("saved kari@kommune.no (staff)\n");
            assertThat(kontakt.accounts().user("kari@kommune.no").orElseThrow().role()).isEqualTo("staff");
            Run shortPassword = run("short\n", "--config", config.toString(), "user", "add", "ola", "--role", "admin");
            assertThat(shortPassword.exit()).isEqualTo(1);
            assertThat(shortPassword.err()).contains("at least 12 characters");
            assertThat(run("", "--config", config.toString(), "user", "list").out()).isEqualTo("kari@kommune.no\tstaff\n");

            Api kari = new Api(kontakt.port());
            assertThat(kari.login("kari@kommune.no", "a long staff password").status()).isEqualTo(200);
            Run again = run("another long password\n", "--config", config.toString(), "user", "add", "kari@kommune.no", "--role", "peer");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(kari.get("/api/me").status()).as("a new role and password end the login").isEqualTo(401);
            assertThat(kari.login("kari@kommune.no", "another long password").json().get("role").asText()).isEqualTo("peer");

            assertThat(run("", "--config", config.toString(), "user", "remove", "kari@kommune.no").exit()).isZero();
            assertThat(kari.get("/api/me").status()).isEqualTo(401);
            for (String command : List.of("remove", "reset-2fa")) { // through the server, the same words as on the store
                Run unknown = run("", "--config", config.toString(), "user", command, "kari@kommune.no");
                assertThat(unknown.exit()).as(command).isEqualTo(1);
                assertThat(unknown.out()).as(command).isEqualTo("no user kari@kommune.no\n");
            }

            // without the access file the store's lock stands in the way: a clear message and exit code 3
            byte[] saved = Files.readAllBytes(access);
            Files.delete(access);
            Run blocked = run("", "--config", config.toString(), "user", "list");
            assertThat(blocked.exit()).isEqualTo(UserCommand.UNAVAILABLE);
            assertThat(blocked.err()).contains("in use by a running server").contains(UserCommand.ACCESS_FILE);
            Files.write(access, saved);

            // the token works only for the accounts, and only from this machine's loopback
            Api withToken = new Api(kontakt.port());
            String token = new String(saved, StandardCharsets.UTF_8).split("\n")[1];
            assertThat(withToken.send("GET", "/api/inbox/conversations", null, false).status()).isEqualTo(401);
            var http = java.net.http.HttpClient.newHttpClient();
            var inbox = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + kontakt.port() + "/api/inbox/conversations"))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(inbox.statusCode()).isEqualTo(403);
        }
        assertThat(data.resolve(UserCommand.ACCESS_FILE)).doesNotExist();
        // stopped: the commands open the store themselves
        Run list = run("", "--config", config.toString(), "user", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).isEmpty();
    }
}
