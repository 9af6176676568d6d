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
    private static final PhraseSet CONTACT = SlotTokens.set("passer", "passar", "passe", "passa", "suits",
            "suit", "works", "work for me", "kontakt", "kontakte", "kontakta", "contact", "reach", "treffe",
            "treffes", "traffas", "ledig", "ledug", "available", "free", "tid", "tiden", "time for", "samtale",
            "samtal", "svar", "svare", "svara", "reply", "answer", "horer", "hore fra", "hear", "hear from",
            "naes", "nas", "hjelp", "hjalp", "hjaelp", "help", "snakke", "prate", "prata", "tale", "talk", "mote",
            "motes", "meet", "avtale", "aftale", "appointment", "komme", "kome", "come");
    private static final int MAX_WORDS = 12;
    private static final java.util.regex.Pattern EDGES =
            java.util.regex.Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$|[?!,;]+$");

    private WindowReader() {}

    /**
     * The window in {@code text}. As an answer to the window question ({@code asked}) the whole message is read as
     * {@link TimeWindowParser#parse} reads it; in a free message only clear time phrases count, and a day, a part of
     * the day or "nå" only in a message about contact ({@code contact}, or a word such as "passer", "ledig").
     */
    static Optional<Found> read(String text, String language, ZonedDateTime now, OpeningHours hours, boolean asked,
                                boolean contact) {
        return read(text, SlotTokens.of(text), language, now, hours, asked, contact);
    }

    static Optional<Found> read(String text, SlotTokens tokens, String language, ZonedDateTime now,
                                OpeningHours hours, boolean asked, boolean contact) {
        boolean about = contact || asked || mentionsContact(tokens);
        return TimeWindowParser.parse(text, language, now, hours, !asked, about)
                .map(w -> new Found(w, words(text, language, now, hours, asked, about, w)));
    }

    private static boolean mentionsContact(SlotTokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.matchAt(i, CONTACT, 2) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest run of the message's words that still gives the same window ("kan dere ringe meg etter 16?" →
     * "etter 16"), found by halving from each end (a few readings, not one per word), at most twelve words.
     */
    private static String words(String text, String language, ZonedDateTime now, OpeningHours hours, boolean asked,
                                boolean about, TimeWindow window) {
        List<String> words = List.of(text.strip().split("\\s+"));
        int to = words.size();
        int lo = 0;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (same(words.subList(mid, to), language, now, hours, asked, about, window)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int from = lo;
        lo = from + 1;
        hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (same(words.subList(from, mid), language, now, hours, asked, about, window)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        to = lo;
        List<String> run = words.subList(from, Math.min(to, from + MAX_WORDS));
        return EDGES.matcher(String.join(" ", run)).replaceAll("");
    }

    private static boolean same(List<String> words, String language, ZonedDateTime now, OpeningHours hours,
                                boolean asked, boolean about, TimeWindow window) {
        return TimeWindowParser.parse(String.join(" ", words), language, now, hours, !asked, about)
                .filter(window::equals).isPresent();
    }
}
