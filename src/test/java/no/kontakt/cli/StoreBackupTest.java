package no.kontakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import no.kontakt.App;
import no.kontakt.Kontakt;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.Json;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `store backup` while the server takes signed webhooks, then `store restore` into a new data folder. */
class StoreBackupTest {
    @TempDir
    Path dir;

    private record Run(int exit, JsonNode line) {}

    private static synchronized Run run(String... args) throws Exception {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = App.run(args);
            String text = out.toString(StandardCharsets.UTF_8).strip();
            return new Run(exit, Json.MAPPER.readTree(text.substring(text.lastIndexOf('\n') + 1)));
        } finally {
            System.setOut(oldOut);
        }
    }

    private Path config(Path data) throws Exception {
        Path file = dir.resolve(data.getFileName() + ".yaml");
        Files.writeString(file, Files.readString(Path.of("config/kontakt.yaml")).replace("  data_dir: data", "  data_dir: " + data));
        return file;
    }

    @Test
    void a_backup_taken_under_load_restores_into_a_new_folder_with_every_message_acknowledged_before_it() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backups").resolve("kontakt-1.backup");
        Files.createDirectories(backup.getParent());
        var env = TestKontakt.env(data);
        env.remove("KONTAKT_SECRET_KEY"); // server and CLI share the key file made beside the data folder (dir/keys)
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warm = new CountDownLatch(20);
        CountDownLatch after = new CountDownLatch(5);
        AtomicBoolean backedUp = new AtomicBoolean();
        List<String> before;
        try (Kontakt kontakt = Kontakt.start(TestKontakt.config(env), env::get, java.time.Clock.systemUTC())) {
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            Thread load = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String sid = TwilioRequests.newSid();
                    var response = twilio.post("/twilio/sms", TwilioRequests.sms(sid, String.format("+47900%05d", n % 50), "hei " + n));
                    if (response.statusCode() == 200) {
                        acknowledged.add(sid);
                        warm.countDown();
                        if (backedUp.get()) {
                            after.countDown();
                        }
                    }
                }
            }, "webhook-load");
            load.start();
            assertThat(warm.await(120, TimeUnit.SECONDS)).isTrue();
            before = List.copyOf(acknowledged); // every one of these got its 200 before the backup began

            Run backupRun = run("--config", config(data).toString(), "store", "backup", backup.toString());
            backedUp.set(true);
            assertThat(after.await(120, TimeUnit.SECONDS)).as("webhooks go on being answered after the backup").isTrue();

            assertThat(backupRun.exit()).as(backupRun.line().toString()).isZero();
            assertThat(backupRun.line().get("status").asText()).isEqualTo("ok");
            assertThat(backupRun.line().get("writes_paused_ms")).as("written by the running server").isNotNull();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
            assertThat(Files.list(backup.getParent()).toList()).containsExactly(backup); // no leftover .part

            Run refused = run("--config", config(data).toString(), "store", "restore", backup.toString(), "--replace");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.line().get("message").asText()).contains("Kontakt is running on").contains("stop it before restoring");
            stop.set(true);
            load.join();
        }

        Path restored = dir.resolve("restored");
        Run restore = run("--config", config(restored).toString(), "store", "restore", backup.toString());
        assertThat(restore.exit()).as(restore.line().toString()).isZero();
        Run check = run("--config", config(restored).toString(), "store", "check");
        assertThat(check.exit()).as(check.line().toString()).isZero();
        assertThat(check.line().get("status").asText()).isEqualTo("ok");

        byte[] secret = SecretKey.load(name -> null, restored);
        try (Stores stores = new Stores(MapDbStorage.open(restored), 1, java.time.ZoneId.of("Europe/Oslo"), new SealedJson(secret, null))) {
            assertThat(before).allSatisfy(sid -> assertThat(stores.inbound().find(sid)).as("acknowledged %s", sid).isPresent());
            assertThat(stores.inbound().count()).isLessThan(acknowledged.size()); // a snapshot: later ones are not in it
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("kontakt.mapdb")))).isEqualTo("rw-------");
        Run again = run("--config", config(restored).toString(), "store", "restore", backup.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.line().get("message").asText()).contains("already holds a store; add --replace");
        assertThat(run("--config", config(restored).toString(), "store", "restore", backup.toString(), "--replace").exit()).isZero();
        assertThat(Files.exists(restored.resolve("kontakt.mapdb.before-restore"))).isTrue();
    }

    @Test
    void a_backup_of_a_stopped_store_is_written_by_the_command_itself() throws Exception {
        Path data = dir.resolve("data");
        var env = TestKontakt.env(data);
        env.remove("KONTAKT_SECRET_KEY");
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), env::get, java.time.Clock.systemUTC())) {
            kontakt.conversations().receive(new no.kontakt.channel.InboundMessage("sms", "SMaaa", "+4791234567", "+4759440000", "hei", 0,
                    java.time.Instant.now()));
        }
        Path backup = dir.resolve("stopped.backup");
        Run run = run("--config", config(data).toString(), "store", "backup", backup.toString());
        assertThat(run.exit()).as(run.line().toString()).isZero();
        assertThat(run.line().get("tables").get("inbound").asLong()).isEqualTo(1);
        assertThat(Files.size(backup)).isPositive();
    }
}
