package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

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
        };
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
