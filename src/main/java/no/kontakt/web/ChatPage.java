package no.kontakt.web;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kontakt.channel.chat.ChatSessions;
import no.kontakt.config.AppConfig;
import no.kontakt.store.Json;

/**
 * The citizen's web chat page, {@code /chat}: rendered in the language the browser asks for (or {@code ?lang=}),
 * with the unit's emergency numbers as they are configured now, so the numbers show even before (or without) the
 * script. The texts are {@code web/assets/chat-texts.json}, which the page's script also reads to switch language.
 */
final class ChatPage {
    static final String PATH = "/chat";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(?:(t|v)\\.)?([a-z_]+)}}");

    private final String template;
    private final Map<String, Map<String, String>> texts;
    private final AppConfig config;
    private final ChatSessions sessions;
    private final Supplier<AppConfig.Emergency> emergency;

    /** The other units' configurations by id: {@code /chat?unit=id} is that unit's chat (its name and emergency numbers). */
    private final Map<String, AppConfig> units;

    ChatPage(AppConfig config, ChatSessions sessions, Supplier<AppConfig.Emergency> emergency) {
        this(config, sessions, emergency, Map.of());
    }

    ChatPage(AppConfig config, ChatSessions sessions, Supplier<AppConfig.Emergency> emergency, Map<String, AppConfig> units) {
        this.units = Map.copyOf(units);
        this.config = config;
        this.sessions = sessions;
        this.emergency = emergency;
        this.template = Pages.text("/web/chat.html");
        try {
            this.texts = Json.MAPPER.readValue(Pages.text("/web/assets/chat-texts.json"), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("web/assets/chat-texts.json is not valid JSON", e);
        }
        for (String language : config.unit().languages()) {
            render(language, false, false); // a missing text stops start-up, not a citizen's page
        }
        for (String unit : this.units.keySet()) {
            for (String language : this.units.get(unit).unit().languages()) {
                render(language, false, false, unit);
            }
        }
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::page);
    }

    private void page(Context ctx) {
        String unit;
        try {
            unit = ChatRoutes.requestedUnit(ctx, config.unit().id(), units);
        } catch (ApiError e) {
            ctx.status(404).contentType("text/html; charset=utf-8").result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Not found</title></head><body><h1>No such chat</h1><p>" + escape(e.getMessage())
                    + "</p><p><a href=\"" + PATH + "\">Open the chat</a></p></body></html>");
            return;
        }
        Optional<String> asked = Optional.ofNullable(ctx.queryParam("lang")).flatMap(sessions::match);
        String language = asked.orElseGet(() -> fromHeader(ctx.header("Accept-Language")));
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(render(language, asked.isPresent(), "1".equals(ctx.queryParam("embed")), unit));
    }

    /** The first of the browser's languages (by weight) the unit offers, else the unit's default. */
    private String fromHeader(String acceptLanguage) {
        return sessions.preferred(acceptLanguage).orElse(config.unit().defaultLanguage());
    }

    String render(String language, boolean explicit, boolean embedded) {
        return render(language, explicit, embedded, null);
    }

    /** The page of {@code unitId}'s chat (null: the default unit's). */
    String render(String language, boolean explicit, boolean embedded, String unitId) {
        AppConfig unitConfig = unitId == null ? config : units.get(unitId);
        AppConfig.Emergency numbers = unitId == null ? emergency.get() : unitConfig.emergency();
        Map<String, String> values = new HashMap<>(numbers.placeholders());
        values.put("unit", unitConfig.unit().name());
        values.put("days", String.valueOf(config.retention().closedConversationDays()));
        values.put("max", String.valueOf(ChatRoutes.MAX_TEXT));
        Map<String, String> slots = new HashMap<>();
        slots.put("lang", language);
        slots.put("languages", String.join(" ", unitConfig.unit().languages()));
        slots.put("default_language", unitConfig.unit().defaultLanguage());
        slots.put("unit_id", unitId == null ? "" : unitId);
        slots.put("explicit", String.valueOf(explicit));
        slots.put("embedded", String.valueOf(embedded));
        slots.put("max", values.get("max"));
        slots.put("tel_emergency", tel(numbers.emergencyNumber()));
        slots.put("tel_medical", tel(numbers.medicalNumber()));
        slots.put("tel_crisis", tel(numbers.crisisLine()));
        Map<String, String> words = texts.get(language);
        if (words == null) {
            throw new IllegalStateException("web/assets/chat-texts.json has no texts in " + language);
        }
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1) == null ? "" : m.group(1)) {
                case "t" -> fill(words.get(m.group(2)), values);
                case "v" -> values.get(m.group(2));
                default -> slots.get(m.group(2));
            };
            if (value == null) {
                throw new IllegalStateException("web/chat.html: " + m.group() + " has no value in " + language);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(2), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String tel(String number) {
        return "tel:" + number.replaceAll("[^0-9+]", "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
