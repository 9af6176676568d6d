package no.kontakt.conversation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.flow.ActionSpec;

/**
 * {@code handoff}: the conversation needs a person; it is put in the staff queue with an optional reason.
 * <pre>
 * action: handoff
 * with: { reason: not_understood }
 * exits: { done: told_someone_will_write }
 * </pre>
 */
public final class HandoffAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("handoff", "Put the conversation in the staff queue",
            Set.of("reason"), Set.of(), List.of("done"), Set.of());

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> inputs, ActionContext context) {
        context.update(c -> c.waitingForPerson(context.now()));
        return Result.of("done");
    }
}
