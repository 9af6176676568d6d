package no.kontakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.kontakt.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as an admin uses it: validate, chat and classify, through {@code App.run}. */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private static synchronized Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = App.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    @Test
    void validate_passes_the_shipped_scripts() {
        Run run = run("", "validate", "conversations");
        assertThat(run.out()).contains("0 errors, 0 warnings");
        assertThat(run.exit()).isZero();
    }

    @Test
    void validate_reports_a_missing_step_a_missing_language_and_an_emoji_with_their_locations() throws IOException {
        Path copy = dir.resolve("conversations");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("conversations"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path contact = copy.resolve("contact.yaml");
        String yaml = Files.readString(contact)
                .replace("      next: ask_channel\n", "      next: ask_chanel\n")
                .replace("      en: \"Shall we call you (1) or text you (2)?\"\n", "")
                .replace("Vad vill du att vi kallar dig?", "Vad vill du att vi kallar dig? 🙂");
        Files.writeString(contact, yaml);

        Run run = run("", "validate", copy.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern(contact + ":\\d+:\\d+: step 'ask_topic': 'ask_chanel' is not a step \\(known: ")
                .containsPattern(contact + ":\\d+:\\d+: step 'ask_channel': the en text is missing")
                .containsPattern(contact + ":\\d+:\\d+: warning: step 'ask_name' \\(sv\\): '🙂' makes the SMS UCS-2");
    }

    @Test
    void chat_shows_the_menu_and_then_where_1_leads() {
        Run run = run("hei\n1\n", "chat", "--at", "2026-11-24T10:00:00+01:00");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Dette er Kontakt").contains("Svar med et tall").contains("Hva vil du snakke om?");
        assertThat(run.out().indexOf("Svar med et tall")).isLessThan(run.out().indexOf("Hva vil du snakke om?"));
    }

    @Test
    void chat_speaks_the_language_asked_for() {
        Run run = run("hi\n", "chat", "--lang", "en");
        assertThat(run.out()).contains("Reply with a number");
    }

    @Test
    void user_add_gives_a_person_units_of_the_configuration_only() throws Exception {
        Path config = dir.resolve("kontakt.yaml");
        Files.writeString(config, "store:\n  data_dir: " + dir.resolve("data") + "\nunits:\n  - id: vest\n    numbers: [\"+4759440001\"]\n");
        assertThat(run("a long staff password\n", "--config", config.toString(), "user", "add", "vera", "--role", "staff", "--unit", "vest").exit()).isZero();
        assertThat(run("a long admin password\n", "--config", config.toString(), "user", "add", "ola", "--role", "admin", "--unit", "*").exit()).isZero();
        assertThat(run("a long staff password\n", "--config", config.toString(), "user", "add", "kari", "--role", "staff").exit()).isZero();
        var unknown = run("a long staff password\n", "--config", config.toString(), "user", "add", "per", "--role", "staff", "--unit", "nord");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(run("", "--config", config.toString(), "user", "list").out()).isEqualTo("kari\tstaff\nola\tadmin\tunits=*\nvera\tstaff\tunits=vest\n");
    }

    @Test
    void user_add_list_and_remove_work_on_the_configured_store() throws Exception {
        Path config = dir.resolve("kontakt.yaml");
        Files.writeString(config, "store:\n  data_dir: " + dir.resolve("data") + "\n");
        assertThat(run("a long staff password\n", "--config", config.toString(), "user", "add", "kari", "--role", "staff").exit()).isZero();
        assertThat(run("short\n", "--config", config.toString(), "user", "add", "ola", "--role", "admin").exit()).isEqualTo(1);
        assertThat(run("a long staff password\n", "--config", config.toString(), "user", "add", "ola", "--role", "boss").exit()).isEqualTo(1);
        assertThat(run("", "--config", config.toString(), "user", "list").out()).isEqualTo("kari\tstaff\n");
        byte[] secret = no.kontakt.privacy.SecretKey.load(name -> null, dir.resolve("data"));
        try (var stores = new no.kontakt.store.Stores(no.kontakt.store.mapdb.MapDbStorage.open(dir.resolve("data")), 1,
                java.time.ZoneId.of("Europe/Oslo"), new no.kontakt.store.SealedJson(secret, null))) {
            String hash = stores.staff().user("kari").orElseThrow().passwordHash();
            assertThat(hash).startsWith("$2").doesNotContain("a long staff password");
        }
        assertThat(run("", "--config", config.toString(), "user", "remove", "kari").exit()).isZero();
        assertThat(run("", "--config", config.toString(), "user", "list").out()).isEmpty();
        for (String command : List.of("remove", "reset-2fa")) {
            var unknown = run("", "--config", config.toString(), "user", command, "Kari");
            assertThat(unknown.exit()).as(command).isEqualTo(1);
            assertThat(unknown.out()).as(command).isEqualTo("no user kari\n");
        }
    }

    @Test
    void store_check_counts_and_message_sids_lists_what_was_received() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("kontakt.yaml");
        Files.writeString(config, Files.readString(Path.of("config/kontakt.yaml")).replace("  data_dir: data", "  data_dir: " + data));
        var env = no.kontakt.testing.TestKontakt.env(data);
        env.remove("KONTAKT_SECRET_KEY"); // the CLI below reads the key the server made in the data folder
        try (var kontakt = no.kontakt.Kontakt.create(no.kontakt.testing.TestKontakt.config(env), env::get, java.time.Clock.systemUTC())) {
            kontakt.conversations().receive(new no.kontakt.channel.InboundMessage("sms", "SMaaa", "+4791234567", "+4759440000", "hei", 0, java.time.Instant.now()));
            kontakt.conversations().receive(new no.kontakt.channel.InboundMessage("sms", "SMbbb", "+4791234567", "+4759440000", "1", 0, java.time.Instant.now()));
        }
        Run check = run("", "--config", config.toString(), "store", "check");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).startsWith("{\"status\":\"ok\",\"conversations\":1,\"messages\":5,\"inbound_message_ids\":2,\"outbox_pending\":0,");
        assertThat(run("", "--config", config.toString(), "store", "message-sids").out()).isEqualTo("SMaaa\nSMbbb\n");
    }

    @Test
    void classify_prints_one_json_object_a_line() {
        Run run = run("jeg vil ha en samtale\nkan noen ringe meg\n", "classify");
        assertThat(run.exit()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("{\"text\":\"kan noen ringe meg\",\"language\":").contains("\"intent\":\"contact\"").contains("\"risk\":false");
    }
}
