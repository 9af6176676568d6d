package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a citizen wants to be contacted: as soon as possible ({@code asap}, from {@code earliest} with no
 * {@code latest}), or a concrete window from {@code earliest} to {@code latest}.
 */
public record TimeWindow(boolean asap, ZonedDateTime earliest, ZonedDateTime latest) {
    public TimeWindow {
        Objects.requireNonNull(earliest, "earliest");
        if (asap && latest != null) {
            throw new IllegalArgumentException("an asap window has no latest, got " + latest);
        }
        if (!asap && latest == null) {
            throw new IllegalArgumentException("a concrete window needs a latest, earliest=" + earliest);
        }
        if (latest != null && !earliest.isBefore(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is not before latest " + latest);
        }
    }

    /** As soon as possible, or any time, counted from {@code now}. */
    public static TimeWindow asap(ZonedDateTime now) {
        return new TimeWindow(true, now, null);
    }

    /** A concrete window; {@code earliest} must be before {@code latest}. */
    public static TimeWindow between(ZonedDateTime earliest, ZonedDateTime latest) {
        return new TimeWindow(false, earliest, Objects.requireNonNull(latest, "latest"));
    }
}
