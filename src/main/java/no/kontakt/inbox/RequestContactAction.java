package no.kontakt.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.ContactRequestStore;

/**
 * {@code request_contact}: puts a contact request in the staff queue and tells the script when to expect
 * contact ({@code expected}), computed by the {@link ContactPromise}.
 * <pre>
 * action: request_contact
 * with: { topic: "{{topic}}", channel: "{{channel}}", window: "{{window}}", name: "{{name}}", phone: "{{phone}}" }
 * exits: { created: confirmed, needs_number: ask_number }
 * </pre>
 * Over SMS the number is the conversation's own. From the web chat there is no number to call or text back,
 * so without a {@code phone} input the action saves nothing and exits {@code needs_number}.
 * <p>{@code expected} says when, in the citizen's words: the window they asked for ("i morgen etter kl. 16"), or
 * without one the unit's promise ("innen i morgen kl. 11.00"); {@code by_sms} is {@code yes} for an SMS. With the
 * {@code request_id} of a request of this conversation that is still open, that request is updated (a correction
 * after the confirmation) instead of a second one made. {@code matters} and {@code support} (crisis plan, contact
 * person) are shown to staff on the request.
 */
public final class RequestContactAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("request_contact",
            "Put a request to be called or texted back in the staff queue",
            Set.of("topic", "channel", "window", "window_text", "name", "phone", "matters", "support", "request_id"), Set.of("channel"),
            List.of("created", CallbackNumber.NEEDS_NUMBER), Set.of("expected", "request_id", "by_sms"));

    private static final Map<String, String> CLOSED = Map.of("nb", ", for vi er ikke på jobb ", "nn", ", for vi er ikkje på jobb ",
            "da", ", for vi er ikke på arbejde ", "sv", ", eftersom vi inte arbetar ", "en", ", as we're not at work ");

    private final ContactRequestStore requests;
    private final ContactPromise promise;

    public RequestContactAction(ContactRequestStore requests, ContactPromise promise) {
        this.requests = requests;
        this.promise = promise;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> in, ActionContext ctx) {
        if (CallbackNumber.missing(in, ctx)) {
            return Result.of(CallbackNumber.NEEDS_NUMBER);
        }
        String conversationId = ctx.conversation().id();
        String earlier = blankToNull(in.get("request_id"));
        java.util.Optional<ContactRequest> open = earlier == null ? java.util.Optional.empty() : requests.find(earlier)
                .filter(r -> r.conversationId().equals(conversationId) && ContactRequest.OPEN.equals(r.status()));
        String id = open.map(ContactRequest::id).orElse(conversationId + "/" + String.format("%015d", ctx.now().toEpochMilli()));
        String window = blankToNull(in.get("window"));
        String phone = CallbackNumber.given(in);
        var request = new ContactRequest(id, conversationId, blankToNull(in.get("topic")),
                "sms".equals(in.get("channel")) ? "sms" : "call", window == null ? "asap" : window,
                blankToNull(in.get("window_text")), blankToNull(in.get("name")), ctx.conversation().urgent(),
                ContactRequest.OPEN, open.map(ContactRequest::createdAt).orElse(ctx.now()), ctx.now(),
                phone != null ? phone : open.map(ContactRequest::phone).orElse(null),
                blankToNull(in.get("matters")), blankToNull(in.get("support")));
        requests.save(ctx.batch(), request);
        ctx.update(c -> c.waitingForPerson(ctx.now()));
        return new Result("created", Map.of("expected", expected(request, ctx), "request_id", id,
                "by_sms", "sms".equals(request.channel()) ? "yes" : ""));
    }

    /** The window asked for, in words, when it is a concrete one still ahead; otherwise the unit's promise. */
    private String expected(ContactRequest request, ActionContext ctx) {
        if (!"asap".equals(request.window())) {
            try {
                String[] parts = request.window().split("/", 2);
                java.time.ZonedDateTime from = java.time.ZonedDateTime.parse(parts[0]);
                java.time.ZonedDateTime to = parts.length > 1 && !parts[1].isEmpty() ? java.time.ZonedDateTime.parse(parts[1]) : null;
                if (to != null && to.toInstant().isAfter(ctx.now())) {
                    java.time.ZonedDateTime now = ctx.now().atZone(from.getZone());
                    String words = no.kontakt.flow.Slots.describe(no.kontakt.flow.TimeWindow.between(from, to), ctx.language(), now);
                    if (promise.openDuring(from, to)) {
                        return words;
                    }
                    // nobody is at work then: say so, and when we will be in touch instead
                    return promise.describe(request, ctx.now(), ctx.language()) + CLOSED.getOrDefault(ctx.language(), CLOSED.get("en")) + words;
                }
            } catch (RuntimeException e) {
                // an unreadable window: fall back to the promise
            }
        }
        return promise.describe(request, ctx.now(), ctx.language());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
