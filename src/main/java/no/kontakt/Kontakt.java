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
import no.kontakt.admin.ScriptAdmin;
import no.kontakt.admin.Settings;
import no.kontakt.channel.DevSender;
import no.kontakt.channel.Sender;
import no.kontakt.channel.chat.ChatHub;
import no.kontakt.channel.chat.ChatSessions;
import no.kontakt.channel.chat.WebChatSender;
import no.kontakt.channel.twilio.TwilioSender;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.Actions;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.Erasure;
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
import no.kontakt.hours.Hours;
import no.kontakt.hours.OpeningHours;
import no.kontakt.inbox.AmbulantRequestAction;
import no.kontakt.inbox.AmbulantStatusAction;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.Appointments;
import no.kontakt.inbox.Feedback;
import no.kontakt.inbox.HoursPromise;
import no.kontakt.inbox.InboxEvents;
import no.kontakt.inbox.InboxService;
import no.kontakt.inbox.OnCallAlerts;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.nlu.LanguageDetector;
import no.kontakt.nlu.OpenNlpIntentClassifier;
import no.kontakt.nlu.LexiconRiskCheck;
import no.kontakt.nlu.NluLoader;
import no.kontakt.offers.Catalogue;
import no.kontakt.offers.Offers;
import no.kontakt.offers.OffersCalendar;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.records.Retention;
import no.kontakt.privacy.SecretKey;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.SealedJson;
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
    private final Settings settings;
    private final Retention retention;
    private final java.util.concurrent.atomic.AtomicReference<AppConfig.Emergency> emergency = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<IntentClassifier> currentIntents = new java.util.concurrent.atomic.AtomicReference<>();
    private final ScriptAdmin scripts;
    private final Hours office;
    private final Hours ambulant;
    private final OnCallAlerts alerts;
    private final Offers offers;
    private final ConversationService conversations;
    private final OutboxDispatcher outbox;
    private final RiskCheck risk;
    private final LanguageGuess languageGuess;
    private final java.util.function.Supplier<LanguageDetector> detector;
    private final IntentClassifier intents;
    private final Accounts accounts;
    private final WebServer.SignOn signOn;
    private final InboxEvents inboxEvents = new InboxEvents();
    private final ChatHub chatHub;
    private final no.kontakt.channel.chat.ChatAlerts chatAlerts;
    private final ChatSessions chatSessions;
    private final InboxService inbox;
    private final Appointments appointments;
    private final Feedback feedback;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private Javalin server;
    private java.util.Optional<no.kontakt.store.mapdb.BackupSocket> backupSocket = java.util.Optional.empty();
    private volatile boolean closed;

    /** Optional parts for the tools: more senders by channel, and a language for new conversations. */
    public record Options(Map<String, Sender> senders, String language, Library library, IntentExamples intents) {
        public static final Options NONE = new Options(Map.of(), null, null, null);

        public Options(Map<String, Sender> senders, String language) {
            this(senders, language, null, null);
        }
    }

    private Kontakt(AppConfig config, Storage storage, Function<String, String> env, Clock clock, Options options) {
        this.config = config;
        this.clock = clock;
        this.emergency.set(config.emergency());
        NluLoader nlu = new NluLoader(); // the language model and the lexicons load on other threads meanwhile
        byte[] secret = SecretKey.load(env, config.store().dataDir());
        this.stores = new Stores(storage, config.store().commitMaxBatch(), config.unit().timeZone(),
                new SealedJson(SecretKey.store(env, secret), SecretKey.previous(env)));
        this.office = new Hours(config.office().hours().toOpeningHours(config.unit().timeZone(), config.unit().country()));
        this.ambulant = new Hours(config.ambulant().hours().toOpeningHours(config.unit().timeZone(), config.unit().country()));
        this.alerts = new OnCallAlerts(stores.outbox(), ambulant, config.ambulant().oncall(),
                java.time.Duration.ofMinutes(config.ambulant().alertIntervalMinutes()));
        this.offers = Offers.load(config.offers(), config.unit().timeZone(), config.unit().languages(), offerRoles(stores));
        this.actions = actions(config, stores, office, ambulant, alerts, offers);
        this.scripts = new ScriptAdmin(config, stores.scripts(), stores.audit(), stores, compiler(config, actions), clock);
        Library library;
        IntentExamples examples;
        if (options.library() != null) {
            library = options.library();
            examples = options.intents() != null ? options.intents() : IntentExamples.read(config.conversations().dir().resolve("intents.yaml"));
        } else {
            library = scripts.bootstrap();
            examples = options.intents() != null ? options.intents() : scripts.liveIntents();
        }
        nlu.train(examples);
        Map<String, Sender> senders = new HashMap<>(options.senders());
        senders.putIfAbsent("sms", smsSender(config, env));
        this.chatHub = new ChatHub(stores.conversations(), stores.messages(), stores.deliveries(), stores, clock);
        senders.putIfAbsent(ChatSessions.CHANNEL, new WebChatSender(chatHub));
        this.outbox = new OutboxDispatcher(stores.deliveries(), stores.outbox(), stores.stats(), stores, senders, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timers-and-outbox");
            t.setDaemon(true);
            return t;
        });
        var pseudonyms = new Pseudonyms(secret);
        this.chatSessions = new ChatSessions(pseudonyms, config.unit().languages(), config.unit().defaultLanguage());
        var countryGuess = new CountryCodeGuess(config.unit().languages(), config.unit().defaultLanguage());
        this.risk = nlu.riskWhenLoaded();
        this.detector = options.language() != null ? null : nlu.detector(() -> LanguageDetector.forUnit(config.unit().languages(),
                from -> ChatSessions.languageOf(from).filter(config.unit().languages()::contains).orElseGet(() -> countryGuess.byNumber(from)),
                library, examples));
        // a conversation keeps its language: only a new one waits for the detector, if it is still being built
        this.languageGuess = options.language() != null ? (text, from, current) -> current != null ? current : options.language()
                : (text, from, current) -> current != null ? current : detector.get().guess(text, from, null);
        this.intents = nlu.intentsWhenTrained();
        var erasure = new Erasure(new Erasure.Roles(stores.conversations(), stores.messages(), stores.inbound(), stores.deliveries(),
                stores.outbox(), stores.timers(), stores.contactRequests(), stores.enrolments(), stores.reminders(), stores.events(),
                stores.audit(), stores.feedback(), stores.appointments()));
        this.conversations = new ConversationService(stores.conversations(), stores.messages(), stores.inbound(), stores.deliveries(), stores.outbox(), stores.timers(), stores.stats(), stores.events(), stores, erasure, pseudonyms, engine(config, library, intents), actions, risk, languageGuess, clock,
                () -> scheduler.execute(this::dispatchOutbox));
        this.chatAlerts = new no.kontakt.channel.chat.ChatAlerts(config.ambulant().chatAlertsPerAddress(), clock);
        this.conversations.onUrgent((batch, now, conversationId) -> chatAlerts.mayPage(conversationId)
                ? alerts.alert(batch, now, conversationId.substring(conversationId.length() - 6)) : 0);
        Runnable wake = () -> scheduler.execute(this::dispatchOutbox);
        AppConfig.SignIn signIn = config.signIn().withEnvironment(env);
        this.signOn = new WebServer.SignOn(signIn, env.apply("KONTAKT_OIDC_CLIENT_SECRET"));
        this.accounts = new Accounts(stores.users(), stores.logins(), stores.audit(), stores, clock, Accounts.TwoFactorPolicy.parse(signIn.require2fa()));
        this.inbox = new InboxService(stores.conversations(), stores.messages(), stores.deliveries(), stores.outbox(), stores.contactRequests(), stores.stats(), stores.audit(), stores.cannedReplies(), stores.events(), stores.appointments(), stores, conversations, office, clock, wake, inboxEvents);
        this.appointments = new Appointments(stores.conversations(), stores.messages(), stores.outbox(), stores.contactRequests(), stores.audit(), stores.events(), stores.appointments(), stores, conversations, clock, config.unit().timeZone(), library.globals()::text,
                context(config), config.unit().defaultLanguage(), wake);
        this.conversations.intercept(appointments::answer);
        this.feedback = new Feedback(stores.conversations(), stores.messages(), stores.outbox(), stores.stats(), stores.feedback(), stores, conversations, clock, config.unit().timeZone(), library.globals()::text,
                config.unit().defaultLanguage(), wake);
        this.conversations.intercept(feedback::answer);
        this.inbox.onClose((batch, id) -> feedback.plan(batch, id, "contact"));
        this.scripts.onPublish((newLibrary, newIntents) -> {
            currentIntents.set(new OpenNlpIntentClassifier(newIntents));
            conversations.replaceEngine(engine(config, newLibrary, currentIntents.get()));
        });
        currentIntents.set(intents); // trained once; a change of the emergency numbers reuses it
        this.settings = new Settings(config, stores.scripts(), stores.audit(), stores, clock);
        settings.onChange("office_hours", v -> office.set((OpeningHours) v));
        settings.onChange("ambulant_hours", v -> ambulant.set((OpeningHours) v));
        settings.onChange("offers", v -> offers.catalogue().replaceWith((no.kontakt.offers.Catalogue) v));
        settings.onChange("emergency", v -> {
            emergency.set((AppConfig.Emergency) v);
            conversations.replaceEngine(engine(config, conversations.engine().library(), currentIntents.get()));
        });
        settings.bootstrap();
        this.retention = new Retention(stores.conversations(), stores.enrolments(), stores.stats(), stores, erasure, conversations, offers.catalogue(), config.retention(), clock);
        this.conversations.listen((conversationId, events) -> inboxEvents.publish(
                events.stream().anyMatch(e -> e instanceof no.kontakt.flow.Event.RiskFlagged) ? "urgent" : "message", conversationId));
        // a browser on a web chat catches up on every change: bot and staff messages, takeover, close
        this.inboxEvents.subscribe(event -> chatHub.changed(event.get("conversation")));
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
        server = WebServer.create(config, new WebServer.Parts(conversations, no.kontakt.records.Records.of(stores, clock, config,
                conversations::conversationId), new no.kontakt.admin.Statistics(stores.stats()), accounts, inbox, appointments, inboxEvents, scripts,
                settings, offers, calendar(config, offers), new no.kontakt.web.Metrics(() -> stores.isOpen() ? (int) stores.outbox().count() : 0,
                () -> stores.isOpen() ? stores.conversations().urgentIds().size() : 0), () -> !closed && stores.isOpen(), clock,
                new WebServer.Chat(chatSessions, chatHub, emergency::get, chatAlerts), signOn));
        try {
            server.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        no.kontakt.cli.UserCommand.writeLocalAccess(config.store().dataDir(), port(), accounts.localToken());
        startScheduler(1000);
        backupSocket = no.kontakt.store.mapdb.BackupSocket.start(stores); // `store backup` while the server runs
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                retention.run();
            } catch (RuntimeException e) {
                log.error("retention failed", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
        log.info("kontakt started port={} public_url={} twilio={} languages={} scripts={}", port(), config.server().publicBase(),
                config.twilio().sendsForReal() ? "rest" : "dev-sender", config.unit().languages(), conversations.engine().library().names());
        return this;
    }

    /** Runs due timers and sends the outbox every {@code periodMillis}. */
    public void startScheduler(long periodMillis) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                conversations.fireDueTimers();
                appointments.remindDue();
                feedback.sendDue();
                inbox.escalateWhenDue(java.time.Duration.ofMinutes(Math.round(config.office().contactPromiseHours() * 60)), 0.8, alerts);
                flushAlerts();
                offers.runDue(clock.instant());
                outbox.dispatchDue();
            } catch (RuntimeException e) {
                log.error("timers or outbox failed", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends the on-call alerts counted while their phone's interval ran; returns how many SMS were queued. */
    public int flushAlerts() {
        no.kontakt.store.Batch batch = new no.kontakt.store.Batch();
        int staged = alerts.flush(batch, clock.instant());
        if (staged > 0) {
            stores.commit(batch);
        }
        return staged;
    }

    private void dispatchOutbox() {
        try {
            outbox.dispatchDue();
        } catch (RuntimeException e) {
            log.error("outbox failed", e);
        }
    }

    static Actions actions(AppConfig config, Stores stores, Hours office, Hours ambulant, OnCallAlerts alerts, Offers offers) {
        return core(config, stores, office, ambulant, alerts).with(offers.actions());
    }

    private static Actions core(AppConfig config, Stores stores, Hours office, Hours ambulant, OnCallAlerts alerts) {
        no.kontakt.hours.Staffing staffing = new no.kontakt.hours.Staffing(office, ambulant);
        return new Actions(List.of(
                new HandoffAction(staffing),
                new no.kontakt.conversation.RiskKindAction(),
                new no.kontakt.inbox.OnDutyAction(staffing, config.ambulant().callWithinMinutes()),
                new RequestContactAction(stores.contactRequests(), new HoursPromise(office,
                        java.time.Duration.ofMinutes(Math.round(config.office().contactPromiseHours() * 60)))),
                new CancelContactAction(stores.contactRequests()),
                new AmbulantStatusAction(ambulant, config.ambulant().callWithinMinutes()),
                new AmbulantRequestAction(stores.contactRequests(), alerts)));
    }

    /** The public calendar of the offers, with UIDs in the public URL's host. */
    static OffersCalendar calendar(AppConfig config, Offers offers) {
        return new OffersCalendar(offers.catalogue(), config.unit().name(), config.server().publicUrl().getHost(),
                java.time.Duration.ofDays(config.offers().calendarDays()));
    }

    private static Offers.Storage offerRoles(Stores stores) {
        return new Offers.Storage(stores.enrolments(), stores.reminders(), stores.conversations(), stores.messages(), stores.outbox(), stores);
    }

    /** The compiler for the configuration's languages and the registered actions (for {@code validate}). */
    public static Compiler compiler(AppConfig config) {
        try (Stores scratch = new Stores(new no.kontakt.store.InMemoryStorage(), 1)) {
            Hours hours = new Hours(config.office().hours().toOpeningHours(config.unit().timeZone(), config.unit().country()));
            return compiler(config, actions(config, scratch, hours, hours, new OnCallAlerts(scratch.outbox(), hours, List.of()),
                    new Offers(Catalogue.empty(config.unit().timeZone()), offerRoles(scratch), config.offers())));
        }
    }

    static Compiler compiler(AppConfig config, Actions actions) {
        java.util.Set<String> known = new java.util.HashSet<>(context(config).keySet());
        known.addAll(java.util.List.of("when", "place", "with")); // the appointment texts' values
        return new Compiler(new Validator(actions.specs(), config.unit().languages(), known));
    }

    static Map<String, String> context(AppConfig config) {
        return context(config, config.emergency());
    }

    static Map<String, String> context(AppConfig config, AppConfig.Emergency emergency) {
        Map<String, String> context = new HashMap<>(emergency.placeholders());
        context.put("unit", config.unit().name());
        config.unit().names().forEach((language, name) -> context.put("unit_" + language, name)); // the unit's name per language
        context.put("time_zone", config.unit().timeZone().getId());
        context.put("quiet_hours", config.offers().quietHours()); // no bot-initiated reminder inside them
        return context;
    }

    private Engine engine(AppConfig config, Library library, IntentClassifier classifier) {
        return new Engine(library, classifier, context(config, emergency.get()), config.unit().defaultLanguage());
    }

    public Retention retention() {
        return retention;
    }

    public Settings settings() {
        return settings;
    }

    public ScriptAdmin scripts() {
        return scripts;
    }

    public Accounts accounts() {
        return accounts;
    }

    public InboxService inbox() {
        return inbox;
    }

    public Feedback feedback() {
        return feedback;
    }

    public Appointments appointments() {
        return appointments;
    }

    /** The running server (for tests that inspect its routes). */
    public Javalin server() {
        return server;
    }

    public OpeningHours ambulantHours() {
        return ambulant.get();
    }

    public OpeningHours officeHours() {
        return office.get();
    }

    public RiskCheck risk() {
        return risk;
    }

    public LanguageGuess languageGuess() {
        return detector != null ? detector.get() : languageGuess;
    }

    public IntentClassifier intents() {
        return intents;
    }

    private static Sender smsSender(AppConfig config, Function<String, String> env) {
        return config.twilio().sendsForReal()
                ? new TwilioSender(config.twilio().accountSid(), config.twilio().authToken(), config.twilio().fromNumber(),
                        config.twilio().statusCallbacks() ? config.server().publicBase() + "/twilio/status" : null)
                : new DevSender(env.apply("KONTAKT_DEV_SENDER_RECORD") == null ? null : java.nio.file.Path.of(env.apply("KONTAKT_DEV_SENDER_RECORD")));
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
        chatHub.close();
        if (server != null) {
            no.kontakt.cli.UserCommand.removeLocalAccess(config.store().dataDir(), accounts.localToken());
            server.stop();
        }
        backupSocket.ifPresent(no.kontakt.store.mapdb.BackupSocket::close);
        stores.close();
        log.info("kontakt stopped");
    }
}
