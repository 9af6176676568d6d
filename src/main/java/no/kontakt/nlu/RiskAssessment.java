package no.kontakt.nlu;

import java.util.List;
import java.util.Objects;

/**
 * Whether a message signals acute risk, and why: {@code reasons} are rule ids such as
 * {@code lexicon:nb:suicidal:ikke leve}, {@code method:overdose}, {@code emoji:pill}, {@code third_person}
 * or {@code topic:course}, and never hold any of the message's own text, so they can be stored as an event.
 */
public record RiskAssessment(boolean risk, List<String> reasons) {
    public RiskAssessment {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
