package no.kontakt.conversation;

import java.util.Map;
import no.kontakt.flow.ActionSpec;

/** A domain action scripts call by name: it stages its writes in the turn's batch and names its exit. */
public interface Action {

    ActionSpec spec();

    Result run(Map<String, String> inputs, ActionContext context);

    /** The exit the action took and the values it gives the script. */
    record Result(String exit, Map<String, String> outputs) {
        public Result {
            outputs = Map.copyOf(outputs);
        }

        public static Result of(String exit) {
            return new Result(exit, Map.of());
        }
    }
}
