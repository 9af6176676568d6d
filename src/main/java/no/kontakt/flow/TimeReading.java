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
    /** Only a weak asap word was said ("nå", "now"): in a free message it counts with a word of contact. */
    boolean asapWeak;
    /** "når dere er åpne", "when you're open": the unit's opening hours. */
    boolean open;
    /** After work or school ("etter jobb", "after school"): from 16:00, on a working day unless a day is named. */
    boolean workday;
    /** Some time was read from a clear phrase ("etter 16", "kl 14", "om en time", "etter jobb", "når som helst"). */
    boolean firm;
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
    /** A free message, not an answer to the window question: a bare number ("jeg er 17") is no time. */
    private final boolean free;
    private final TimeScan scan;

    private TimeReading(TimeScan scan, boolean free) {
        this.scan = scan;
        this.free = free;
    }

    static TimeReading read(String text, String language) {
        return read(text, language, false);
    }

    /** Reads {@code text}; with {@code free} bare numbers and number ranges are not read as times. */
    static TimeReading read(String text, String language, boolean free) {
        TimeReading reading = new TimeReading(new TimeScan(text, language), free);
        reading.walk();
        return reading;
    }

    boolean hasTime() {
        return !days.isEmpty() || partStart != null || after != null || before != null || !ats.isEmpty();
    }

    private static final Clock AFTER_WORK = Clock.literal(16 * 60);

    private void afterWork() {
        after = AFTER_WORK;
        workday = true;
        firm = true;
    }

    private void walk() {
        boolean negated = false;
        boolean next = false;
        boolean past = false;
        for (int i = 0; i < scan.size() && !invalid; ) {
            Meaning m = scan.meaningAt(i);
            Optional<Timed> bare = scan.time(i, false);
            if (past && (bare.isPresent() || m != null && (m.kind() == Kind.DAY || m.kind() == Kind.PART
                    || m.kind() == Kind.WEEKDAY))) {
                i = bare.isPresent() ? bare.get().next() : i + 1;
            } else if (bare.isPresent()) {
                i = bareTime(bare.get(), negated);
            } else if (m == null) {
                i++;
            } else if (m.kind() == Kind.NEG || m.kind() == Kind.NEXT || m.kind() == Kind.FILLER
                    || m.kind() == Kind.PAST) {
                negated |= m.kind() == Kind.NEG;
                next |= m.kind() == Kind.NEXT;
                past |= m.kind() == Kind.PAST;
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
            past = false;
        }
    }

    private void word(Meaning m, boolean negated, boolean next) {
        switch (m.kind()) {
            case ASAP -> {
                if (m.value() == TimeWords.WEAK) {
                    asapWeak |= !negated;
                } else {
                    asap |= !negated;
                    firm |= !negated;
                }
            }
            case OPEN -> {
                open |= !negated;
                firm |= !negated;
            }
            case AFTER_WORK -> {
                if (!negated) {
                    afterWork();
                }
            }
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
            firm = true;
            return span.get().next();
        }
        Optional<Timed> x = scan.time(j, true);
        if (x.isEmpty()) {
            return partBound(i, j, kind, later);
        }
        if (scan.is(x.get().next(), Kind.COUNT) || scan.is(x.get().next(), Kind.HOURS)
                || scan.is(x.get().next(), Kind.MINUTES)) {
            return x.get().next() + 1;
        }
        firm = true;
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
        if (kind == Kind.AFTER && !negated(i) && busyWithin(j, 3)) {
            afterWork();
            return j + 1;
        }
        if (m == null || m.kind() != Kind.PART || !bounding) {
            invalid |= kind == Kind.BETWEEN;
            return i + 1;
        }
        firm = true;
        if (later) {
            after = Clock.literal(m.part().end);
        } else {
            before = Clock.literal(m.part() == DayPart.LUNCH ? 12 * 60 : m.part().start);
        }
        return j + 1;
    }

    /** "etter jobb", "after school", "etter at jeg er ferdig på skolen": a word of work or school just after. */
    private boolean busyWithin(int j, int n) {
        for (int k = j; k < j + n; k++) {
            if (scan.is(k, Kind.BUSY)) {
                return true;
            }
            if (scan.meaningAt(k) != null && !scan.is(k, Kind.FILLER) || scan.time(k, false).isPresent()) {
                return false;
            }
        }
        return false;
    }

    private boolean negated(int i) {
        return i > 0 && scan.is(i - 1, Kind.NEG);
    }

    /** A time with no keyword before it: "14:30", "10-12", "halv 3"; a count such as "2 timer" is skipped. */
    private int bareTime(Timed x, boolean negated) {
        if (scan.is(x.next(), Kind.HOURS) || scan.is(x.next(), Kind.MINUTES) || scan.is(x.next(), Kind.COUNT)) {
            return x.next() + 1;
        }
        if (free && x.clock().bareNumber()) {
            Optional<Timed> end = scan.rangeEnd(x.next(), false);
            return end.isPresent() ? end.get().next() : x.next();
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
