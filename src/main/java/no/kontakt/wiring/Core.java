package no.kontakt.wiring;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import no.kontakt.admin.ScriptAdmin;
import no.kontakt.channel.DevSender;
import no.kontakt.channel.Sender;
import no.kontakt.channel.twilio.TwilioSender;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.LanguageGuess;
import no.kontakt.conversation.RiskCheck;
import no.kontakt.flow.IntentClassifier;
import no.kontakt.flow.Library;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.offers.Catalogue;
import no.kontakt.offers.CatalogueLoader;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Signals;
import no.kontakt.store.Storage;
import no.kontakt.store.Stores;
import no.kontakt.transcripts.Sandbox;
import no.kontakt.transcripts.Transcript;
import no.kontakt.transcripts.TranscriptRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-lived parts, built once from the configuration: the store, the scripts (seeded from the files and compiled),
 * the trained NLU, the senders, the domain {@link Services} on the store, and the one thread that runs the clock tick
 * and sends the outbox. Transcripts and a publish replay on {@link Sandbox}es that share the NLU and the scripts. The
 * server ({@code serve}) and the tools ({@code chat}, {@code classify}, {@code bench}) sit on top of it.
 */
public final class Core implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Core.class);
    /** The pseudonym key of a throwaway store: fixed, so a transcript's conversation ids (and an alert's last six characters) never change. */
    private static final byte[] SANDBOX_SECRET = java.util.Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    /** The throwaway stores' pseudonyms: one for every replay (the key is not a secret: nothing a replay writes is kept). */
    private static final Pseudonyms SANDBOX_PSEUDONYMS = new Pseudonyms(SANDBOX_SECRET);

    private final AppConfig config;
    private final Stores stores;
    private final Understanding nlu;
    private final ScriptAdmin scripts;
    private final Services services;
    private final Pseudonyms pseudonyms;
    private final Catalogue catalogue;
    private final Signals signals;
    /** Signals' channel for "a script or a setting was published": the others install it from the store. */
    static final String PUBLISHED = "published";
    /** How often each instance also looks for a publish whose signal it missed. */
    static final long PUBLISH_CHECK_SECONDS = 30;
    private final ScheduledExecutorService reloads = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "published-reload");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timers-and-outbox");
        t.setDaemon(true);
        return t;
    });

    /** Optional parts for the tools: more senders by channel, and a language for new conversations. */
    public record Options(Map<String, Sender> senders, String language) {
        public static final Options NONE = new Options(Map.of(), null);
    }

    private Core(AppConfig config, Storage storage, Signals signals, Function<String, String> env, Clock clock, Options options) {
        this.config = config;
        this.signals = signals;
        this.nlu = new Understanding(config); // the language model and the lexicons load on other threads meanwhile
        byte[] secret = SecretKey.load(env, config.store().dataDir());
        this.stores = new Stores(storage, config.store().commitMaxBatch(), config.unit().timeZone(),
                new SealedJson(SecretKey.store(env, secret), SecretKey.previous(env)));
        this.pseudonyms = new Pseudonyms(secret);
        this.catalogue = CatalogueLoader.load(config.offers().catalogue(), config.unit().timeZone(), config.unit().languages());
        this.scripts = new ScriptAdmin(config, stores.scripts(), stores.audit(), stores, Services.compiler(config), clock,
                new TranscriptRunner(this::sandbox), (library, intents) -> services().install(library, nlu.goLive(intents)));
        Library library = scripts.bootstrap();
        nlu.train(library, scripts.liveIntents());
        Map<String, Sender> senders = new HashMap<>(options.senders());
        senders.putIfAbsent("sms", smsSender(config, env));
        Runnable wake = () -> scheduler.execute(this::dispatchOutbox);
        this.services = new Services(config, stores, pseudonyms, clock, library, nlu.intents(), nlu.risk(),
                nlu.languageGuess(options.language()), copy(catalogue), senders, wake, signals);
        services.settings().bootstrap(); // the settings an admin changed since the last start
        scripts.onPublished(() -> signals.publish(PUBLISHED, "scripts"));
        services.settings().onStored(() -> signals.publish(PUBLISHED, "settings"));
        if (shared()) {
            signals.subscribe(PUBLISHED, what -> {
                try {
                    reloads.execute(this::catchUpPublished);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    log.debug("publish signal after stop dropped");
                }
            });
        }
    }

    /** Whether other instances may share the store (a store in this process alone has nothing to catch up with). */
    private boolean shared() {
        return !(signals instanceof LocalSignals);
    }

    /** Installs the scripts and settings published on another instance since this one last looked. */
    public void catchUpPublished() {
        try {
            scripts.reload();
            services.settings().reload();
        } catch (RuntimeException e) {
            log.error("installing what was published elsewhere failed", e);
        }
    }

    /** Each services' own catalogue, with the content read once at start-up (a setting may replace its content). */
    private Catalogue copy(Catalogue read) {
        Catalogue own = Catalogue.empty(config.unit().timeZone());
        own.replaceWith(read);
        return own;
    }

    /** Builds the long-lived parts on {@code storage}; closes the storage when that fails. */
    public static Core open(AppConfig config, Storage storage, Function<String, String> env, Clock clock, Options options) {
        return open(config, storage, new LocalSignals(), env, clock, options);
    }

    /** Builds the long-lived parts on {@code storage}, telling the other instances on {@code signals} (closed with it). */
    public static Core open(AppConfig config, Storage storage, Signals signals, Function<String, String> env, Clock clock, Options options) {
        try {
            return new Core(config, storage, signals, env, clock, options);
        } catch (RuntimeException e) {
            signals.close();
            storage.close();
            throw e;
        }
    }

    /** Services of their own on an in-memory store, on these scripts, with this process's NLU: for one transcript. */
    private Sandbox sandbox(Library library, IntentExamples intents, String language, Clock clock, Sender sms) {
        Stores scratch = new Stores(new no.kontakt.store.InMemoryStorage(), config.store().commitMaxBatch(), config.unit().timeZone());
        try {
            Services s = new Services(config, scratch, SANDBOX_PSEUDONYMS, clock, library == null ? live() : library,
                    nlu.intents(intents), nlu.risk(), nlu.languageGuess(language), copy(catalogue), Map.of("sms", sms), () -> { });
            return new Sandbox() {
                public ConversationService conversations() {
                    return s.conversations();
                }

                public Stores stores() {
                    return scratch;
                }

                public void tick() {
                    s.tick();
                }

                public void close() {
                    s.close();
                    scratch.close();
                }
            };
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /** Replays a transcript against the live scripts and intents. */
    public TranscriptRunner.Result replay(Transcript transcript) {
        return scripts.replay(transcript, live(), null);
    }

    private Library live() {
        return services.conversations().engine().library();
    }

    /** Runs the clock tick every {@code periodMillis}, on the same thread that sends the outbox. */
    public void startScheduler(long periodMillis) {
        every(periodMillis, periodMillis, TimeUnit.MILLISECONDS, "timers or outbox", services::tick);
        if (shared()) {
            reloads.scheduleWithFixedDelay(this::catchUpPublished, PUBLISH_CHECK_SECONDS, PUBLISH_CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code work} every {@code period} on the scheduler's thread; a failure is logged and the next run goes ahead. */
    public void every(long initialDelay, long period, TimeUnit unit, String what, Runnable work) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("{} failed", what, e);
            }
        }, initialDelay, period, unit);
    }

    private void dispatchOutbox() {
        try {
            services.outbox().dispatchDue();
        } catch (RuntimeException e) {
            log.error("outbox failed", e);
        }
    }

    /**
     * The SMS sender; with several units, each unit's messages go out from its own number (a message id starts with its
     * conversation's id, which names the unit).
     */
    private static Sender smsSender(AppConfig config, Function<String, String> env) {
        if (config.units().isEmpty() || !config.twilio().sendsForReal()) {
            return oneSender(config, env);
        }
        Sender main = oneSender(config, env);
        Map<String, Sender> byUnit = new HashMap<>();
        config.units().forEach(u -> byUnit.put(u.id(), oneSender(config.forUnit(u.id()), env)));
        return message -> {
            String unit = no.kontakt.conversation.UnitIds.unitOf(message.messageId());
            return (unit == null ? main : byUnit.getOrDefault(unit, main)).send(message);
        };
    }

    private static Sender oneSender(AppConfig config, Function<String, String> env) {
        return config.twilio().sendsForReal()
                ? new TwilioSender(config.twilio().accountSid(), config.twilio().authToken(), config.twilio().fromNumber(),
                        config.twilio().statusCallbacks() ? config.server().publicBase() + "/twilio/status" : null)
                : new DevSender(env.apply("KONTAKT_DEV_SENDER_RECORD") == null ? null : java.nio.file.Path.of(env.apply("KONTAKT_DEV_SENDER_RECORD")));
    }

    public AppConfig config() {
        return config;
    }

    public Stores stores() {
        return stores;
    }

    public ScriptAdmin scripts() {
        return scripts;
    }

    public Services services() {
        return services;
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    public ConversationService conversations() {
        return services.conversations();
    }

    /** The risk check, the unit's language detector and the live intent classifier: for {@code classify} and {@code bench}. */
    public RiskCheck risk() {
        return nlu.risk();
    }

    public LanguageGuess languageGuess() {
        return nlu.detector();
    }

    public IntentClassifier intents() {
        return nlu.intents();
    }

    /** True once the NLU is loaded and trained (start-up loads it on other threads while the rest opens). */
    public boolean nluReady() {
        return nlu.ready();
    }

    /** Waits until {@link #nluReady()}; throws what failed to load. */
    public void awaitNlu() {
        nlu.awaitReady();
    }

    /** Stops the clock tick and the outbox, letting a running one finish. */
    public void stopScheduler() {
        reloads.shutdown(); // not interrupted: an interrupt closes a store file's channel under a read
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            reloads.awaitTermination(10, TimeUnit.SECONDS); // a reload in flight finishes against an open store
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the scheduler, then the services, then closes the store. */
    @Override
    public void close() {
        stopScheduler();
        services.close();
        signals.close();
        stores.close();
    }
}
