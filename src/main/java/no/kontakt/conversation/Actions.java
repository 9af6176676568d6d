package no.kontakt.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.flow.ActionSpec;

/** The actions registered by name: their specs for the validator, and running them for the engine. */
public final class Actions {
    private final Map<String, Action> byName = new LinkedHashMap<>();

    public Actions(List<Action> actions) {
        for (Action a : actions) {
            if (byName.put(a.spec().name(), a) != null) {
                throw new IllegalArgumentException("two actions are named " + a.spec().name());
            }
        }
    }

    /** These actions and {@code more} (every name still once). */
    public Actions with(List<Action> more) {
        List<Action> all = new java.util.ArrayList<>(byName.values());
        all.addAll(more);
        return new Actions(all);
    }

    public Map<String, ActionSpec> specs() {
        Map<String, ActionSpec> specs = new LinkedHashMap<>();
        byName.forEach((name, a) -> specs.put(name, a.spec()));
        return specs;
    }

    public Action.Result run(String name, Map<String, String> inputs, ActionContext context) {
        Action action = byName.get(name);
        if (action == null) {
            throw new IllegalStateException("no action named " + name);
        }
        Action.Result result = action.run(inputs, context);
        if (!action.spec().exits().contains(result.exit())) {
            throw new IllegalStateException("action " + name + " returned undeclared exit " + result.exit());
        }
        return result;
    }
}
