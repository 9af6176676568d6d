package no.kontakt.flow;

import java.time.ZonedDateTime;
import java.util.Optional;

/** The unit's opening hours as the slot reader needs them: the opening period now, or the next one. */
@FunctionalInterface
public interface OpeningHours {
    /** The period the unit is open that contains {@code now}, else the next one; empty when it never opens. */
    Optional<TimeWindow> openAt(ZonedDateTime now);

    /** No hours known: "when you're open" is read as soon as possible. */
    OpeningHours UNKNOWN = now -> Optional.empty();
}
