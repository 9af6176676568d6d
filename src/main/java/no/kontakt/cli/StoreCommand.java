package no.kontakt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import no.kontakt.config.AppConfig;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.Json;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;
import java.nio.file.Path;
import no.kontakt.StoreFiles;
import no.kontakt.store.BackupResult;
import no.kontakt.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code store check}, {@code store message-sids}, {@code store backup FILE} and {@code store restore FILE}: for
 * operators, on the store the configuration points at.
 */
@Command(name = "store", description = "Check the store, list its inbound message ids, back it up or restore it.",
        subcommands = {StoreCommand.Check.class, StoreCommand.MessageSids.class, StoreCommand.Backup.class, StoreCommand.Restore.class,
                StoreCommand.Migrate.class})
public final class StoreCommand {
    @ParentCommand
    ConfigFile app;

    Stores open() {
        return open(app.loadConfig());
    }

    /** The store the configuration points at, opened directly (only while no server holds it). */
    static Stores open(AppConfig config) {
        return new Stores(StoreFiles.open(config.store().dataDir(), System::getenv), 8, config.unit().timeZone(), codec(config));
    }

    static SealedJson codec(AppConfig config) {
        byte[] secret = SecretKey.load(System::getenv, config.store().dataDir());
        return new SealedJson(SecretKey.store(System::getenv, secret), SecretKey.previous(System::getenv));
    }

    static int print(Map<String, Object> line) throws java.io.IOException {
        System.out.println(Json.MAPPER.writeValueAsString(line));
        return "ok".equals(line.get("status")) ? 0 : 1;
    }

    /** A backup or restore done here, printed as its JSON line: the result, or the store's error. */
    static int print(java.util.function.Supplier<BackupResult> done) throws java.io.IOException {
        try {
            return print(result(done.get()));
        } catch (StoreException e) {
            return print(error(e.getMessage()));
        }
    }

    static Map<String, Object> result(BackupResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("status", "ok");
        line.put("file", r.file().toString());
        line.put("bytes", r.bytes());
        line.put("tables", r.tables());
        return line;
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("status", "error");
        line.put("message", message);
        return line;
    }

    @Command(name = "backup", description = "Write a consistent copy of the store to FILE (0600), checked by opening it; "
            + "asks the running Kontakt to write it when one runs on the data folder.")
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Parameters(index = "0", paramLabel = "FILE", description = "the backup file to write (replaced if it exists)")
        Path file;

        @Override
        public Integer call() throws Exception {
            AppConfig config = store.app.loadConfig();
            if (StoreFiles.usesDatabase(System::getenv)) {
                return print(error("the store is in PostgreSQL (KONTAKT_DATABASE_URL): back it up with PostgreSQL's own tools (pg_dump, base backups)"));
            }
            Path target = file.toAbsolutePath();
            var answer = StoreFiles.askRunning(config.store().dataDir(), "backup " + target);
            if (answer.isPresent()) { // the running server wrote it, between two commits
                @SuppressWarnings("unchecked")
                Map<String, Object> line = Json.MAPPER.readValue(answer.get(), Map.class);
                return print(line);
            }
            return print(() -> {
                try (Stores stores = store.open()) {
                    return StoreFiles.backup(stores, target);
                }
            });
        }
    }

    @Command(name = "restore", description = "Replace the store of the (stopped) data folder with the backup FILE, after checking "
            + "that it opens.")
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Parameters(index = "0", paramLabel = "FILE", description = "a file written by `store backup`")
        Path file;

        @Option(names = "--replace", description = "replace a store the data folder already holds (kept as kontakt.mapdb.before-restore)")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            AppConfig config = store.app.loadConfig();
            Path dataDir = config.store().dataDir();
            if (StoreFiles.usesDatabase(System::getenv)) {
                return print(error("the store is in PostgreSQL (KONTAKT_DATABASE_URL): restore it with PostgreSQL's own tools"));
            }
            if (StoreFiles.askRunning(dataDir, "ping").isPresent()) {
                return print(error("Kontakt is running on " + dataDir.toAbsolutePath() + "; stop it before restoring "
                        + "(a restore replaces the whole store)"));
            }
            if (SecretKey.existing(System::getenv, dataDir).isEmpty()) {
                return print(error("no key to open the backup with: set " + SecretKey.ENV + " (or " + SecretKey.FILE_ENV + ") to the key "
                        + "of the Kontakt that wrote it, or put its key file at " + SecretKey.defaultFile(dataDir)));
            }
            return print(() -> StoreFiles.restore(file, dataDir, codec(config), config.unit().timeZone(), replace));
        }
    }

    @Command(name = "check", description = "Open the store, read every value, and print one JSON line of counts (exit 1 if a value does not open).")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Override
        public Integer call() throws Exception {
            try (Stores stores = store.open()) {
                Map<String, Long> tables = stores.verify();
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("status", "ok");
                line.put("conversations", tables.get("conversations"));
                line.put("messages", tables.get("messages"));
                line.put("inbound_message_ids", tables.get("inbound"));
                line.put("outbox_pending", tables.get("outbox"));
                line.put("tables", tables);
                System.out.println(Json.MAPPER.writeValueAsString(line));
                return 0;
            } catch (no.kontakt.store.StoreException e) {
                System.out.println(Json.MAPPER.writeValueAsString(Map.of("status", "broken", "message", e.getMessage())));
                return 1;
            }
        }
    }

    @Command(name = "message-sids", description = "Print every stored inbound MessageSid, one a line (to reconcile with Twilio's message log).")
    static final class MessageSids implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Override
        public Integer call() {
            try (Stores stores = store.open()) {
                stores.inbound().messageSids().forEach(System.out::println);
                return 0;
            }
        }
    }

    @Command(name = "migrate", description = "Copy the MapDB store of the (stopped) data folder into the empty PostgreSQL store named by "
            + "KONTAKT_DATABASE_URL, check it row by row and that every value opens, and print one JSON line of rows per table.")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Option(names = "--to", required = true, description = "the backend to copy into: postgres")
        String to;

        @Override
        public Integer call() throws Exception {
            if (!"postgres".equals(to)) {
                return print(error("--to " + to + " is not a backend to migrate to; use --to postgres"));
            }
            AppConfig config = store.app.loadConfig();
            Path dataDir = config.store().dataDir();
            if (StoreFiles.askRunning(dataDir, "ping").isPresent()) {
                return print(error("Kontakt is running on " + dataDir.toAbsolutePath() + "; stop it before migrating"));
            }
            try {
                Map<String, Long> tables = StoreFiles.migrateToDatabase(dataDir, System::getenv, codec(config), config.unit().timeZone());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("status", "ok");
                line.put("rows", tables.values().stream().mapToLong(Long::longValue).sum());
                line.put("tables", tables);
                return print(line);
            } catch (StoreException e) {
                return print(error(e.getMessage()));
            }
        }
    }
}
