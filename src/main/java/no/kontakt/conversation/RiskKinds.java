package no.kontakt.conversation;

import java.util.List;

/**
 * Which safety answer a risk flag needs, read from the risk detector's reasons (rule ids, never the text):
 * the lexicon section names are the contract ({@code lexicon:nb:overdose:…} → overdose already taken,
 * {@code domestic_violence}, {@code violence}, {@code self_harm}; anything else, a method word or the classifier
 * alone → suicidal), and {@code third_person} means the writer worries about someone else.
 */
public final class RiskKinds {
    /** The kinds, most urgent first: when reasons name several, the first wins. */
    public static final List<String> KINDS = List.of("overdose_taken", "domestic_violence", "violence", "self_harm", "suicidal");

    private RiskKinds() {}

    /** The kind and whether it is about someone else. */
    public record Kind(String kind, boolean aboutOther) {}

    public static Kind of(List<String> reasons) {
        int best = KINDS.size() - 1;
        boolean aboutOther = false;
        for (String reason : reasons) {
            if (reason.equals("third_person")) {
                aboutOther = true;
            }
            String kind = kindOf(reason);
            int rank = kind == null ? -1 : KINDS.indexOf(kind);
            if (rank >= 0 && rank < best) {
                best = rank;
            }
        }
        return new Kind(KINDS.get(best), aboutOther);
    }

    /** The kind one reason points to, or null when it says nothing about the kind (discounted, topic, classifier…). */
    static String kindOf(String reason) {
        if (reason.equals("method:overdose")) {
            return "overdose_taken";
        }
        if (!reason.startsWith("lexicon:")) {
            return null;
        }
        String[] parts = reason.split(":", 4); // lexicon:nb:overdose:phrase
        if (parts.length < 3) {
            return null;
        }
        return switch (parts[2]) {
            case "overdose" -> "overdose_taken";
            case "domestic_violence" -> "domestic_violence";
            case "violence" -> "violence";
            case "self_harm" -> "self_harm";
            default -> "suicidal";
        };
    }
}
