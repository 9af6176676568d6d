package no.kontakt.flow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.kontakt.flow.TimeTokens.Clock;
import no.kontakt.flow.TimeTokens.Dash;
import no.kontakt.flow.TimeTokens.Token;
import no.kontakt.flow.TimeTokens.Word;
import no.kontakt.flow.TimeWords.Kind;
import no.kontakt.flow.TimeWords.Meaning;

/** What a time answer said, read left to right: asap, days, day parts, clock bounds or an offset from now. */
final class TimeReading {
    /** A day the citizen named: an offset from today, or a weekday ({@code next}: never today). */
    record DayRef(int offset, DayOfWeek weekday, boolean next) {}

    /** A time read at some position, and the position after it. */
    private record Timed(Clock clock, int next) {}

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

    private final List<Token> tokens;
    private final String language;

    private TimeReading(List<Token> tokens, String language) {
        this.tokens = tokens;
        this.language = language;
    }

    static TimeReading read(String text, String language) {
        TimeReading reading = new TimeReading(TimeWords.joinPhrases(TimeTokens.of(text)), language);
        reading.walk();
        return reading;
    }

    boolean hasTime() {
        return !days.isEmpty() || partStart != null || after != null || before != null || !ats.isEmpty();
    }

    private void walk() {
        boolean negated = false;
        boolean next = false;
        for (int i = 0; i < tokens.size() && !invalid; ) {
            Meaning m = meaningAt(i);
            Optional<Timed> bare = m == null || m.kind() != Kind.NEG ? time(i, false) : Optional.empty();
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
            case LATER -> {
                if (!ats.isEmpty()) {
                    after = ats.stream().min(TimeReading::compare).orElseThrow();
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
        int j = skipAt(i + 1);
        boolean towardsLater = kind == Kind.AFTER || kind == Kind.FROM || kind == Kind.IN;
        if (kind != Kind.AT && kind != Kind.BETWEEN) {
            int end = offset(j, towardsLater != negated);
            if (end > j) {
                return end;
            }
        }
        Optional<Timed> x = time(j, true);
        if (x.isEmpty()) {
            Meaning m = meaningAt(j);
            if (m != null && m.kind() == Kind.PART && kind != Kind.AT && kind != Kind.BETWEEN && kind != Kind.IN) {
                boolean lunch = m.part() == DayPart.LUNCH;
                Clock before = Clock.literal(lunch ? 12 * 60 : m.part().start);
                bound(towardsLater != negated, towardsLater != negated ? Clock.literal(m.part().end) : before);
                return j + 1;
            }
            invalid |= kind == Kind.BETWEEN;
            return i + 1;
        }
        Optional<Timed> y = rangeEnd(x.get().next(), kind == Kind.BETWEEN);
        if (y.isPresent()) {
            invalid |= negated;
            after = x.get().clock();
            before = y.get().clock();
            return y.get().next();
        }
        if (kind == Kind.IN) {
            return x.get().next();
        }
        if (kind == Kind.BETWEEN || kind == Kind.AT && negated) {
            invalid = true;
            return i + 1;
        }
        if (kind == Kind.AT) {
            ats.add(x.get().clock());
        } else {
            bound(towardsLater != negated, x.get().clock());
        }
        return x.get().next();
    }

    private void bound(boolean isAfter, Clock clock) {
        if (isAfter) {
            after = clock;
        } else {
            before = clock;
        }
    }

    /** A time with no keyword before it: "14:30", "10-12", "halv 3"; a count such as "2 timer" is skipped. */
    private int bareTime(Timed x, boolean negated) {
        Meaning following = meaningAt(x.next());
        if (following != null && (following.kind() == Kind.HOURS || following.kind() == Kind.MINUTES
                || following.kind() == Kind.COUNT)) {
            return x.next() + 1;
        }
        invalid |= negated;
        Optional<Timed> y = rangeEnd(x.next(), false);
        if (y.isPresent()) {
            after = x.clock();
            before = y.get().clock();
            return y.get().next();
        }
        ats.add(x.clock());
        return x.next();
    }

    /** "– 12", "til 12", "to 12", and with {@code and} also "og 12": the end of a range. */
    private Optional<Timed> rangeEnd(int i, boolean and) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        Meaning m = meaningAt(i);
        boolean connector = tokens.get(i) instanceof Dash
                || m != null && (m.kind() == Kind.UNTIL || m.kind() == Kind.TO || and && m.kind() == Kind.AND);
        return connector ? time(skipAt(i + 1), true) : Optional.empty();
    }

    /** "om 2 timer", "etter en halvtime", "innen 30 min": sets the offset and returns the next position. */
    private int offset(int j, boolean later) {
        Meaning m = meaningAt(j);
        int amount = 1;
        int unit = j;
        if (tokens.size() > j && tokens.get(j) instanceof Clock c && c.bareNumber()) {
            amount = c.hour();
            unit = j + 1;
        } else if (m != null && m.kind() == Kind.ARTICLE) {
            unit = j + 1;
        } else if (tokens.size() > j && tokens.get(j) instanceof Word w && Numbers.squeezedWord(w.text()).isPresent()) {
            amount = Numbers.squeezedWord(w.text()).get();
            unit = j + 1;
        }
        Meaning u = meaningAt(unit);
        if (u == null) {
            return j;
        }
        long minutes = switch (u.kind()) {
            case HOURS -> 60L * amount;
            case MINUTES -> amount;
            case HALF_HOUR, QUARTER -> (long) u.value() * amount;
            default -> -1;
        };
        if (minutes < 0) {
            return j;
        }
        Duration d = Duration.ofMinutes(minutes);
        offsetFrom = later ? d : Duration.ZERO;
        offsetTo = later ? d.plusHours(1) : d;
        return unit + 1;
    }

    /** A time starting at {@code i}: a clock, "halv 3", "half past 2", "noon", and with {@code words} "fire". */
    private Optional<Timed> time(int i, boolean words) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        if (tokens.get(i) instanceof Clock c) {
            return Optional.of(new Timed(c, i + 1));
        }
        Meaning m = meaningAt(i);
        if (m != null && m.kind() == Kind.CLOCK) {
            return Optional.of(new Timed(Clock.literal(m.value()), i + 1));
        }
        if (m != null && (m.kind() == Kind.HALF || m.kind() == Kind.HALF_PAST)) {
            Optional<Integer> hour = hourAt(i + 1, true);
            boolean nordic = m.kind() == Kind.HALF;
            return hour.map(h -> new Timed(Clock.of(nordic ? (h == 1 ? 12 : h - 1) : h, 30), i + 2));
        }
        return words ? hourAt(i, false).map(h -> new Timed(Clock.of(h, 0), i + 1)) : Optional.empty();
    }

    private Optional<Integer> hourAt(int i, boolean digits) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        if (tokens.get(i) instanceof Clock c) {
            return digits && c.bareNumber() ? Optional.of(c.hour()) : Optional.empty();
        }
        return tokens.get(i) instanceof Word w ? Numbers.squeezedWord(w.text()) : Optional.empty();
    }

    private int skipAt(int i) {
        while (meaningAt(i) != null && meaningAt(i).kind() == Kind.AT) {
            i++;
        }
        return i;
    }

    private Meaning meaningAt(int i) {
        return i < tokens.size() && tokens.get(i) instanceof Word w ? TimeWords.meaning(w.text(), language) : null;
    }

    private void part(DayPart part) {
        if (part != null) {
            partStart = partStart == null ? part.start : Math.min(partStart, part.start);
            partEnd = partEnd == null ? part.end : Math.max(partEnd, part.end);
        }
    }

    private static int compare(Clock a, Clock b) {
        return Integer.compare(a.hour() * 60 + a.minute(), b.hour() * 60 + b.minute());
    }
}
