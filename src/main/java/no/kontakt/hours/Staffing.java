package no.kontakt.hours;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Who is at work now — the evening and weekend team, the office, or nobody — and, for a message written now,
 * when a person reads it: "snart" while someone is at work, otherwise the next opening of either, in words.
 */
public final class Staffing {
    /** Who is at work; {@code TEAM} also means a call can be made now. */
    public enum Who { TEAM, OFFICE, NOBODY }

    private static final Map<String, String> SOON = Map.of("nb", "snart", "nn", "snart", "da", "snart", "sv", "snart", "en", "soon");

    private final Hours office;
    private final Hours ambulant;

    public Staffing(Hours office, Hours ambulant) {
        this.office = office;
        this.ambulant = ambulant;
    }

    public Who at(Instant now) {
        if (ambulant.isOpen(now)) {
            return Who.TEAM;
        }
        return office.isOpen(now) ? Who.OFFICE : Who.NOBODY;
    }

    /** When a person reads a message written now, in words of {@code language}. */
    public String reads(Instant now, String language) {
        if (at(now) != Who.NOBODY) {
            return SOON.getOrDefault(language, "soon");
        }
        ZonedDateTime local = now.atZone(office.get().zone());
        Optional<ZonedDateTime> next = earliest(office.nextOpening(now), ambulant.nextOpening(now));
        return next.map(t -> Spoken.when(t, local, language)).orElse(SOON.getOrDefault(language, "soon"));
    }

    private static Optional<ZonedDateTime> earliest(Optional<ZonedDateTime> a, Optional<ZonedDateTime> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }
}
