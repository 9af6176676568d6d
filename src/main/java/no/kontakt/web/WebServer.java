package no.kontakt.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.offers.OffersCalendar;
import no.kontakt.store.Json;
import no.kontakt.store.Stores;

/** Builds the Javalin server: request limits, error mapping, and every route group. */
public final class WebServer {
    private WebServer() {}

    public static Javalin create(AppConfig config, ConversationService conversations, Stores stores,
                                 BooleanSupplier ready, Clock clock, OffersCalendar calendar) {
        long maxBytes = config.server().maxRequestBytes();
        var twilio = new TwilioRoutes(conversations, stores, config.twilio().authToken(),
                config.server().publicBase(), config.twilio().statusCallbacks(), clock);
        var offers = new OffersRoutes(calendar, config.unit().languages(), config.unit().defaultLanguage(), clock);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = maxBytes;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.jetty.port = config.server().port();
            cfg.routes.before(ctx -> {
                if (ctx.contentLength() > maxBytes) {
                    throw ApiError.tooLarge(maxBytes);
                }
            });
            ErrorMapping.register(cfg.routes);
            cfg.routes.get("/health", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "unavailable"));
            });
            twilio.register(cfg.routes);
            offers.register(cfg.routes);
        });
    }
}
