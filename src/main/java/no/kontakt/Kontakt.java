package no.kontakt;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import no.kontakt.channel.DevSender;
import no.kontakt.channel.Sender;
import no.kontakt.channel.twilio.TwilioSender;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.Actions;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.CountryCodeGuess;
import no.kontakt.conversation.HandoffAction;
import no.kontakt.conversation.LanguageGuess;
import no.kontakt.conversation.OutboxDispatcher;
import no.kontakt.conversation.RiskCheck;
import no.kontakt.flow.Compiler;
import no.kontakt.flow.Engine;
import no.kontakt.flow.IntentClassifier;
import no.kontakt.flow.Library;
import no.kontakt.flow.ScriptException;
import no.kontakt.flow.Validator;
import no.kontakt.inbox.CancelContactAction;
import no.kontakt.inbox.RequestContactAction;
import no.kontakt.inbox.WindowPromise;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.nlu.KeywordIntentClassifier;
import no.kontakt.offers.Catalogue;
import no.kontakt.offers.Offers;
import no.kontakt.offers.OffersCalendar;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.MapDbStorage;
import no.kontakt.store.Storage;
import no.kontakt.store.Stores;
import no.kontakt.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration (store, scripts, engine, actions, senders,
 * timers and outbox), starts the server when asked, and closes everything in order.
 */
public final class Kontakt implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Kontakt.class);

    private final AppConfig config;
    private final Stores stores;
    private final Actions actions;
    private final Offers offers;
    private final ConversationService conversations;
    private final OutboxDispatcher outbox;
    private final RiskCheck risk;
    private final LanguageGuess languageGuess;
    private final IntentClassifier intents;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private Javalin server;
    private volatile boolean closed;

    /** Optional parts for the tools: more senders by channel, and a language for new conversations. */
    public record Options(Map<String, Sender> senders, String language) {
        public static final Options NONE = new Options(Map.of(), null);
    }

    private Kontakt(AppConfig config, Storage storage, Function<String, String> env, Clock clock, Options options) {
        this.config = config;
        this.clock = clock;
        this.stores = new Stores(storage, config.store().commitMaxBatch());
        this.offers = Offers.load(config.offers(), config.unit().timeZone(), config.unit().languages(), stores);
        this.actions = actions(stores, offers);
        Library library = compileScripts(config, actions);
        Map<String, Sender> senders = new HashMap<>(options.senders());
        senders.putIfAbsent("sms", smsSender(config));
        this.outbox = new OutboxDispatcher(stores, senders, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timers-and-outbox");
            t.setDaemon(true);
            return t;
        });
        var pseudonyms = new Pseudonyms(SecretKey.load(env, config.store().dataDir()));
        this.risk = noRisk();
        this.intents = new KeywordIntentClassifier(IntentExamples.read(config.conversations().dir().resolve("intents.yaml")));
        this.languageGuess = options.language() != null ? (text, from, current) -> current != null ? current : options.language()
                : new CountryCodeGuess(config.unit().languages(), config.unit().defaultLanguage());
        this.conversations = new ConversationService(stores, pseudonyms, engine(config, library, intents), actions, risk, languageGuess, clock,
                () -> scheduler.execute(this::dispatchOutbox));
    }

    /** Builds Kontakt on the configured MapDB store, without starting the server or the scheduler. */
    public static Kontakt create(AppConfig config, Function<String, String> env, Clock clock) {
        return create(config, MapDbStorage.open(config.store().dataDir()), env, clock, Options.NONE);
    }

    public static Kontakt create(AppConfig config, Storage storage, Function<String, String> env, Clock clock, Options options) {
        try {
            return new Kontakt(config, storage, env, clock, options);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** Opens the MapDB store of the configuration and starts the server and the scheduler. */
    public static Kontakt start(AppConfig config, Function<String, String> env, Clock clock) {
        return create(config, env, clock).serve();
    }

    public Kontakt serve() {
        outbox.settleInterrupted();
        server = WebServer.create(config, conversations, stores, () -> !closed && stores.isOpen(), clock, calendar(config, offers));
        try {
            server.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        startScheduler(1000);
        log.info("kontakt started port={} public_url={} twilio={} languages={} scripts={}", port(), config.server().publicBase(),
                config.twilio().sendsForReal() ? "rest" : "dev-sender", config.unit().languages(), conversations.engine().library().names());
        return this;
    }

    /** Runs due timers and sends the outbox every {@code periodMillis}. */
    public void startScheduler(long periodMillis) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                conversations.fireDueTimers();
                offers.runDue(clock.instant());
                outbox.dispatchDue();
            } catch (RuntimeException e) {
                log.error("timers or outbox failed", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void dispatchOutbox() {
        try {
            outbox.dispatchDue();
        } catch (RuntimeException e) {
            log.error("outbox failed", e);
        }
    }

    static Actions actions(Stores stores) {
        return new Actions(List.of(
                new HandoffAction(),
                new RequestContactAction(stores.contactRequests(), new WindowPromise()),
                new CancelContactAction(stores.contactRequests())));
    }

    /** Every action: the ones above and those of the groups and courses. */
    static Actions actions(Stores stores, Offers offers) {
        return actions(stores).with(offers.actions());
    }

    /** The public calendar of the offers, with UIDs in the public URL's host. */
    static OffersCalendar calendar(AppConfig config, Offers offers) {
        return new OffersCalendar(offers.catalogue(), config.unit().name(), config.server().publicUrl().getHost(),
                java.time.Duration.ofDays(config.offers().calendarDays()));
    }

    /** Compiles the scripts folder; any error stops start-up with every located problem. */
    static Library compileScripts(AppConfig config, Actions actions) {
        Compiler.Result result = compiler(config, actions).compile(config.conversations().dir());
        if (!result.ok()) {
            throw new ScriptException(result.problems());
        }
        return result.library();
    }

    /** The compiler for the configuration's languages and the registered actions (for {@code validate}). */
    public static Compiler compiler(AppConfig config) {
        try (Stores scratch = new Stores(new no.kontakt.store.InMemoryStorage(), 1)) {
            return compiler(config, actions(scratch, new Offers(Catalogue.empty(config.unit().timeZone()), scratch, config.offers())));
        }
    }

    static Compiler compiler(AppConfig config, Actions actions) {
        return new Compiler(new Validator(actions.specs(), config.unit().languages(), context(config).keySet()));
    }

    static Map<String, String> context(AppConfig config) {
        Map<String, String> context = new HashMap<>(config.emergency().placeholders());
        context.put("unit", config.unit().name());
        context.put("time_zone", config.unit().timeZone().getId());
        return context;
    }

    static Engine engine(AppConfig config, Library library, IntentClassifier classifier) {
        return new Engine(library, classifier, context(config), config.unit().defaultLanguage());
    }

    public RiskCheck risk() {
        return risk;
    }

    public LanguageGuess languageGuess() {
        return languageGuess;
    }

    public IntentClassifier intents() {
        return intents;
    }

    private static RiskCheck noRisk() {
        return (text, language) -> new RiskCheck.Assessment(false, List.of());
    }

    private static Sender smsSender(AppConfig config) {
        return config.twilio().sendsForReal()
                ? new TwilioSender(config.twilio().accountSid(), config.twilio().authToken(), config.twilio().fromNumber(),
                        config.twilio().statusCallbacks() ? config.server().publicBase() + "/twilio/status" : null)
                : new DevSender();
    }

    public int port() {
        return server.port();
    }

    public Stores stores() {
        return stores;
    }

    public Offers offers() {
        return offers;
    }

    public ConversationService conversations() {
        return conversations;
    }

    public OutboxDispatcher outbox() {
        return outbox;
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
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.stop();
        }
        stores.close();
        log.info("kontakt stopped");
    }
}
