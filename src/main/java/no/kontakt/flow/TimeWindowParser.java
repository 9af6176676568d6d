package no.kontakt.flow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

import no.kontakt.flow.TimeReading.DayRef;
import no.kontakt.flow.TimeTokens.Clock;

/** Reads when a citizen wants to be contacted ("etter 16", "i morgen formiddag", "asap") into a {@link TimeWindow}. */
public final class TimeWindowParser {
    static final int DAY_START = 8 * 60;
    static final int DAY_END = 21 * 60;
    private static final Duration MAX_OFFSET = Duration.ofHours(48);

    private TimeWindowParser() {}

    /**
     * The window {@code text} asks for, in the zone of {@code now}, or empty when it names no time or an impossible
     * one. {@code language} (nb, nn, da, sv, en; may be null) only settles words that differ: "for" is "at" in English
     * and "før" elsewhere, "no" is "now" in nynorsk, "frokost" is lunch in Danish.
     *
     * <p>Rules, with the day's span 08:00–21:00:
     * <ul>
     *   <li>asap words alone ("nå", "snarest", "när som helst", "whenever") give {@link TimeWindow#asap}; with any
     *       concrete time the concrete time wins ("i morgen når som helst" is tomorrow 08–21).</li>
     *   <li>"etter X" is X–21:00 on the first day X is still ahead (today if now is before X, else tomorrow);
     *       "kl X" is X to X+1h, today if X has not passed; "før X" is max(now, 08:00)–X, tomorrow if X has
     *       passed.</li>
     *   <li>A day part, a range or a day alone is that span today if it has not ended (starting no earlier than
     *       now), else tomorrow. Named days ("i dag", "fredag") are used as said: a weekday is today only while the
     *       window is still ahead, else next week; "neste fredag" is never today. Several days ("i dag eller i
     *       morgen") span from the first to the last.</li>
     *   <li>Hours 1–7 with no am/pm and no leading zero mean 13–19 ("etter 4" is 16:00, "kl 07" is 07:00); with a
     *       day part the hour that falls in it is taken ("i kveld kl 8" is 20:00). "halv 3" is 14:30.</li>
     *   <li>"om 2 timer"/"in 30 min" is now+offset for an hour; "innen en time" is now until now+1h (at most 48
     *       hours).</li>
     *   <li>After a word of being busy ("jobber", "på skolen", "opptatt", "busy"), "til 16" and "8-16" mean after
     *       16.</li>
     *   <li>Empty for no time at all ("hei", "vet ikke", "ikke nå"), hours over 24, minutes over 59, a window that
     *       ends before it starts ("etter 22"), a named day that is over ("i dag" at 22:00) and negations it cannot
     *       read ("ikke mellom 10 og 12"). "ikke før 16" is after 16.</li>
     * </ul>
     */
    public static Optional<TimeWindow> parse(String text, String language, ZonedDateTime now) {
        return parse(text, language, now, OpeningHours.UNKNOWN, false, true);
    }

    /**
     * As {@link #parse(String, String, ZonedDateTime)}, and: "etter jobb"/"after school" is 16:00–21:00 on the next
     * working day (Monday to Friday) where 16:00 is still ahead, or on the day named; "når dere er åpne"/"when you're
     * open" is {@code hours}' current or next opening period (as soon as possible when none is known). With
     * {@code free} (a message that does not answer the window question) bare numbers are no time ("jeg er 17"), a
     * day or part named after "i går"/"yesterday" is in the past, and a window read only from a day, a part of the
     * day or a weak "nå"/"now" counts only with {@code contact} (the message asks to be called or texted).
     */
    static Optional<TimeWindow> parse(String text, String language, ZonedDateTime now, OpeningHours hours,
                                      boolean free, boolean contact) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(hours, "hours");
        TimeReading r = TimeReading.read(text, language, free);
        if (r.invalid || free && !r.firm && !contact) {
            return Optional.empty();
        }
        boolean noClock = r.after == null && r.before == null && r.ats.isEmpty() && r.partStart == null;
        if (r.open && noClock && r.offsetTo == null) {
            Optional<TimeWindow> open = openOn(r, hours, now);
            if (open.isPresent() || r.days.isEmpty()) {
                return Optional.of(open.orElseGet(() -> TimeWindow.asap(now)));
            }
        }
        boolean asap = r.asap || r.asapWeak;
        if (r.offsetTo != null) {
            return r.offsetTo.compareTo(MAX_OFFSET) > 0 ? Optional.empty()
                    : window(now.plus(r.offsetFrom), now.plus(r.offsetTo));
        }
        if (!r.hasTime()) {
            return asap ? Optional.of(TimeWindow.asap(now)) : Optional.empty();
        }
        int lower = first(minutes(r.after, r), r.ats.stream().mapToInt(c -> minutes(c, r)).min().orElse(-1),
                r.partStart, DAY_START);
        int upper = first(minutes(r.before, r),
                r.ats.stream().mapToInt(c -> Math.min(minutes(c, r) + 60, 24 * 60)).max().orElse(-1),
                r.partEnd, DAY_END);
        boolean badClock = r.after != null && minutes(r.after, r) < 0 || r.before != null && minutes(r.before, r) < 0
                || r.ats.stream().anyMatch(c -> minutes(c, r) < 0);
        if (badClock || lower >= upper || upper > 24 * 60) {
            return Optional.empty();
        }
        if (r.days.isEmpty()) {
            Optional<TimeWindow> w = nextFitting(r, lower, upper, now);
            return r.workday ? w.flatMap(x -> onWorkday(x, lower, upper, now)) : w;
        }
        return onNamedDays(r, lower, upper, now);
    }

    /** The window moved to Monday when it fell on a weekend ("etter jobb" said on a Saturday). */
    private static Optional<TimeWindow> onWorkday(TimeWindow w, int lower, int upper, ZonedDateTime now) {
        LocalDate day = w.earliest().toLocalDate();
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return Optional.of(w);
        }
        LocalDate monday = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return window(at(monday, lower, now), at(monday, upper, now));
    }

    /** The opening period on the first day named, or the current or next one when no day is named. */
    private static Optional<TimeWindow> openOn(TimeReading r, OpeningHours hours, ZonedDateTime now) {
        if (r.days.isEmpty()) {
            return hours.openAt(now);
        }
        LocalDate first = r.days.stream().map(d -> date(d, DAY_END, now)).min(LocalDate::compareTo).orElseThrow();
        ZonedDateTime from = first.equals(now.toLocalDate()) ? now : first.atStartOfDay(now.getZone());
        return hours.openAt(from).filter(w -> w.earliest().toLocalDate().equals(first));
    }

    private static Optional<TimeWindow> nextFitting(TimeReading r, int lower, int upper, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        ZonedDateTime start = at(today, lower, now);
        ZonedDateTime end = at(today, upper, now);
        boolean startBased = !r.ats.isEmpty() || r.after != null && r.before == null && r.partStart == null;
        boolean useToday = startBased
                ? (r.ats.isEmpty() ? now.isBefore(start) : !start.isBefore(now))
                : now.isBefore(end);
        if (useToday) {
            return window(start.isBefore(now) ? now : start, end);
        }
        LocalDate tomorrow = today.plusDays(1);
        return window(at(tomorrow, lower, now), at(tomorrow, upper, now));
    }

    private static Optional<TimeWindow> onNamedDays(TimeReading r, int lower, int upper, ZonedDateTime now) {
        LocalDate first = null;
        LocalDate last = null;
        for (DayRef day : r.days) {
            LocalDate date = date(day, upper, now);
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
        }
        ZonedDateTime start = at(first, lower, now);
        return window(start.isBefore(now) ? now : start, at(last, upper, now));
    }

    private static LocalDate date(DayRef day, int upper, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        if (day.weekday() == null) {
            return today.plusDays(day.offset());
        }
        DayOfWeek weekday = day.weekday();
        if (weekday != today.getDayOfWeek()) {
            return today.with(TemporalAdjusters.next(weekday));
        }
        return !day.next() && now.isBefore(at(today, upper, now)) ? today : today.plusWeeks(1);
    }

    /** Minutes of the day for a clock, reading bare hours by the rules above; -1 when it is no time of day. */
    static int minutes(Clock c, TimeReading r) {
        if (c == null) {
            return -1;
        }
        int h = c.hour();
        if (c.minute() > 59) {
            return -1;
        }
        if (c.meridiem() != 0) {
            if (h < 1 || h > 12) {
                return -1;
            }
            h = h % 12 + (c.meridiem() == 'p' ? 12 : 0);
        } else if (!c.literal() && h >= 1 && h <= 12) {
            h = reading(h, c.minute(), r.partStart, r.partEnd);
        }
        if (h > 24 || h == 24 && c.minute() > 0) {
            return -1;
        }
        return h * 60 + c.minute();
    }

    private static int reading(int h, int minute, Integer partStart, Integer partEnd) {
        if (partStart == null) {
            return h <= 7 ? h + 12 : h;
        }
        for (int candidate : new int[] {h, h + 12}) {
            int m = candidate * 60 + minute;
            if (candidate <= 24 && m >= partStart && m <= partEnd) {
                return candidate;
            }
        }
        return partStart >= 12 * 60 && h < 12 ? h + 12 : h;
    }

    private static int first(int a, int b, Integer c, int fallback) {
        return a >= 0 ? a : b >= 0 ? b : c != null ? c : fallback;
    }

    private static ZonedDateTime at(LocalDate date, int minutes, ZonedDateTime now) {
        return minutes >= 24 * 60
                ? ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, now.getZone())
                : ZonedDateTime.of(date, LocalTime.of(minutes / 60, minutes % 60), now.getZone());
    }

    private static Optional<TimeWindow> window(ZonedDateTime earliest, ZonedDateTime latest) {
        return earliest.isBefore(latest) ? Optional.of(TimeWindow.between(earliest, latest)) : Optional.empty();
    }
}
