package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import no.kontakt.text.Fold;

/**
 * Turns a reply into a typed value, stored as text: {@code text} as written (trimmed, at most 500 characters),
 * {@code yes_no} as {@code yes}/{@code no}, {@code number} as digits, {@code time_window} as {@code asap} or
 * {@code <from>/<to>} in ISO-8601 with offset, {@code phone} as a telephone number of 8 to 15 digits with an
 * optional leading {@code +} (spaces, dashes, dots and brackets dropped; {@code 00} becomes {@code +}).
 */
public final class Values {
    public static final int MAX_TEXT = 500;

    private Values() {}

    public static Optional<String> parse(Wait.ValueType type, String reply, String language, ZonedDateTime now) {
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case TEXT -> Optional.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
            case YES_NO -> YesNo.parse(text, language).map(yes -> yes ? "yes" : "no");
            case NUMBER -> Numbers.parse(text, language).map(String::valueOf);
            case TIME_WINDOW -> TimeWindowParser.parse(text, language, now).map(Values::format);
            case PHONE -> phone(text);
            case NAME -> Slots.plausibleName(text, language);
            case TOPIC -> questionOrInsult(text, language) ? Optional.empty() : parse(Wait.ValueType.TEXT, text, language, now);
        };
    }

    /** Questions about the service itself, not about what the person wants to talk about. */
    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile(
            "^(er du|er dette|er det en|hvem er|kven er|hvem skriver|hva er dette|kva er dette|hva betyr|hva mener du|kva meiner du|"
            + "hvad er det her|hvem er du|hvad mener du|hvad betyder|är du|vem är|vad är detta|vad betyder|vad menar du|are you|who are|"
            + "who is this|what is this|what does|what do you mean|is this a|hæ|hæh|huh|hva|kva|hvad|vad|what|hvorfor|kvifor|hvorfor det|varför|why)\\b.*");
    private static final java.util.Set<String> INSULTS = java.util.Set.of("idiot", "dust", "drittsekk", "faen", "fuck", "fuck off", "fuck you",
            "hold kjeft", "drit og dra", "kuk", "fitte", "jævla", "jævel", "satan", "helvete", "pikk", "shit", "stupid", "dum", "dumme",
            "din idiot", "du er dum", "dra til helvete", "fanden", "fan", "skit", "jävla", "kæft", "klap i", "håll käften", "idiotisk");

    /**
     * True for a reply that asks something ("hva koster det?", "er du en robot") or insults, rather than saying what it is
     * about: never saved as a topic or a name.
     */
    public static boolean questionOrInsult(String reply, String language) {
        String text = reply == null ? "" : reply.strip();
        String n = Matching.normalize(text);
        if (text.endsWith("?") && Fold.words(text, Fold.MATCH).size() <= 4) {
            return true;
        }
        if (Fold.words(text, Fold.MATCH).size() <= 6 && QUESTION.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches()
                && (text.endsWith("?") || Fold.words(text, Fold.MATCH).size() <= 3)) {
            return true;
        }
        for (String insult : INSULTS) {
            if (Matching.containsPhrase(n, Matching.normalizeConfigured(insult)) && Fold.words(text, Fold.MATCH).size() <= 5) {
                return true;
            }
        }
        return false;
    }

    /** A telephone number as people write it ("912 34 567", "+47 912-34-567", "0046 70 123 45 67"), or empty. */
    static Optional<String> phone(String text) {
        String compact = text.replaceAll("[\\s().\\-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return compact.matches("\\+?[0-9]{8,15}") ? Optional.of(compact) : Optional.empty();
    }

    public static String format(TimeWindow window) {
        if (window.asap()) {
            return "asap";
        }
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return window.earliest().format(f) + "/" + (window.latest() == null ? "" : window.latest().format(f));
    }
}
