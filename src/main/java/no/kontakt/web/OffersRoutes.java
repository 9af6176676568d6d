package no.kontakt.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import no.kontakt.offers.OffersCalendar;

/** {@code GET /offers.ics}: the public groups and courses as an iCalendar feed; {@code ?lang=en} picks the language. */
final class OffersRoutes {
    static final String CALENDAR_PATH = "/offers.ics";

    private final OffersCalendar calendar;
    private final List<String> languages;
    private final String defaultLanguage;
    private final Clock clock;

    OffersRoutes(OffersCalendar calendar, List<String> languages, String defaultLanguage, Clock clock) {
        this.calendar = calendar;
        this.languages = List.copyOf(languages);
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(CALENDAR_PATH, this::calendar);
    }

    private void calendar(Context ctx) {
        String language = ctx.queryParam("lang") == null ? defaultLanguage : ctx.queryParam("lang");
        if (!languages.contains(language)) {
            throw ApiError.badRequest("lang must be one of " + languages + ".");
        }
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Cache-Control", "public, max-age=900")
                .result(calendar.render(clock.instant(), language).getBytes(StandardCharsets.UTF_8));
    }
}
