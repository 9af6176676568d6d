package no.kontakt.hours;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The opening hours in force, which an admin can replace while Kontakt runs. */
public final class Hours {
    private final AtomicReference<OpeningHours> current;

    public Hours(OpeningHours initial) {
        this.current = new AtomicReference<>(initial);
    }

    public OpeningHours get() {
        return current.get();
    }

    public void set(OpeningHours hours) {
        current.set(hours);
    }

    /** Whether the hours in force are open at {@code now} (read once, so a replacement mid-question cannot mix two). */
    public boolean isOpen(Instant now) {
        OpeningHours hours = get();
        return hours.isOpen(now.atZone(hours.zone()));
    }

    /** The next opening after {@code now} in the hours' own zone, if there is one. */
    public Optional<ZonedDateTime> nextOpening(Instant now) {
        OpeningHours hours = get();
        return hours.nextOpening(now.atZone(hours.zone()));
    }
}
