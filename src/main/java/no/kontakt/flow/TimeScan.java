package no.kontakt.flow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import no.kontakt.flow.TimeTokens.Clock;
import no.kontakt.flow.TimeTokens.Dash;
import no.kontakt.flow.TimeTokens.Token;
import no.kontakt.flow.TimeTokens.Word;
import no.kontakt.flow.TimeWords.Kind;
import no.kontakt.flow.TimeWords.Meaning;

/** The tokens of one time answer, with what starts at a position: a word's meaning, a time, a range end, a span. */
final class TimeScan {
    /** A time read at some position, and the position after it. */
    record Timed(Clock clock, int next) {}

    /** A span of time read at some position ("2 timer", "en halvtime"), and the position after it. */
    record Span(Duration length, int next) {}

    private final List<Token> tokens;
    private final String language;

    TimeScan(String text, String language) {
        this.tokens = TimeWords.joinPhrases(TimeTokens.of(text));
        this.language = language;
    }

    int size() {
        return tokens.size();
    }

    /** The meaning of the word at {@code i}, or null for a clock, a dash, an unknown word or the end. */
    Meaning meaningAt(int i) {
        return i < tokens.size() && tokens.get(i) instanceof Word w ? TimeWords.meaning(w.text(), language) : null;
    }

    boolean is(int i, Kind kind) {
        Meaning m = meaningAt(i);
        return m != null && m.kind() == kind;
    }

    /** The first position from {@code i} that is not "kl", "klokka", "ca", "at"… */
    int skipAt(int i) {
        while (is(i, Kind.AT)) {
            i++;
        }
        return i;
    }

    /** A time starting at {@code i}: a clock, "halv 3", "half past 2", "noon", and with {@code words} "fire". */
    Optional<Timed> time(int i, boolean words) {
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
            boolean nordic = m.kind() == Kind.HALF;
            return hourAt(i + 1, true)
                    .map(h -> new Timed(Clock.of(nordic ? (h == 1 ? 12 : h - 1) : h, 30), i + 2));
        }
        return words ? hourAt(i, false).map(h -> new Timed(Clock.of(h, 0), i + 1)) : Optional.empty();
    }

    /** "- 12", "til 12", "to 12", and with {@code and} also "og 12", at {@code i}: the end of a range. */
    Optional<Timed> rangeEnd(int i, boolean and) {
        boolean connector = i < tokens.size() && tokens.get(i) instanceof Dash
                || is(i, Kind.UNTIL) || is(i, Kind.TO) || and && is(i, Kind.AND);
        return connector ? time(skipAt(i + 1), true) : Optional.empty();
    }

    /** "2 timer", "30 min", "en time", "an hour", "en halvtime", "et kvarter" at {@code i}. */
    Optional<Span> span(int i) {
        int amount = 1;
        int unit = i;
        Optional<Integer> number = hourAt(i, true);
        if (number.isPresent()) {
            amount = number.get();
            unit = i + 1;
        } else if (is(i, Kind.ARTICLE)) {
            unit = i + 1;
        }
        Meaning u = meaningAt(unit);
        if (u == null) {
            return Optional.empty();
        }
        boolean counted = unit > i;
        long minutes = switch (u.kind()) {
            case HOURS -> counted ? 60L * amount : -1;
            case MINUTES -> counted ? amount : -1;
            case HALF_HOUR, QUARTER -> (long) u.value() * amount;
            default -> -1;
        };
        return minutes < 0 ? Optional.empty() : Optional.of(new Span(Duration.ofMinutes(minutes), unit + 1));
    }

    /** A plain number at {@code i}: a number word, or with {@code digits} also a bare clock number ("3"). */
    private Optional<Integer> hourAt(int i, boolean digits) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        if (tokens.get(i) instanceof Clock c) {
            return digits && c.bareNumber() ? Optional.of(c.hour()) : Optional.empty();
        }
        return tokens.get(i) instanceof Word w ? Numbers.squeezedWord(w.text()) : Optional.empty();
    }
}
