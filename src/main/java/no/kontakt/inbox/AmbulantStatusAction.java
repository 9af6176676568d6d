package no.kontakt.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;
import no.kontakt.hours.Hours;
import no.kontakt.hours.Spoken;

/**
 * {@code ambulant_status}: is the evening and weekend team on duty now? If not, when it opens, in words.
 * <pre>
 * action: ambulant_status
 * exits: { open: offer_call, closed: when_open }
 * </pre>
 */
public final class AmbulantStatusAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("ambulant_status", "Whether the ambulant team is on duty, and when it opens",
            Set.of(), Set.of(), List.of("open", "closed"), Set.of("opens", "call_within"));

    private final Hours hours;
    private final int callWithinMinutes;

    public AmbulantStatusAction(Hours hours, int callWithinMinutes) {
        this.hours = hours;
        this.callWithinMinutes = callWithinMinutes;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> inputs, ActionContext ctx) {
        if (hours.isOpen(ctx.now())) {
            return new Result("open", Map.of("call_within", String.valueOf(callWithinMinutes)));
        }
        String opens = hours.nextOpening(ctx.now()).map(t -> Spoken.when(t, ctx.now().atZone(t.getZone()), ctx.language())).orElse("");
        return new Result("closed", Map.of("opens", opens, "call_within", String.valueOf(callWithinMinutes)));
    }
}
