package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the time window in a message and the words it came from, for {@link Slots}. */
final class WindowReader {
    /** A window and the words of the message it was read from. */
    record Found(TimeWindow window, String words) {}

    /** Words that make a day or a "nå" in a free message about contact: "passer", "ledig", "available". */
    private static final Set<String> CONTACT = SlotTokens.set("passer", "passar", "passe", "passa", "suits",
            "suit", "works", "work for me", "kontakt", "kontakte", "kontakta", "contact", "reach", "treffe",
            "treffes", "traffas", "ledig", "ledug", "available", "free", "tid", "tiden", "time for", "samtale",
            "samtal", "svar", "svare", "svara", "reply", "answer", "horer", "hore fra", "hear", "hear from",
            "naes", "nas", "hjelp", "hjalp", "hjaelp", "help", "snakke", "prate", "prata", "tale", "talk", "mote",
            "motes", "meet", "avtale", "aftale", "appointment", "komme", "kome", "come");
    private static final int MAX_WORDS = 12;
    /** Longer messages are not trimmed word by word (that costs a reading per word); their last words are kept. */
    private static final int MAX_SCAN = 40;

    private WindowReader() {}

    /**
     * The window in {@code text}. As an answer to the window question ({@code asked}) the whole message is read as
     * {@link TimeWindowParser#parse} reads it; in a free message only clear time phrases count, and a day, a part of
     * the day or "nå" only in a message about contact ({@code contact}, or a word such as "passer", "ledig").
     */
    static Optional<Found> read(String text, String language, ZonedDateTime now, OpeningHours hours, boolean asked,
                                boolean contact) {
        boolean about = contact || asked || mentionsContact(text);
        return TimeWindowParser.parse(text, language, now, hours, !asked, about)
                .map(w -> new Found(w, words(text, language, now, hours, asked, about, w)));
    }

    private static boolean mentionsContact(String text) {
        SlotTokens t = SlotTokens.of(text);
        for (int i = 0; i < t.size(); i++) {
            if (t.matchAt(i, CONTACT, 2) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest run of the message's words that still gives the same window ("kan dere ringe meg etter 16?" →
     * "etter 16"), at most twelve words; the whole message, trimmed, when no shorter run does.
     */
    private static String words(String text, String language, ZonedDateTime now, OpeningHours hours, boolean asked,
                                boolean about, TimeWindow window) {
        List<String> words = List.of(text.strip().split("\\s+"));
        if (words.size() > MAX_SCAN) {
            return String.join(" ", words.subList(words.size() - MAX_WORDS, words.size()));
        }
        int from = 0;
        int to = words.size();
        while (from < to - 1 && same(words.subList(from + 1, to), language, now, hours, asked, about, window)) {
            from++;
        }
        while (to > from + 1 && same(words.subList(from, to - 1), language, now, hours, asked, about, window)) {
            to--;
        }
        List<String> run = words.subList(from, Math.min(to, from + MAX_WORDS));
        return String.join(" ", run).replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$|[?!,;]+$", "");
    }

    private static boolean same(List<String> words, String language, ZonedDateTime now, OpeningHours hours,
                                boolean asked, boolean about, TimeWindow window) {
        return TimeWindowParser.parse(String.join(" ", words), language, now, hours, !asked, about)
                .filter(window::equals).isPresent();
    }
}
