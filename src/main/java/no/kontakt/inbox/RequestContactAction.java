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
 */
public final class RequestContactAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("request_contact",
            "Put a request to be called or texted back in the staff queue",
            Set.of("topic", "channel", "window", "window_text", "name", "phone"), Set.of("channel"),
            List.of("created", CallbackNumber.NEEDS_NUMBER), Set.of("expected", "request_id"));

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
        String id = conversationId + "/" + String.format("%015d", ctx.now().toEpochMilli());
        String window = blankToNull(in.get("window"));
        var request = new ContactRequest(id, conversationId, blankToNull(in.get("topic")),
                "sms".equals(in.get("channel")) ? "sms" : "call", window == null ? "asap" : window,
                blankToNull(in.get("window_text")), blankToNull(in.get("name")), ctx.conversation().urgent(),
                ContactRequest.OPEN, ctx.now(), ctx.now(), CallbackNumber.given(in));
        requests.save(ctx.batch(), request);
        ctx.update(c -> c.waitingForPerson(ctx.now()));
        return new Result("created", Map.of("expected", promise.describe(request, ctx.now(), ctx.language()), "request_id", id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
