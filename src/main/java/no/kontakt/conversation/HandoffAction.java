package no.kontakt.conversation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.flow.ActionSpec;
import no.kontakt.hours.Staffing;

/**
 * {@code handoff}: the conversation needs a person; it is put in the staff queue with an optional reason, and
 * marked urgent with {@code urgent: "yes"}. {@code reads} says when a person reads it ("snart", or the next
 * opening of the office or the evening team in words).
 * <pre>
 * action: handoff
 * with: { reason: not_understood }
 * exits: { done: told_someone_will_write }
 * </pre>
 */
public final class HandoffAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("handoff", "Put the conversation in the staff queue",
            Set.of("reason", "urgent"), Set.of(), List.of("done"), Set.of("reads"));

    private final Staffing staffing;

    public HandoffAction(Staffing staffing) {
        this.staffing = staffing;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> inputs, ActionContext context) {
        context.update(c -> c.waitingForPerson(context.now()));
        if ("yes".equals(inputs.get("urgent"))) {
            context.update(c -> c.markedUrgent(context.now()));
        }
        return new Result("done", Map.of("reads", staffing.reads(context.now(), context.language())));
    }
}
