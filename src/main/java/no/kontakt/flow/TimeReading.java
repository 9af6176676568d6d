package no.kontakt.flow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import no.kontakt.flow.TimeScan.Span;
import no.kontakt.flow.TimeScan.Timed;
import no.kontakt.flow.TimeTokens.Clock;
import no.kontakt.flow.TimeWords.Kind;
import no.kontakt.flow.TimeWords.Meaning;

/** What a time answer said, read left to right: asap, days, day parts, clock bounds or an offset from now. */
final class TimeReading {
    /** A day the citizen named: an offset from today, or a weekday ({@code next}: never today). */
    record DayRef(int offset, DayOfWeek weekday, boolean next) {}

    boolean asap;
    boolean invalid;
    final List<DayRef> days = new ArrayList<>();
    Integer partStart;
    Integer partEnd;
    Clock after;
    Clock before;
    final List<Clock> ats = new ArrayList<>();
    Duration offsetFrom;
    Duration offsetTo;
    /** A word of being busy came first ("jobber", "på skolen"): "til 16" and "8-16" then mean after 16. */
    private boolean busy;
    private final TimeScan scan;

    private TimeReading(TimeScan scan) {
        this.scan = scan;
    }

    static TimeReading read(String text, String language) {
        TimeReading reading = new TimeReading(new TimeScan(text, language));
        reading.walk();
        return reading;
    }

    boolean hasTime() {
        return !days.isEmpty() || partStart != null || after != null || before != null || !ats.isEmpty();
    }

    private void walk() {
        boolean negated = false;
        boolean next = false;
        for (int i = 0; i < scan.size() && !invalid; ) {
            Meaning m = scan.meaningAt(i);
            Optional<Timed> bare = scan.time(i, false);
            if (bare.isPresent()) {
                i = bareTime(bare.get(), negated);
            } else if (m == null) {
                i++;
            } else if (m.kind() == Kind.NEG || m.kind() == Kind.NEXT || m.kind() == Kind.FILLER) {
                negated |= m.kind() == Kind.NEG;
                next |= m.kind() == Kind.NEXT;
                i++;
                continue;
            } else if (isKeyword(m.kind())) {
                i = keyword(i, m.kind(), negated);
            } else {
                word(m, negated, next);
                i++;
            }
            negated = false;
            next = false;
        }
    }

    private void word(Meaning m, boolean negated, boolean next) {
        switch (m.kind()) {
            case ASAP -> asap |= !negated;
            case DAY -> {
                if (!negated) {
                    days.add(new DayRef(m.value(), null, false));
                    part(m.part());
                }
            }
            case WEEKDAY -> {
                if (!negated) {
                    days.add(new DayRef(0, DayOfWeek.of(m.value()), next));
                }
            }
            case PART -> {
                invalid |= negated;
                part(m.part());
            }
            case BUSY -> busy = true;
            case LATER -> {
                if (!ats.isEmpty()) {
                    after = ats.stream().min(Comparator.comparingInt(c -> c.hour() * 60 + c.minute())).orElseThrow();
                    ats.clear();
                }
            }
            default -> { }
        }
    }

    private static boolean isKeyword(Kind kind) {
        return switch (kind) {
            case AFTER, BEFORE, AT, BETWEEN, FROM, UNTIL, IN -> true;
            default -> false;
        };
    }

    /** A keyword and what follows it: "etter kl 16", "mellom 10 og 12", "om 2 timer", "før lunsj". */
    private int keyword(int i, Kind kind, boolean negated) {
        int j = scan.skipAt(i + 1);
        boolean later = (kind == Kind.AFTER || kind == Kind.FROM || kind == Kind.IN) != negated;
        Optional<Span> span = kind == Kind.AT || kind == Kind.BETWEEN ? Optional.empty() : scan.span(j);
        if (span.isPresent()) {
            offsetFrom = later ? span.get().length() : Duration.ZERO;
            offsetTo = later ? span.get().length().plusHours(1) : span.get().length();
            return span.get().next();
        }
        Optional<Timed> x = scan.time(j, true);
        if (x.isEmpty()) {
            return partBound(i, j, kind, later);
        }
        Optional<Timed> y = scan.rangeEnd(x.get().next(), kind == Kind.BETWEEN);
        if (y.isPresent()) {
            invalid |= negated;
            range(x.get().clock(), y.get().clock());
            return y.get().next();
        }
        if (kind == Kind.IN) {
            return x.get().next();
        }
        if (kind == Kind.BETWEEN || kind == Kind.AT && negated) {
            invalid = true;
        } else if (kind == Kind.AT) {
            ats.add(x.get().clock());
        } else if (later || kind == Kind.UNTIL && busy) {
            after = x.get().clock();
        } else {
            before = x.get().clock();
        }
        return x.get().next();
    }

    /** "etter lunsj" (after 13:00), "før lunsj" (before 12:00), "før kveld" (before 17:00); else skips the keyword. */
    private int partBound(int i, int j, Kind kind, boolean later) {
        Meaning m = scan.meaningAt(j);
        boolean bounding = kind == Kind.AFTER || kind == Kind.BEFORE || kind == Kind.FROM || kind == Kind.UNTIL;
        if (m == null || m.kind() != Kind.PART || !bounding) {
            invalid |= kind == Kind.BETWEEN;
            return i + 1;
        }
        if (later) {
            after = Clock.literal(m.part().end);
        } else {
            before = Clock.literal(m.part() == DayPart.LUNCH ? 12 * 60 : m.part().start);
        }
        return j + 1;
    }

    /** A time with no keyword before it: "14:30", "10-12", "halv 3"; a count such as "2 timer" is skipped. */
    private int bareTime(Timed x, boolean negated) {
        if (scan.is(x.next(), Kind.HOURS) || scan.is(x.next(), Kind.MINUTES) || scan.is(x.next(), Kind.COUNT)) {
            return x.next() + 1;
        }
        invalid |= negated;
        Optional<Timed> y = scan.rangeEnd(x.next(), false);
        if (y.isPresent()) {
            range(x.clock(), y.get().clock());
            return y.get().next();
        }
        ats.add(x.clock());
        return x.next();
    }

    /** From x to y; after being busy, the time after it instead ("jobber 8-16" is after 16). */
    private void range(Clock x, Clock y) {
        after = busy ? y : x;
        before = busy ? null : y;
    }

    private void part(DayPart part) {
        if (part != null) {
            partStart = partStart == null ? part.start : Math.min(partStart, part.start);
            partEnd = partEnd == null ? part.end : Math.max(partEnd, part.end);
        }
    }
}
