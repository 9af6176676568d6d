package no.kontakt.offers;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** One meeting of an offer, in the unit's time zone. Its {@link #key()} is stable: {@code kid/2027-01-12T18:00}. */
public record OfferSession(String offerId, ZonedDateTime start, ZonedDateTime end) implements Comparable<OfferSession> {
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public OfferSession {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a session ends after it starts (" + start + " - " + end + ")");
        }
    }

    public String key() {
        return offerId + "/" + start.toLocalDateTime().format(KEY);
    }

    @Override
    public int compareTo(OfferSession other) {
        int byStart = start.toInstant().compareTo(other.start.toInstant());
        return byStart != 0 ? byStart : offerId.compareTo(other.offerId);
    }
}
