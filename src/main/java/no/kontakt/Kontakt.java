package no.kontakt;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import no.kontakt.admin.ScriptAdmin;
import no.kontakt.channel.Sender;
import no.kontakt.channel.chat.ChatSessions;
import no.kontakt.cli.UserCommand;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.OutboxDispatcher;
import no.kontakt.flow.Compiler;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.Appointments;
import no.kontakt.inbox.Feedback;
import no.kontakt.inbox.InboxEvents;
import no.kontakt.inbox.InboxService;
import no.kontakt.offers.Offers;
import no.kontakt.offers.OffersCalendar;
import no.kontakt.store.mapdb.BackupSocket;
import no.kontakt.store.Storage;
import no.kontakt.store.Stores;
import no.kontakt.web.Metrics;
import no.kontakt.web.WebServer;
import no.kontakt.wiring.Core;
import no.kontakt.wiring.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server process: the long-lived parts ({@link Core}: store, scripts, NLU, senders, services) built once, and on
 * top of them the web server, the clock tick every second, retention every hour and the backup socket. Closes
 * everything in order. Nothing depends on this package: it is the entry layer ({@link App} and this).
 */
public final class Kontakt implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Kontakt.class);

    private final Core core;
    private final Services services;
    private final Accounts accounts;
    private final WebServer.SignOn signOn;
    private final ChatSessions chatSessions;
    private final Clock clock;
    private Javalin server;
    private Metrics metrics;
    private Optional<BackupSocket> backupSocket = Optional.empty();
    private volatile boolean closed;

    /** Optional parts for the tests and tools: more senders by channel, and a language for new conversations. */
    public record Options(Map<String, Sender> senders, String language) {
        public static final Options NONE = new Options(Map.of(), null);
    }

    private Kontakt(Core core, no.kontakt.store.LoginCounts loginFailures, Function<String, String> env, Clock clock) {
        this.core = core;
        this.services = core.services();
        this.clock = clock;
        AppConfig config = core.config();
        AppConfig.SignIn signIn = config.signIn().withEnvironment(env);
        this.signOn = new WebServer.SignOn(signIn, env.apply("KONTAKT_OIDC_CLIENT_SECRET"), value -> core.pseudonyms().of("oidc-sign-in", value));
        this.accounts = new Accounts(core.stores().users(), core.stores().logins(), core.stores().audit(), core.stores(), clock, Accounts.TwoFactorPolicy.parse(signIn.require2fa()),
                loginFailures);
        this.chatSessions = new ChatSessions(core.pseudonyms(), config.unit().languages(), config.unit().defaultLanguage());
    }

    /**
     * Builds Kontakt on the store the environment names (PostgreSQL at {@code KONTAKT_DATABASE_URL}, else MapDB in the
     * data folder), without starting the server or the scheduler.
     */
    public static Kontakt create(AppConfig config, Function<String, String> env, Clock clock) {
        return create(config, StoreFiles.open(config.store().dataDir(), env), env, clock, Options.NONE);
    }

    public static Kontakt create(AppConfig config, Storage storage, Function<String, String> env, Clock clock, Options options) {
        Core core = Core.open(config, storage, StoreFiles.signals(storage), env, clock, new Core.Options(options.senders(), options.language()));
        try {
            return new Kontakt(core, StoreFiles.loginCounts(storage), env, clock);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    /** Opens the store of the environment and starts the server and the scheduler. */
    public static Kontakt start(AppConfig config, Function<String, String> env, Clock clock) {
        return create(config, env, clock).serve();
    }

    public Kontakt serve() {
        AppConfig config = core.config();
        services.outbox().settleInterrupted();
        server = WebServer.create(config, new WebServer.Parts(services.conversations(), no.kontakt.records.Records.of(core.stores(), clock, config,
                services.conversations()::conversationId), new no.kontakt.admin.Statistics(core.stores().stats()), accounts, services.inbox(),
                services.appointments(), services.events(), core.scripts(), services.settings(), services.offers(), calendar(config, services.offers()),
                metrics = new Metrics(() -> core.stores().isOpen() ? (int) core.stores().outbox().count() : 0,
                () -> core.stores().isOpen() ? core.stores().conversations().urgentIds().size() : 0), () -> !closed && core.stores().isOpen() && core.nluReady(), clock,
                new WebServer.Chat(chatSessions, services.chatHub(), services::emergency, services.chatAlerts()), signOn, services.unitOffers()));
        try {
            server.start(); // /health says 503 until the NLU, loading on other threads meanwhile, is ready
            core.awaitNlu();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        UserCommand.writeLocalAccess(config.store().dataDir(), port(), accounts.localToken());
        startScheduler(1000);
        backupSocket = BackupSocket.start(core.stores()); // `store backup` while the server runs
        core.every(1, 60, TimeUnit.MINUTES, "retention", () -> services.exclusive("retention", services.retention()::run));
        log.info("kontakt started port={} public_url={} twilio={} languages={} scripts={}", port(), config.server().publicBase(),
                config.twilio().sendsForReal() ? "rest" : "dev-sender", config.unit().languages(), services.conversations().engine().library().names());
        return this;
    }

    /** Runs the clock tick ({@link Services#tick}: timers, reminders, feedback, escalation, alerts, offers, outbox) every {@code periodMillis}. */
    public void startScheduler(long periodMillis) {
        core.startScheduler(periodMillis);
    }

    /** Sends the on-call alerts counted while their phone's interval ran; returns how many SMS were queued. */
    public int flushAlerts() {
        return services.flushAlerts();
    }

    /** The public calendar of the offers, with UIDs in the public URL's host. */
    static OffersCalendar calendar(AppConfig config, Offers offers) {
        return new OffersCalendar(offers.catalogue(), config.unit().name(), config.server().publicUrl().getHost(),
                java.time.Duration.ofDays(config.offers().calendarDays()));
    }

    /** The compiler for the configuration's languages and the registered actions (for {@code validate}). */
    public static Compiler compiler(AppConfig config) {
        return Services.compiler(config);
    }

    /** The running server (for tests that inspect its routes). */
    public Javalin server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public Stores stores() {
        return core.stores();
    }

    public Accounts accounts() {
        return accounts;
    }

    public ConversationService conversations() {
        return services.conversations();
    }

    public OutboxDispatcher outbox() {
        return services.outbox();
    }

    public ScriptAdmin scripts() {
        return core.scripts();
    }

    /** The domain services (inbox, appointments, feedback, offers, settings, retention, live events). */
    public Services services() {
        return services;
    }

    public InboxService inbox() {
        return services.inbox();
    }

    public Appointments appointments() {
        return services.appointments();
    }

    public Feedback feedback() {
        return services.feedback();
    }

    public Offers offers() {
        return services.offers();
    }

    /** The live updates the inbox streams and the web chat follow. */
    public InboxEvents events() {
        return services.events();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        core.stopScheduler(); // a tick in flight finishes against an open store
        services.close(); // the web chat's browsers are let go before the server stops
        if (server != null) {
            UserCommand.removeLocalAccess(core.config().store().dataDir(), accounts.localToken());
            server.stop();
            metrics.close();
        }
        backupSocket.ifPresent(BackupSocket::close);
        core.close();
        log.info("kontakt stopped");
    }
}
