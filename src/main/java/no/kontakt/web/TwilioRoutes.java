package no.kontakt.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import no.kontakt.channel.InboundMessage;
import no.kontakt.channel.twilio.TwiML;
import no.kontakt.channel.twilio.TwilioForm;
import no.kontakt.channel.twilio.TwilioSignature;
import no.kontakt.conversation.ConversationService;
import no.kontakt.conversation.Reply;

/**
 * Twilio's Messaging webhook and status callback. Each request's signature is checked against the public URL (its
 * scheme and host as a trusted proxy forwards them) before anything is read into the store; signed and unsigned
 * requests have limits of their own. The fields' formats are checked (a bad one is a 400 that stores nothing), and
 * the reply is rendered only after its commit. With Twilio's Advanced Opt-Out, a message that carries
 * {@code OptOutType} (STOP, START, HELP) has been answered by Twilio already: it goes through the conversation as
 * that global word, and the TwiML answer is empty.
 */
final class TwilioRoutes {
    static final String SMS_PATH = "/twilio/sms";
    static final String STATUS_PATH = "/twilio/status";

    private final ConversationService conversations;
    private final TwilioSignature signature;
    private final String publicBase;
    private final boolean statusCallbacks;
    private final Clock clock;
    private final Metrics metrics;
    private final String publicPath;
    private final String accountSid;
    private final RouteLimits limits;
    private final UnitAccess units;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwilioRoutes.class);
    private static final java.util.regex.Pattern MESSAGE_SID = java.util.regex.Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    private static final java.util.regex.Pattern ACCOUNT_SID = java.util.regex.Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final java.util.Set<String> STATUSES = java.util.Set.of("accepted", "scheduled", "canceled", "queued", "sending",
            "sent", "failed", "delivered", "undelivered", "receiving", "received", "read", "partially_delivered");
    private static final java.util.Map<String, String> OPT_OUT_WORDS = java.util.Map.of("STOP", "STOP", "START", "START", "HELP", "HELP");

    TwilioRoutes(ConversationService conversations, String authToken, String accountSid, java.net.URI publicUrl,
                 boolean statusCallbacks, RouteLimits limits, Clock clock, Metrics metrics, UnitAccess units) {
        this.units = units;
        this.metrics = metrics;
        this.conversations = conversations;
        this.signature = authToken == null ? null : new TwilioSignature(authToken);
        String base = publicUrl.toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String path = publicUrl.getRawPath() == null ? "" : publicUrl.getRawPath();
        this.publicPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.accountSid = accountSid;
        this.limits = limits;
        this.statusCallbacks = statusCallbacks;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post(SMS_PATH, this::sms);
        routes.post(STATUS_PATH, this::status);
    }

    private void sms(Context ctx) {
        long started = System.nanoTime();
        TwilioForm form = verifiedForm(ctx);
        String sid = matching(form, "MessageSid", MESSAGE_SID, "SM or MM and 32 hex digits");
        String from = matching(form, "From", E164, "an E.164 number such as +4791234567");
        String to = matching(form, "To", E164, "an E.164 number such as +4759440000");
        int media = mediaCount(form);
        String optOut = form.first("OptOutType") == null ? null : OPT_OUT_WORDS.get(form.first("OptOutType").strip().toUpperCase(java.util.Locale.ROOT));
        // Twilio has answered an opt-out keyword itself: the conversation hears the global word it stands for.
        String body = optOut != null ? optOut : form.first("Body");
        Reply reply = conversations.receive(new InboundMessage("sms", sid, from, to, body, media, clock.instant()), unit(to, form));
        String twiml = optOut != null ? TwiML.render(java.util.List.of(), i -> null) : TwiML.render(reply.texts(), i -> statusCallbacks && i < reply.messageIds().size()
                ? publicBase + STATUS_PATH + "?m=" + URLEncoder.encode(reply.messageIds().get(i), StandardCharsets.UTF_8)
                : null);
        ctx.contentType("application/xml; charset=utf-8").result(twiml.getBytes(StandardCharsets.UTF_8));
        if (!reply.duplicate()) {
            metrics.received(reply.texts().size(), reply.texts().stream().mapToLong(t -> no.kontakt.flow.Segments.of(t).count()).sum(),
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The unit the message was sent to, by its {@code To} (or messaging service); null: the default unit. */
    private String unit(String to, TwilioForm form) {
        String service = form.first("MessagingServiceSid");
        String unit = units.unitOfNumber(to, service);
        if (units.ids().size() > 1 && !units.known(to, service)) {
            log.info("message to a number of no listed unit goes to the default unit to={}", no.kontakt.privacy.Mask.phone(to));
        }
        return unit;
    }

    private void status(Context ctx) {
        TwilioForm form = verifiedForm(ctx);
        String sid = matching(form, "MessageSid", MESSAGE_SID, "SM or MM and 32 hex digits");
        String status = required(form, "MessageStatus");
        if (!STATUSES.contains(status)) {
            throw ApiError.badRequest("The form field MessageStatus is not a Twilio message status (queued, sent, delivered, …).");
        }
        String errorCode = form.first("ErrorCode");
        if (errorCode != null && !errorCode.isBlank() && !errorCode.strip().matches("[0-9]{1,6}")) {
            throw ApiError.badRequest("The form field ErrorCode must be a number.");
        }
        String messageId = ctx.queryParam("m");
        conversations.reportDelivery(messageId, sid, status, form.first("ErrorCode"));
        ctx.status(204);
    }

    private TwilioForm verifiedForm(Context ctx) {
        TwilioForm form;
        try {
            form = TwilioForm.parse(ctx.bodyAsBytes());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (signature != null) {
            String url = signedUrl(ctx);
            java.util.Map<String, String> fields;
            try {
                fields = form.single();
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("The body is not Twilio's form: " + e.getMessage() + ".");
            }
            if (!signature.isValid(url, fields, ctx.header("X-Twilio-Signature"))) {
                RouteLimits.check(ctx, limits.unsigned);
                throw ApiError.forbidden("The X-Twilio-Signature header is missing or does not match this request "
                        + "(signed over " + url + "; check server.public_url).");
            }
        }
        RouteLimits.check(ctx, limits.webhook);
        String account = matching(form, "AccountSid", ACCOUNT_SID, "AC and 32 hex digits");
        if (accountSid != null && !accountSid.equalsIgnoreCase(account)) {
            throw ApiError.badRequest("The form field AccountSid is not this service's Twilio account.");
        }
        return form;
    }

    /**
     * The URL Twilio signed: the public URL, with the scheme and host a trusted proxy forwards when it does (the path
     * prefix of the public URL stays).
     */
    private String signedUrl(Context ctx) {
        String proto = ClientAddresses.forwardedProto(ctx);
        String host = ClientAddresses.forwardedHost(ctx);
        String base = proto == null && host == null ? publicBase
                : (proto != null ? proto : java.net.URI.create(publicBase).getScheme()) + "://"
                + (host != null ? host : java.net.URI.create(publicBase).getRawAuthority()) + publicPath;
        return base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }

    private static String matching(TwilioForm form, String field, java.util.regex.Pattern format, String expected) {
        String value = required(form, field);
        if (!format.matcher(value).matches()) {
            throw ApiError.badRequest("The form field " + field + " must be " + expected + ".");
        }
        return value;
    }

    private static String required(TwilioForm form, String field) {
        String value = form.first(field);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("The form field " + field + " is missing.");
        }
        if (value.length() > 256) {
            throw ApiError.badRequest("The form field " + field + " is too long.");
        }
        return value.strip();
    }

    private static int mediaCount(TwilioForm form) {
        try {
            String n = form.first("NumMedia");
            return n == null ? 0 : Math.max(0, Integer.parseInt(n.strip()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("The form field NumMedia is not a number.");
        }
    }
}
