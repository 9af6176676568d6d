package no.kontakt.inbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kontakt.flow.YesNo;

/**
 * A citizen's answer to an offered appointment: yes or no, and with a no the reason if they give one. A clear yes
 * or no ({@link YesNo}) has no reason; otherwise a no that opens the message ("nei, jeg jobber da", "passer ikke
 * den dagen", "nej tak – jeg er syg") keeps the rest as the reason. Anything else is not an answer.
 */
public record AppointmentAnswer(boolean yes, String reason) {
    static final int MAX_REASON = 300;
    private static final Pattern CLAUSE = Pattern.compile("^([^,.;:!?–—]+?)\\s*(?:[,.;:!?–—]+|\\s-\\s)\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern WORDS = Pattern.compile("\\s+");

    public static Optional<AppointmentAnswer> parse(String text, String language) {
        Optional<Boolean> plain = YesNo.parse(text, language);
        if (plain.isPresent()) {
            return Optional.of(new AppointmentAnswer(plain.get(), null));
        }
        String stripped = text.strip();
        Matcher clause = CLAUSE.matcher(stripped);
        if (clause.matches() && isNo(clause.group(1), language)) {
            return reason(clause.group(2));
        }
        String[] words = WORDS.split(stripped);
        for (int k = 1; k < Math.min(words.length, 4); k++) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
            if (isNo(head, language)) {
                return reason(String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length)));
            }
        }
        return Optional.empty();
    }

    private static boolean isNo(String head, String language) {
        return YesNo.parse(head, language).map(yes -> !yes).orElse(false);
    }

    private static Optional<AppointmentAnswer> reason(String rest) {
        String reason = rest.strip();
        if (reason.isEmpty()) {
            return Optional.of(new AppointmentAnswer(false, null));
        }
        return Optional.of(new AppointmentAnswer(false, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
    }
}
