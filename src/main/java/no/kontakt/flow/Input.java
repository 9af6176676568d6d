package no.kontakt.flow;

import java.util.List;
import java.util.Map;

/** What wakes the engine: a message, a timer coming due, or the result of an action it asked for. */
public sealed interface Input {

    /**
     * A message from the citizen; {@code risk} and its reasons come from the risk detector, outside the engine.
     * {@code quiet}: a person has the conversation, so only the safety net and the global words answer.
     * {@code riskKind} (suicidal, self_harm, overdose_taken, violence, domestic_violence) and {@code aboutOther}
     * (the writer worries about someone else) say which answer the safety script gives; the engine keeps them
     * as the variables {@code risk_kind} and {@code about_other}.
     */
    record Text(String text, boolean risk, List<String> riskReasons, boolean quiet, String riskKind, boolean aboutOther) implements Input {
        public Text {
            riskReasons = riskReasons == null ? List.of() : List.copyOf(riskReasons);
            riskKind = riskKind == null || riskKind.isBlank() ? "suicidal" : riskKind;
        }

        public Text(String text, boolean risk, List<String> riskReasons, boolean quiet) {
            this(text, risk, riskReasons, quiet, null, false);
        }

        public Text(String text, boolean risk, List<String> riskReasons) {
            this(text, risk, riskReasons, false);
        }

        public static Text of(String text) {
            return new Text(text, false, List.of());
        }
    }

    /** The session's timer is due (reminder or expiry), with no message from the citizen. */
    record TimerFired() implements Input {}

    /** The action the engine asked for finished through {@code exit}, with values for the script. */
    record ActionDone(String exit, Map<String, String> outputs) implements Input {
        public ActionDone {
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        }
    }
}
