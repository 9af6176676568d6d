package no.kontakt.hours;

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
}
