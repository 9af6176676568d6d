package no.kontakt.nlu;

import java.util.List;

/**
 * One pattern line of a lexicon: a sequence of slots, each matching one word of the message.
 * An {@code exception} ("!" line, never with a gap) suppresses the risk hits that overlap its own match
 * ("dont want to die" suppresses "want to die"; "en paracet for hodepinen" suppresses "tok .. paracet").
 */
record Rule(String language, Section section, String text, List<Slot> slots, boolean exception, boolean firstPerson) {

    /** How a lexicon word matches a message word. */
    enum Mode { WORD, EXACT, PREFIX, SUFFIX, INFIX }

    /** One word of a pattern in folded form, e.g. {@code selvmord} as a PREFIX for {@code selvmord*}. */
    record WordForm(String text, Mode mode) {}

    /** The alternatives for one message word ({@code han|hun}), matched at most {@code gapBefore} words after the previous slot. */
    record Slot(List<WordForm> alternatives, int gapBefore) {}

    /** The explainable id, e.g. {@code lexicon:nb:suicidal:ikke leve}; built from the lexicon, never from a message. */
    String id() {
        String id = "lexicon:" + language + ":" + section.category() + ":" + text;
        return exception ? "negated:" + id : id;
    }
}
