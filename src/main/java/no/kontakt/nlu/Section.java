package no.kontakt.nlu;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section of a lexicon file, e.g. {@code [suicidal]}, {@code [method:pills mention]} or {@code [topic:course]}:
 * what the patterns under it mean. A {@code mention} section holds words that may only name a topic
 * ("selvmord" in "foredrag om selvmord"); they count as risk unless a topic phrase stands close by.
 * A topic section marked {@code after} ({@code [topic:course after]}) counts only right after or inside
 * the mention ("selvmord kurs"), never before it ("kurs? datteren min skader seg selv").
 */
record Section(Kind kind, String name, boolean mention, boolean after) {
    /** What a section's lines are. */
    enum Kind {
        RISK, TOPIC, THIRD_PERSON, FIRST_PERSON, NEGATION, NEGATION_SCOPE, INABILITY, INTENTION, TAKEN, CLAUSE, PAST, PRESENT, FILLER, ALIAS, ORDINARY, EMOJI, WORDS
    }

    static final String KNOWN = "suicidal, self_harm, overdose, violence, domestic_violence, method:KIND (each optionally with ' mention'), "
            + "topic:KIND (optionally with ' after'), third_person, first_person, negation, negation_scope, inability, intention, taken, clause, past, present, "
            + "filler, alias, ordinary, words, emoji:NAME";

    private static final Pattern HEADER = Pattern.compile(
            "(suicidal|self_harm|overdose|violence|domestic_violence|method:[a-z_]+)( mention)?|(topic|emoji):([a-z_]+)( after)?"
                    + "|third_person|first_person|negation_scope|negation|inability|intention|taken|clause|past|present|filler|alias|ordinary|words");

    /** The section named by {@code header} (without brackets), or {@code null} if there is none. */
    static Section parse(String header) {
        Matcher m = HEADER.matcher(header.trim().replaceAll("\\s+", " "));
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return new Section(Kind.RISK, m.group(1), m.group(2) != null, false);
        }
        if (m.group(3) != null) {
            boolean after = m.group(5) != null;
            if (after && m.group(3).equals("emoji")) {
                return null;
            }
            return new Section(m.group(3).equals("topic") ? Kind.TOPIC : Kind.EMOJI, m.group(4), false, after);
        }
        return new Section(Kind.valueOf(header.trim().toUpperCase(Locale.ROOT)), header.trim(), false, false);
    }

    /**
     * The risk category used in rule ids: {@code suicidal}, {@code self_harm}, {@code overdose}, {@code method}, {@code violence},
     * {@code domestic_violence}.
     */
    String category() {
        return name.startsWith("method:") ? "method" : name;
    }

    /** The summary reason of a method word ({@code method:pills}, {@code method:overdose}), or {@code null}. */
    String methodReason() {
        if (name.startsWith("method:")) {
            return name;
        }
        return name.equals("overdose") ? "method:overdose" : null;
    }
}
