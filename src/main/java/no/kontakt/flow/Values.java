package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Turns a reply into a typed value, stored as text: {@code text} as written (trimmed, at most 500 characters),
 * {@code yes_no} as {@code yes}/{@code no}, {@code number} as digits, {@code time_window} as {@code asap} or
 * {@code <from>/<to>} in ISO-8601 with offset.
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
        };
    }

    public static String format(TimeWindow window) {
        if (window.asap()) {
            return "asap";
        }
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return window.earliest().format(f) + "/" + (window.latest() == null ? "" : window.latest().format(f));
    }
}
