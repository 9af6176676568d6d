package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.kontakt.channel.InboundMessage;
import no.kontakt.channel.chat.ChatHub;
import no.kontakt.channel.chat.ChatSessions;
import no.kontakt.config.AppConfig;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.Reply;
import no.kontakt.store.Conversation;
import no.kontakt.store.InboundReceipt;

/**
 * The web chat under {@code /api/chat}: open a session (nothing is stored), send a message (the same conversation
 * service as SMS: engine, safety net, flood protection), and follow the conversation live as server-sent events.
 * The page confirms what it has shown ({@code received}: the replies become {@code delivered}). Each endpoint has
 * its own per-address limit (429 with Retry-After), and streams are capped per conversation, per address and in all. Staff tell a citizen they are writing with
 * {@code POST /api/inbox/conversations/{id}/typing}.
 */
final class ChatRoutes {
    static final String SESSIONS = "/api/chat/sessions";
    static final int MAX_TEXT = 1000;
    private static final String CHANNEL = ChatSessions.CHANNEL;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,4}");
    private static final Pattern AFTER = Pattern.compile("[0-9]{10}(~[A-Za-z0-9.-]{1,64})?");

    private final ConversationService conversations;
    private final ChatSessions sessions;
    private final ChatHub hub;
    private final Supplier<AppConfig.Emergency> emergency;
    private final AppConfig.Unit unit;
    private final Clock clock;
    private final Metrics metrics;
    private final RouteLimits limits;
    private final SseHandler stream = new SseHandler(this::stream);

    private final no.kontakt.channel.chat.ChatAlerts alerts;
    /** The other units' configurations by id: a session of one of them talks to that unit (its name, numbers, scripts). */
    private final Map<String, AppConfig> units;
    private final UnitAccess staffUnits;

    ChatRoutes(ConversationService conversations, WebServer.Chat chat, AppConfig.Unit unit, RouteLimits limits, Clock clock,
               Metrics metrics) {
        this(conversations, chat, unit, limits, clock, metrics, Map.of());
    }

    ChatRoutes(ConversationService conversations, WebServer.Chat chat, AppConfig.Unit unit, RouteLimits limits, Clock clock,
               Metrics metrics, Map<String, AppConfig> units) {
        this(conversations, chat, unit, limits, clock, metrics, units, null);
    }

    /** With {@code staffUnits}, staff may signal typing only in the conversations of their units (null: one unit, all). */
    ChatRoutes(ConversationService conversations, WebServer.Chat chat, AppConfig.Unit unit, RouteLimits limits, Clock clock,
               Metrics metrics, Map<String, AppConfig> units, UnitAccess staffUnits) {
        this.staffUnits = staffUnits;
        this.units = Map.copyOf(units);
        this.conversations = conversations;
        this.metrics = metrics;
        this.sessions = chat.sessions();
        this.hub = chat.hub();
        this.emergency = chat.emergency();
        this.alerts = chat.alerts();
        this.unit = unit;
        this.clock = clock;
        this.limits = limits;
    }

    void register(RoutesConfig routes) {
        routes.post(SESSIONS, this::open);
        routes.post(SESSIONS + "/{id}/messages", this::message);
        routes.get(SESSIONS + "/{id}/events", this::events);
        routes.post(SESSIONS + "/{id}/received", this::received);
        routes.post("/api/inbox/conversations/{id}/typing", this::typing, Role.INBOX);
    }

    private void open(Context ctx) {
        RouteLimits.check(ctx, limits.chatOpen);
        String unitId = requestedUnit(ctx, unit.id(), units);
        AppConfig other = unitId == null ? null : units.get(unitId);
        ChatSessions.Session session = sessions.open(requestedLanguage(ctx), unitId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", session.id());
        body.put("language", session.language());
        body.put("languages", other == null ? unit.languages() : other.unit().languages());
        body.put("unit", other == null ? unit.name() : other.unit().name());
        body.put("maxLength", MAX_TEXT);
        body.put("emergency", other == null ? emergency.get().placeholders() : other.emergency().placeholders());
        ctx.status(201).json(body);
    }

    private void message(Context ctx) {
        RouteLimits.check(ctx, limits.chatMessages);
        ChatSessions.Session session = session(ctx);
        JsonNode body = Bodies.json(ctx);
        String text = text(body);
        String messageId;
        try {
            messageId = sessions.messageId(session, optionalText(body, "id"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("The field 'id' must be 8 to 64 letters, digits, '-' or '_' (one per message, the same on a retry).");
        }
        String conversationId = conversationId(session);
        if (alerts != null) {
            alerts.from(conversationId, ClientAddresses.key(ctx));
        }
        Reply reply = conversations.receive(new InboundMessage(CHANNEL, messageId, session.id(), CHANNEL, text, 0, clock.instant()), session.unit());
        hub.changed(conversationId);
        if (!reply.duplicate()) {
            metrics.chat(reply.texts().size());
        }
        ctx.status(reply.duplicate() ? 200 : 201).json(answer(conversationId, messageId, text, reply, session));
    }

    private Map<String, Object> answer(String conversationId, String messageId, String text, Reply reply, ChatSessions.Session session) {
        Optional<Conversation> conversation = conversations.conversation(conversationId);
        String inboundId = conversations.receipt(messageId).map(InboundReceipt::messageId).orElse(null);
        String now = clock.instant().toString();
        List<Map<String, Object>> replies = new ArrayList<>();
        for (int i = 0; i < reply.texts().size(); i++) {
            replies.add(message(i < reply.messageIds().size() ? reply.messageIds().get(i) : null, "bot", reply.texts().get(i), now));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", message(inboundId, "citizen", text, now));
        body.put("replies", replies);
        body.put("language", conversation.map(Conversation::language).orElse(session.language()));
        body.put("status", conversation.map(Conversation::status).orElse(Conversation.BOT));
        body.put("urgent", conversation.map(Conversation::urgent).orElse(false));
        body.put("erased", conversation.isEmpty());
        return body;
    }

    private static Map<String, Object> message(String id, String from, String text, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id == null ? null : id.substring(id.indexOf('/') + 1));
        m.put("from", from);
        m.put("text", text);
        m.put("at", at);
        return m;
    }

    private void events(Context ctx) throws Exception {
        RouteLimits.check(ctx, limits.chatEvents);
        ChatSessions.Session session = session(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiError(406, "not_acceptable", "This is a stream of server-sent events: ask with 'Accept: text/event-stream'.");
        }
        String after = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("after");
        if (after != null && !after.isEmpty() && !AFTER.matcher(after).matches()) {
            throw ApiError.badRequest("Last-Event-ID (or ?after=) must be the id of an event of this stream, like 0000000007.");
        }
        String address = ClientAddresses.key(ctx);
        String refusal = hub.reserve(address); // counted before the stream's 200 is sent
        if ("address".equals(refusal)) {
            ctx.header("Retry-After", "60");
            throw new ApiError(429, "too_many_streams", "Too many chats are open from your address; close one and try again.");
        } else if (refusal != null) {
            throw new ApiError(503, "busy", "Too many open chats right now; try again in a minute.");
        }
        ctx.attribute("chat.address", address);
        ctx.attribute("chat.conversation", conversationId(session));
        ctx.attribute("chat.after", after == null || after.isEmpty() ? null : after);
        try {
            stream.handle(ctx); // sends the 200, then connects on Javalin's async thread (connectReserved below)
        } catch (Exception e) {
            hub.unreserve(address); // the stream never started
            throw e;
        }
    }

    private void stream(SseClient client) {
        client.keepAlive();
        Runnable disconnect = hub.connectReserved(client.ctx().attribute("chat.conversation"), client.ctx().attribute("chat.after"),
                client.ctx().attribute("chat.address"), new SseChatClient(client));
        client.onClose(disconnect);
    }

    /** The page has shown every message up to {@code upTo} (an event id): the replies up to there are delivered. */
    private void received(Context ctx) {
        RouteLimits.check(ctx, limits.chatReceived);
        ChatSessions.Session session = session(ctx);
        String upTo = optionalText(Bodies.json(ctx), "upTo");
        if (upTo == null || !AFTER.matcher(upTo).matches()) {
            throw ApiError.badRequest("The field 'upTo' must be the id of an event of this chat, like 0000000007.");
        }
        ctx.json(Map.of("delivered", hub.received(conversationId(session), upTo)));
    }

    private void typing(Context ctx) {
        String id = ctx.pathParam("id");
        if ((staffUnits != null && !staffUnits.sees(Auth.staff(ctx), id)) || conversations.conversation(id).isEmpty()) {
            throw ApiError.notFound("There is no conversation " + id + ".");
        }
        ctx.json(Map.of("browsers", hub.typing(id)));
    }

    private ChatSessions.Session session(Context ctx) {
        return sessions.find(ctx.pathParam("id")).filter(s -> s.unit() == null || units.containsKey(s.unit())).orElseThrow(() ->
                ApiError.notFound("There is no chat session with that id; open one with POST " + SESSIONS + "."));
    }

    /** The session's conversation, in the unit its id names (the default unit's ids are as they always were). */
    private String conversationId(ChatSessions.Session session) {
        return no.kontakt.conversation.UnitIds.of(conversations.conversationId(CHANNEL, session.id()), session.unit());
    }

    /**
     * The unit a chat is opened in: {@code ?unit=} (or the body's {@code unit}), null for the default unit or none asked;
     * a unit the configuration does not have is a 404.
     */
    static String requestedUnit(Context ctx, String defaultId, Map<String, AppConfig> units) {
        String asked = ctx.queryParam("unit");
        if (asked == null && ctx.method() == io.javalin.http.HandlerType.POST) {
            byte[] raw = ctx.bodyAsBytes();
            if (raw.length > 0 && !new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                asked = optionalText(Bodies.json(ctx), "unit");
            }
        }
        if (asked == null || asked.isEmpty()) {
            return null;
        }
        if (units.containsKey(asked)) {
            return asked;
        }
        if (asked.equals(defaultId)) {
            return null;
        }
        throw ApiError.notFound("There is no unit '" + (asked.length() > 30 ? asked.substring(0, 30) + "…" : asked)
                + "' here; leave unit out for the main chat, or use the id of one of this service's units.");
    }

    private static String requestedLanguage(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0 || new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        String language = optionalText(Bodies.json(ctx), "language");
        if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
            throw ApiError.badRequest("The field 'language' must be a language tag like nb, nb-NO or en (was not).");
        }
        return language;
    }

    /** The citizen's text: control characters other than line breaks and tabs removed; not blank; at most MAX_TEXT. */
    private static String text(JsonNode body) {
        JsonNode value = body.get("text");
        String text = value == null || !value.isTextual() ? ""
                : value.asText().replace("\r\n", "\n").replaceAll("[\\p{Cc}\\p{Cs}&&[^\\n\\t]]", "").strip();
        if (text.isEmpty()) {
            throw ApiError.badRequest("The field 'text' is missing or empty.");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw ApiError.badRequest("The field 'text' is longer than " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("The field '" + field + "' must be a string.");
        }
        return value.asText();
    }
}
