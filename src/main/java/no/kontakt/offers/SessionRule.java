package no.kontakt.offers;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When an offer meets: once at a date and time, or weekly on some weekdays between two dates. Times are local to
 * the unit: a weekly 18:00 stays 18:00 across the change to and from summer time.
 * <pre>
 * sessions:
 *   - at: 2026-12-02 10:00
 *     duration: 3h
 *   - weekly: [monday, thursday]
 *     time: "15:00"
 *     duration: 1h30m
 *     from: 2027-01-11
 *     until: 2027-02-18
 *     except: [2027-02-15]
 * </pre>
 */
public sealed interface SessionRule {
    /** How far ahead a rule without an end is searched for its next meeting. */
    int HORIZON_DAYS = 400;

    /** The meetings of this rule that overlap {@code [from, to)}, in time order. */
    List<OfferSession> between(String offerId, ZonedDateTime from, ZonedDateTime to, ZoneId zone);

    /** One meeting. */
    record Once(LocalDateTime start, Duration duration) implements SessionRule {
        @Override
        public List<OfferSession> between(String offerId, ZonedDateTime from, ZonedDateTime to, ZoneId zone) {
            ZonedDateTime begins = start.atZone(zone);
            ZonedDateTime ends = begins.plus(duration);
            return ends.isAfter(from) && begins.isBefore(to) ? List.of(new OfferSession(offerId, begins, ends)) : List.of();
        }
    }

    /** Every week on {@code days} at {@code time}, from {@code from} until {@code until} (none: no end), but not on {@code except}. */
    record Weekly(Set<DayOfWeek> days, LocalTime time, Duration duration, LocalDate from, LocalDate until, Set<LocalDate> except)
            implements SessionRule {
        public Weekly {
            days = Set.copyOf(days);
            except = except == null ? Set.of() : Set.copyOf(except);
        }

        @Override
        public List<OfferSession> between(String offerId, ZonedDateTime windowFrom, ZonedDateTime windowTo, ZoneId zone) {
            LocalDate first = later(from, windowFrom.withZoneSameInstant(zone).toLocalDate().minusDays(1));
            LocalDate last = windowTo.withZoneSameInstant(zone).toLocalDate();
            if (until != null && until.isBefore(last)) {
                last = until;
            }
            List<OfferSession> out = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (!days.contains(day.getDayOfWeek()) || except.contains(day)) {
                    continue;
                }
                // ZonedDateTime.of moves a time in the spring-forward gap to after it, and takes the earlier offset in an overlap
                ZonedDateTime begins = ZonedDateTime.of(day, time, zone);
                ZonedDateTime ends = begins.plus(duration);
                if (ends.isAfter(windowFrom) && begins.isBefore(windowTo)) {
                    out.add(new OfferSession(offerId, begins, ends));
                }
            }
            return out;
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
