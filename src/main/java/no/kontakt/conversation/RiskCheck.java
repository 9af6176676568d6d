package no.kontakt.conversation;

import java.util.List;

/** The safety net's port: does a message signal acute risk, and why (rule ids, never the text). */
public interface RiskCheck {

    Assessment assess(String text, String language);

    record Assessment(boolean risk, List<String> reasons) {
        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }
}
