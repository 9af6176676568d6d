package no.kontakt;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.function.Function;
import no.kontakt.channel.DevSender;
import no.kontakt.channel.Sender;
import no.kontakt.channel.twilio.TwilioSender;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.GreetingResponder;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.MapDbStorage;
import no.kontakt.store.Storage;
import no.kontakt.store.Stores;
import no.kontakt.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part from the configuration, starts the server, closes in order. */
public final class Kontakt implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Kontakt.class);

    private final AppConfig config;
    private final Stores stores;
    private final Sender sender;
    private final ConversationService conversations;
    private final Javalin server;
    private volatile boolean closed;

    private Kontakt(AppConfig config, Storage storage, Function<String, String> env, Clock clock) {
        this.config = config;
        this.stores = new Stores(storage, config.store().commitMaxBatch());
        this.sender = config.twilio().sendsForReal()
                ? new TwilioSender(config.twilio().accountSid(), config.twilio().authToken(), config.twilio().fromNumber(),
                        config.twilio().statusCallbacks() ? config.server().publicBase() + "/twilio/status" : null)
                : new DevSender();
        var pseudonyms = new Pseudonyms(SecretKey.load(env, config.store().dataDir()));
        this.conversations = new ConversationService(stores, pseudonyms,
                new GreetingResponder(config.conversations().greeting()), clock, config.unit().defaultLanguage());
        this.server = WebServer.create(config, conversations, stores, () -> !closed && stores.isOpen(), clock);
    }

    /** Opens the MapDB store of the configuration and starts the server. */
    public static Kontakt start(AppConfig config, Function<String, String> env, Clock clock) {
        return start(config, MapDbStorage.open(config.store().dataDir()), env, clock);
    }

    public static Kontakt start(AppConfig config, Storage storage, Function<String, String> env, Clock clock) {
        Kontakt kontakt;
        try {
            kontakt = new Kontakt(config, storage, env, clock);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        try {
            kontakt.server.start();
        } catch (RuntimeException e) {
            kontakt.close();
            throw e;
        }
        log.info("kontakt started port={} public_url={} twilio={} languages={}", kontakt.port(),
                config.server().publicBase(), config.twilio().sendsForReal() ? "rest" : "dev-sender", config.unit().languages());
        return kontakt;
    }

    public int port() {
        return server.port();
    }

    public Stores stores() {
        return stores;
    }

    public Sender sender() {
        return sender;
    }

    public ConversationService conversations() {
        return conversations;
    }

    public AppConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop();
        stores.close();
        log.info("kontakt stopped");
    }
}
