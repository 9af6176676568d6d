package no.kontakt.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import no.kontakt.admin.ScriptAdmin;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.Appointments;
import no.kontakt.inbox.InboxEvents;
import no.kontakt.inbox.InboxService;
import no.kontakt.offers.OffersCalendar;
import no.kontakt.records.Records;
import no.kontakt.store.Json;

/** Builds the Javalin server: request limits, authentication, error mapping, and every route group. */
public final class WebServer {
    private WebServer() {}

    /** What the routes call: services only, never the store itself. */
    public record Parts(ConversationService conversations, Records records, no.kontakt.admin.Statistics statistics, Accounts accounts, InboxService inbox,
                        Appointments appointments, InboxEvents events, ScriptAdmin scripts, no.kontakt.admin.Settings settings,
                        no.kontakt.offers.Offers offers, OffersCalendar calendar,
                        Metrics metrics, BooleanSupplier ready, Clock clock, Chat chat, SignOn signOn,
                        Map<String, no.kontakt.offers.Offers> unitOffers) {
        /** @param unitOffers the other units' offers by unit id (the default unit's are {@code offers}) */
        public Parts {
            unitOffers = unitOffers == null ? Map.of() : Map.copyOf(unitOffers);
        }

        public Parts(ConversationService conversations, Records records, no.kontakt.admin.Statistics statistics, Accounts accounts, InboxService inbox,
                     Appointments appointments, InboxEvents events, ScriptAdmin scripts, no.kontakt.admin.Settings settings,
                     no.kontakt.offers.Offers offers, OffersCalendar calendar,
                     Metrics metrics, BooleanSupplier ready, Clock clock, Chat chat, SignOn signOn) {
            this(conversations, records, statistics, accounts, inbox, appointments, events, scripts, settings, offers, calendar, metrics, ready, clock, chat,
                    signOn, Map.of());
        }

        public Parts(ConversationService conversations, Records records, no.kontakt.admin.Statistics statistics, Accounts accounts, InboxService inbox,
                     Appointments appointments, InboxEvents events, ScriptAdmin scripts, no.kontakt.admin.Settings settings,
                     no.kontakt.offers.Offers offers, OffersCalendar calendar,
                     Metrics metrics, BooleanSupplier ready, Clock clock, Chat chat) {
            this(conversations, records, statistics, accounts, inbox, appointments, events, scripts, settings, offers, calendar, metrics, ready, clock, chat,
                    new SignOn(null, null));
        }
    }

    /** Single sign-on: the settings (issuer and client, the environment's values applied) and the client secret (null: a public client). */
    /**
     * Staff sign-on: the settings, the OIDC client secret, and {@code tag}, a keyed hash of the shared secret that signs a
     * pending sign-in into the browser's cookie (so the provider may send the browser back to any instance); null: a key
     * of this process.
     */
    public record SignOn(AppConfig.SignIn settings, String clientSecret, java.util.function.UnaryOperator<String> tag) {
        public SignOn(AppConfig.SignIn settings, String clientSecret) {
            this(settings, clientSecret, null);
        }
    }

    /** What the web chat uses: its sessions, the connected browsers, and the emergency numbers as they are now. */
    public record Chat(no.kontakt.channel.chat.ChatSessions sessions, no.kontakt.channel.chat.ChatHub hub,
                       java.util.function.Supplier<AppConfig.Emergency> emergency, no.kontakt.channel.chat.ChatAlerts alerts) {}

    public static Javalin create(AppConfig config, Parts parts) {
        long maxBytes = config.server().maxRequestBytes();
        var limits = new RouteLimits(config.server().limits());
        var clients = new ClientAddresses(config.server().trustedProxies());
        var units = new UnitAccess(config);
        var twilio = new TwilioRoutes(parts.conversations(), config.twilio().authToken(), config.twilio().accountSid(),
                config.server().publicUrl(), config.twilio().statusCallbacks(), limits, parts.clock(), parts.metrics(), units);
        var auth = new Auth(parts.accounts(), units::unitsOf);
        boolean https = "https".equals(config.server().publicUrl().getScheme());
        var hardening = new Hardening(https, config.server().embedOrigins());
        var connections = config.server().connections();
        parts.chat().hub().limit(connections.maxStreams(), connections.streamsPerAddress());
        Map<String, AppConfig> unitConfigs = new java.util.LinkedHashMap<>();
        config.units().forEach(u -> unitConfigs.put(u.id(), config.forUnit(u.id())));
        var chat = new ChatRoutes(parts.conversations(), parts.chat(), config.unit(), limits, parts.clock(),
                parts.metrics(), unitConfigs, units);
        var chatPage = new ChatPage(config, parts.chat().sessions(), parts.chat().emergency(), unitConfigs);
        byte[] openApi = resource("/openapi.json");
        var offers = new OffersRoutes(parts.calendar(), config.unit().languages(), config.unit().defaultLanguage(), parts.clock());
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = maxBytes;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.jetty.port = config.server().port();
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            new SlowClients(connections, clients, maxBytes, config.server().port()).install(cfg);
            Pages.assets(cfg);
            cfg.routes.before(clients::resolve);
            cfg.routes.before(hardening::headers);
            cfg.routes.before(limits::byPath);
            cfg.routes.before(ctx -> {
                if (ctx.contentLength() > maxBytes) {
                    throw ApiError.tooLarge(maxBytes);
                }
            });
            cfg.routes.beforeMatched(auth::check);
            ErrorMapping.register(cfg.routes);
            cfg.routes.get("/health", ctx -> {
                boolean ok = parts.ready().getAsBoolean();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "unavailable"));
            });
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            cfg.routes.get("/metrics", parts.metrics()::scrape);
            twilio.register(cfg.routes);
            var authRoutes = new AuthRoutes(parts.accounts(), https, parts.clock()).units(units);
            authRoutes.register(cfg.routes);
            AppConfig.SignIn signIn = parts.signOn().settings();
            if (signIn != null && signIn.oidc()) {
                new OidcRoutes(new OidcRoutes.Settings(signIn.oidcIssuer(), signIn.oidcClientId(), parts.signOn().clientSecret(),
                        java.net.URI.create(config.server().publicBase() + "/auth/oidc/callback")), parts.accounts(), authRoutes, https, parts.clock(),
                        parts.signOn().tag())
                        .register(cfg.routes);
            } else {
                OidcRoutes.registerDisabled(cfg.routes);
            }
            new InboxRoutes(parts.inbox(), parts.appointments(), parts.events(), parts.offers(), parts.unitOffers(), parts.clock(),
                    config.unit().defaultLanguage(), new InboxRoutes.Office(java.time.Duration.ofMinutes(
                            Math.round(config.office().contactPromiseHours() * 60)), config.unit().timeZone()), units).register(cfg.routes);
            new AdminRoutes(parts.accounts(), parts.inbox(), parts.statistics(), units).register(cfg.routes);
            new RecordRoutes(parts.records(), parts.conversations(), parts.clock(), config, units).register(cfg.routes);
            new ScriptRoutes(parts.scripts(), new no.kontakt.admin.TranscriptCheck(config, parts.scripts())).register(cfg.routes);
            new SettingsRoutes(parts.settings()).register(cfg.routes);
            offers.register(cfg.routes);
            chat.register(cfg.routes);
            chatPage.register(cfg.routes);
            new Pages().register(cfg.routes);
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
