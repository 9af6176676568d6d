package no.kontakt.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import no.kontakt.hours.Hours;
import no.kontakt.hours.OpeningHours;
import no.kontakt.hours.Spoken;
import no.kontakt.store.ContactRequest;

/**
 * When to expect contact, computed from the unit's opening hours and its promise: the moment the promised
 * open time (e.g. 7.5 hours, one working day) has passed — "innen i morgen kl. 11.00".
 */
public final class HoursPromise implements ContactPromise {
    private static final Map<String, String> WITHIN = Map.of("nb", "innen", "nn", "innan", "da", "inden", "sv", "senast", "en", "by");

    private final Hours office;
    private final Duration promise;

    public HoursPromise(Hours office, Duration promise) {
        this.office = office;
        this.promise = promise;
    }

    @Override
    public String describe(ContactRequest request, Instant now, String language) {
        OpeningHours hours = office.get();
        ZonedDateTime local = now.atZone(hours.zone());
        ZonedDateTime by = hours.afterOpenTime(local, promise).orElse(local.plusDays(2));
        return WITHIN.getOrDefault(language, "by") + " " + Spoken.when(by, local, language);
    }

    @Override
    public boolean openDuring(ZonedDateTime from, ZonedDateTime to) {
        return office.get().openTimeBetween(from, to).compareTo(Duration.ofMinutes(30)) >= 0;
    }
}
