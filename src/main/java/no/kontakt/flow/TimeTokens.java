package no.kontakt.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kontakt.text.Fold;

/** Splits a time answer into folded, squeezed words, clock readings ("16", "15.30", "4pm") and dashes. */
final class TimeTokens {
    /** A piece of a time answer. */
    sealed interface Token permits Word, Clock, Dash {}

    /** A word, folded ({@link Fold#match}) and squeezed ({@link Fold#squeeze}); a phrase joins words by spaces. */
    record Word(String text) implements Token {}

    /**
     * A clock reading as typed: {@code meridiem} is 'a', 'p' or 0; {@code literal} means the hour is not to be
     * reinterpreted (a leading zero, four digits, "noon"); {@code bareNumber} means a plain number with nothing else.
     */
    record Clock(int hour, int minute, char meridiem, boolean literal, boolean bareNumber) implements Token {
        static Clock of(int hour, int minute) {
            return new Clock(hour, minute, (char) 0, false, false);
        }

        static Clock literal(int minutesOfDay) {
            return new Clock(minutesOfDay / 60, minutesOfDay % 60, (char) 0, true, false);
        }
    }

    /** A dash between two times ("10-12"). */
    record Dash() implements Token {}

    private static final Pattern TOKEN = Pattern.compile(
            "(?<num>\\d+)(?:[:.](?<min>\\d+))?(?:\\s?(?<mer>[apef])\\.?\\s?m\\.?(?![\\p{L}\\d]))?"
                    + "|(?<word>\\p{L}+)|(?<dash>-)");
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");
    private static final Pattern TWO_MORROW = Pattern.compile("\\b2mo+r+o+w*\\b");
    private static final Pattern TWO_DAY = Pattern.compile("\\b2day\\b");
    private static final Pattern TWO_NIGHT = Pattern.compile("\\b2ni(?:te|ght)\\b");

    private TimeTokens() {}

    static List<Token> of(String text) {
        String folded = Fold.match(Text.lowerWithSwedishNo(DASHES.matcher(text).replaceAll("-")));
        folded = TWO_MORROW.matcher(folded).replaceAll("tomorrow");
        folded = TWO_NIGHT.matcher(TWO_DAY.matcher(folded).replaceAll("today")).replaceAll("tonight");
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        while (m.find()) {
            if (m.group("word") != null) {
                out.add(new Word(Fold.squeeze(m.group("word"), 1)));
            } else if (m.group("dash") != null) {
                out.add(new Dash());
            } else {
                Clock clock = clock(m.group("num"), m.group("min"), m.group("mer"));
                out.add(clock != null ? clock : new Word(m.group()));
            }
        }
        return out;
    }

    /** Null for numbers that cannot be a time of day (3 digits, 5 or more: phone numbers); they stay words. */
    private static Clock clock(String num, String min, String meridiem) {
        char mer = meridiem == null ? 0 : (meridiem.equals("a") || meridiem.equals("f") ? 'a' : 'p');
        if (num.length() == 4 && min == null && mer == 0) {
            int value = Integer.parseInt(num);
            return new Clock(value / 100, value % 100, mer, true, false);
        }
        if (num.length() > 2) {
            return null;
        }
        int minute = min == null ? 0 : min.length() == 2 ? Integer.parseInt(min) : 99;
        boolean bare = min == null && mer == 0;
        return new Clock(Integer.parseInt(num), minute, mer, num.startsWith("0"), bare);
    }
}
