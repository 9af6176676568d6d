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
 * {@code cancel_contact}: withdraws the conversation's open contact requests.
 * <pre>
 * action: cancel_contact
 * exits: { cancelled: ok, none: nothing_to_cancel }
 * </pre>
 */
public final class CancelContactAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("cancel_contact", "Withdraw the conversation's open contact requests",
            Set.of(), Set.of(), List.of("cancelled", "none"), Set.of());

    private final ContactRequestStore requests;

    public CancelContactAction(ContactRequestStore requests) {
        this.requests = requests;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> inputs, ActionContext ctx) {
        List<ContactRequest> open = requests.ofConversation(ctx.conversation().id()).stream()
                .filter(r -> ContactRequest.OPEN.equals(r.status())).toList();
        open.forEach(r -> requests.save(ctx.batch(), r.withStatus(ContactRequest.CANCELLED, ctx.now())));
        return Result.of(open.isEmpty() ? "none" : "cancelled");
    }
}
