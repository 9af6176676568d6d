package no.kontakt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import no.kontakt.App;
import no.kontakt.config.AppConfig;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.Json;
import no.kontakt.store.MapDbStorage;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code store check} and {@code store message-sids}: for operators, on the store the configuration points at. */
@Command(name = "store", description = "Check the store, or list its inbound message ids.",
        subcommands = {StoreCommand.Check.class, StoreCommand.MessageSids.class})
public final class StoreCommand {
    @ParentCommand
    App app;

    Stores open() {
        AppConfig config = app.loadConfig();
        byte[] secret = SecretKey.load(System::getenv, config.store().dataDir());
        return new Stores(MapDbStorage.open(config.store().dataDir()), 8, config.unit().timeZone(),
                new SealedJson(SecretKey.store(System::getenv, secret), SecretKey.previous(System::getenv)));
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
}
