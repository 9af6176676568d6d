package no.kontakt.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;
import no.kontakt.hours.Staffing;

/**
 * {@code on_duty}: who is at work now — the evening and weekend team (it can call now), the office, or nobody —
 * and when a person reads what the citizen writes ({@code reads}: "snart", or the next opening in words).
 * <pre>
 * action: on_duty
 * exits: { team: offer_call, office: office_reads, nobody: nobody_reads }
 * </pre>
 */
public final class OnDutyAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("on_duty", "Who is at work now, and when a person reads a message",
            Set.of(), Set.of(), List.of("team", "office", "nobody"), Set.of("reads", "call_within"));

    private final Staffing staffing;
    private final int callWithinMinutes;

    public OnDutyAction(Staffing staffing, int callWithinMinutes) {
        this.staffing = staffing;
        this.callWithinMinutes = callWithinMinutes;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> inputs, ActionContext ctx) {
        String exit = switch (staffing.at(ctx.now())) {
            case TEAM -> "team";
            case OFFICE -> "office";
            case NOBODY -> "nobody";
        };
        return new Result(exit, Map.of("reads", staffing.reads(ctx.now(), ctx.language()), "call_within", String.valueOf(callWithinMinutes)));
    }
}
