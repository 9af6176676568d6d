package no.kontakt.hours;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Weekly opening periods in the unit's time zone — a period may run past midnight — with the country's public
 * holidays (Jollyday) either closed or kept like a Sunday, and exception dates that replace a day's periods.
 */
public final class OpeningHours {
    private static final int SEARCH_DAYS = 21;

    /** A weekly period: on these days from {@code from} to {@code to} (to ≤ from runs into the next day). */
    public record Period(Set<DayOfWeek> days, LocalTime from, LocalTime to) {}

    /** A date whose periods replace the weekly ones (none: closed that day). */
    public record Exception(LocalDate date, List<Period> periods) {}

    public enum OnHolidays { CLOSED, LIKE_SUNDAY }

    private record Interval(ZonedDateTime start, ZonedDateTime end) {}

    private final List<Period> periods;
    private final OnHolidays onHolidays;
    private final Map<LocalDate, Exception> exceptions;
    private final ZoneId zone;
    private final HolidayManager holidays;

    public OpeningHours(List<Period> periods, OnHolidays onHolidays, List<Exception> exceptions, ZoneId zone, String country) {
        this.periods = List.copyOf(periods);
        this.onHolidays = onHolidays;
        this.exceptions = exceptions.stream().collect(java.util.stream.Collectors.toMap(Exception::date, e -> e, (a, b) -> b));
        this.zone = zone;
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(switch (country) {
            case "DK" -> HolidayCalendar.DENMARK;
            case "SE" -> HolidayCalendar.SWEDEN;
            default -> HolidayCalendar.NORWAY;
        }));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.isHoliday(date);
    }

    public boolean isOpen(ZonedDateTime at) {
        ZonedDateTime t = at.withZoneSameInstant(zone);
        for (LocalDate d = t.toLocalDate().minusDays(1); !d.isAfter(t.toLocalDate()); d = d.plusDays(1)) {
            for (Interval i : intervals(d)) {
                if (!t.isBefore(i.start()) && t.isBefore(i.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** When it is next open: {@code at} itself when open now; empty when not within three weeks. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        ZonedDateTime t = at.withZoneSameInstant(zone);
        ZonedDateTime best = null;
        for (LocalDate d = t.toLocalDate().minusDays(1); d.isBefore(t.toLocalDate().plusDays(SEARCH_DAYS)); d = d.plusDays(1)) {
            for (Interval i : intervals(d)) {
                if (i.start().isAfter(t) && (best == null || i.start().isBefore(best))) {
                    best = i.start();
                }
            }
            if (best != null && d.isAfter(best.toLocalDate())) {
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The moment {@code amount} of open time has passed after {@code from} (for promises and SLA clocks). */
    public Optional<ZonedDateTime> afterOpenTime(ZonedDateTime from, Duration amount) {
        ZonedDateTime t = from.withZoneSameInstant(zone);
        Duration left = amount;
        for (LocalDate d = t.toLocalDate().minusDays(1); d.isBefore(t.toLocalDate().plusDays(SEARCH_DAYS * 3)); d = d.plusDays(1)) {
            for (Interval i : intervals(d)) {
                ZonedDateTime start = i.start().isAfter(t) ? i.start() : t;
                if (!start.isBefore(i.end())) {
                    continue;
                }
                Duration here = Duration.between(start, i.end());
                if (here.compareTo(left) >= 0) {
                    return Optional.of(start.plus(left));
                }
                left = left.minus(here);
            }
        }
        return Optional.empty();
    }

    /** Open time between two moments (an SLA clock that counts only within opening hours). */
    public Duration openTimeBetween(ZonedDateTime from, ZonedDateTime to) {
        Duration total = Duration.ZERO;
        ZonedDateTime a = from.withZoneSameInstant(zone);
        ZonedDateTime b = to.withZoneSameInstant(zone);
        for (LocalDate d = a.toLocalDate().minusDays(1); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
            for (Interval i : intervals(d)) {
                ZonedDateTime s = i.start().isAfter(a) ? i.start() : a;
                ZonedDateTime e = i.end().isBefore(b) ? i.end() : b;
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    private List<Interval> intervals(LocalDate date) {
        List<Period> today;
        Exception exception = exceptions.get(date);
        DayOfWeek day = date.getDayOfWeek();
        if (exception != null) {
            today = exception.periods();
            day = null;
        } else if (isHoliday(date)) {
            if (onHolidays == OnHolidays.CLOSED) {
                return List.of();
            }
            today = periods;
            day = DayOfWeek.SUNDAY;
        } else {
            today = periods;
        }
        List<Interval> out = new ArrayList<>();
        for (Period p : today) {
            if (day == null || p.days().contains(day)) {
                ZonedDateTime start = date.atTime(p.from()).atZone(zone);
                ZonedDateTime end = (p.to().isAfter(p.from()) ? date : date.plusDays(1)).atTime(p.to()).atZone(zone);
                out.add(new Interval(start, end));
            }
        }
        return out;
    }
}
