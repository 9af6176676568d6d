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
 * {@code ambulant_request}: during ambulant hours, an urgent call-back request at the top of the queue and an
 * alert to the on-call phones (sent when the conversation becomes urgent); outside them, nothing is promised ({@code closed}).
 * <pre>
 * action: ambulant_request
 * with: { phone: "{{phone}}" }
 * exits: { alerted: told_call_within, closed: when_open, needs_number: ask_number }
 * </pre>
 * From the web chat, without a {@code phone} input, nothing is saved and the exit is {@code needs_number}.
 */
public final class AmbulantRequestAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("ambulant_request", "Ask the ambulant team on duty to call back, urgently",
            Set.of("topic", CallbackNumber.INPUT), Set.of(), List.of("alerted", "closed", CallbackNumber.NEEDS_NUMBER), Set.of("request_id"));

    private final ContactRequestStore requests;
    private final OnCallAlerts alerts;

    public AmbulantRequestAction(ContactRequestStore requests, OnCallAlerts alerts) {
        this.requests = requests;
        this.alerts = alerts;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> in, ActionContext ctx) {
        if (!alerts.onDuty(ctx.now())) {
            return Result.of("closed");
        }
        if (CallbackNumber.missing(in, ctx)) {
            return Result.of(CallbackNumber.NEEDS_NUMBER);
        }
        String conversationId = ctx.conversation().id();
        String id = conversationId + "/" + String.format("%015d", ctx.now().toEpochMilli());
        String topic = in.get("topic") == null || in.get("topic").isBlank() ? null : in.get("topic").strip();
        requests.save(ctx.batch(), new ContactRequest(id, conversationId, topic, "call", "asap", null, null, true,
                ContactRequest.OPEN, ctx.now(), ctx.now(), CallbackNumber.given(in)));
        boolean wasUrgent = ctx.conversation().urgent();
        ctx.update(c -> c.markedUrgent(ctx.now())); // becoming urgent alerts the on-call phones …
        if (wasUrgent) {
            alerts.alert(ctx.batch(), ctx.now(), conversationId.substring(conversationId.length() - 6)); // … already urgent: a call is asked for now
        }

        return new Result("alerted", Map.of("request_id", id));
    }
}
