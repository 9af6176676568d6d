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
import no.kontakt.store.Batch;
import no.kontakt.store.Delivery;
import no.kontakt.store.Stores;

/**
 * Twilio's Messaging webhook and status callback. Each request's signature is checked against the public
 * URL before anything is read into the store; the reply is rendered only after its commit.
 */
final class TwilioRoutes {
    static final String SMS_PATH = "/twilio/sms";
    static final String STATUS_PATH = "/twilio/status";

    private final ConversationService conversations;
    private final Stores stores;
    private final TwilioSignature signature;
    private final String publicBase;
    private final boolean statusCallbacks;
    private final Clock clock;
    private final Metrics metrics;

    TwilioRoutes(ConversationService conversations, Stores stores, String authToken, String publicBase,
                 boolean statusCallbacks, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.conversations = conversations;
        this.stores = stores;
        this.signature = authToken == null ? null : new TwilioSignature(authToken);
        this.publicBase = publicBase;
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
        var message = new InboundMessage("sms", required(form, "MessageSid"), required(form, "From"),
                required(form, "To"), form.first("Body"), mediaCount(form), clock.instant());
        Reply reply = conversations.receive(message);
        String twiml = TwiML.render(reply.texts(), i -> statusCallbacks && i < reply.messageIds().size()
                ? publicBase + STATUS_PATH + "?m=" + URLEncoder.encode(reply.messageIds().get(i), StandardCharsets.UTF_8)
                : null);
        ctx.contentType("application/xml; charset=utf-8").result(twiml.getBytes(StandardCharsets.UTF_8));
        if (!reply.duplicate()) {
            metrics.received(reply.texts().size(), reply.texts().stream().mapToLong(t -> no.kontakt.flow.Segments.of(t).count()).sum(),
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void status(Context ctx) {
        TwilioForm form = verifiedForm(ctx);
        String sid = required(form, "MessageSid");
        String status = required(form, "MessageStatus");
        String messageId = ctx.queryParam("m");
        if (messageId != null && stores.messages().find(messageId).isPresent()) {
            Batch batch = new Batch();
            stores.deliveries().report(batch, new Delivery(messageId, sid, status, form.first("ErrorCode"), clock.instant()));
            stores.commit(batch);
        }
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
            String url = publicBase + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            if (!signature.isValid(url, form.params(), ctx.header("X-Twilio-Signature"))) {
                throw ApiError.forbidden("The X-Twilio-Signature header is missing or does not match this request "
                        + "(signed over " + url + "; check server.public_url).");
            }
        }
        return form;
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
