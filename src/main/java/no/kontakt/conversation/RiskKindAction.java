package no.kontakt.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.flow.ActionSpec;

/**
 * {@code risk_kind}: which safety answer fits the risk just flagged, as an exit. Worry about someone else
 * ({@code about_other}) is its own exit unless an overdose or violence is named: those get the same numbers
 * whoever they happen to.
 * <pre>
 * action: risk_kind
 * with: { kind: "{{risk_kind}}", about_other: "{{about_other}}" }
 * exits: { overdose_taken: overdose, violence: violence, domestic_violence: domestic, about_other: other,
 *          self_harm: self_harm, suicidal: suicidal }
 * </pre>
 */
public final class RiskKindAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("risk_kind", "Which safety answer fits the risk just flagged",
            Set.of("kind", "about_other"), Set.of("kind"), exits(), Set.of());

    private static List<String> exits() {
        List<String> exits = new ArrayList<>(RiskKinds.KINDS);
        exits.add("about_other");
        return exits;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> inputs, ActionContext context) {
        String kind = RiskKinds.KINDS.contains(inputs.get("kind")) ? inputs.get("kind") : "suicidal";
        boolean aboutOther = "yes".equals(inputs.get("about_other"));
        if (aboutOther && (kind.equals("suicidal") || kind.equals("self_harm"))) {
            return Result.of("about_other");
        }
        return Result.of(kind);
    }
}
