package no.kontakt.flow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Says a time window in plain words in nb, nn, da, sv or en, as a confirmation repeats it: "i morgen etter kl. 16",
 * "i morgon efter kl. 16", "tomorrow after 4 pm", "på lørdag mellom kl. 12 og 14", "i kveld", "så snart som mulig".
 */
final class WindowText {
    /** The words of one language: asap, today, tomorrow, after, before, between…, and its weekday names. */
    private record Words(String asap, String today, String tomorrow, String on, String after, String before,
                         String between, String and, String clock, String[] weekdays, String tonight,
                         String evening, String forenoon, String afternoon, String morning) {}

    private static final Map<String, Words> WORDS = Map.of(
            "nb", new Words("så snart som mulig", "i dag", "i morgen", "på", "etter", "før", "mellom", "og", "kl. ",
                    new String[] {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
                    "i kveld", "kveld", "formiddag", "ettermiddag", "tidlig"),
            "nn", new Words("så snart som mogleg", "i dag", "i morgon", "på", "etter", "før", "mellom", "og", "kl. ",
                    new String[] {"måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"},
                    "i kveld", "kveld", "føremiddag", "ettermiddag", "tidleg"),
            "da", new Words("så hurtigt som muligt", "i dag", "i morgen", "på", "efter", "før", "mellem", "og",
                    "kl. ", new String[] {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
                    "i aften", "aften", "formiddag", "eftermiddag", "tidlig"),
            "sv", new Words("så snart som möjligt", "i dag", "i morgon", "på", "efter", "före", "mellan", "och",
                    "kl. ", new String[] {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
                    "i kväll", "kväll", "förmiddag", "eftermiddag", "tidigt"),
            "en", new Words("as soon as possible", "today", "tomorrow", "on", "after", "before", "between", "and",
                    "", new String[] {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
                    "tonight", "evening", "morning", "afternoon", "early"));

    private WindowText() {}

    static String describe(TimeWindow window, String language, ZonedDateTime now) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        Words w = WORDS.getOrDefault(language, WORDS.get("nb"));
        boolean en = "en".equals(language);
        if (window.asap()) {
            return w.asap();
        }
        ZonedDateTime from = window.earliest().withZoneSameInstant(now.getZone());
        ZonedDateTime to = window.latest().withZoneSameInstant(now.getZone());
        LocalDate day = from.toLocalDate();
        String dayWords = day(day, now.toLocalDate(), w);
        int start = from.getHour() * 60 + from.getMinute();
        int end = to.toLocalDate().isAfter(day) ? 24 * 60 : to.getHour() * 60 + to.getMinute();
        boolean fromNow = !from.isAfter(now.plusMinutes(1));
        boolean sameDay = !to.toLocalDate().isAfter(day) || end == 24 * 60 && to.toLocalDate().equals(day.plusDays(1));
        if (!sameDay) {
            return dayWords + " – " + day(to.toLocalDate(), now.toLocalDate(), w);
        }
        boolean dayStart = start <= TimeWindowParser.DAY_START || fromNow;
        if (dayStart && end == TimeWindowParser.DAY_END) {
            return dayWords;
        }
        if (end == DayPart.EVENING.end && (start == DayPart.EVENING.start || fromNow && start > DayPart.EVENING.start)) {
            return day.equals(now.toLocalDate()) ? w.tonight() : en ? dayWords + " " + w.evening()
                    : dayWords + " " + w.evening();
        }
        if (end == DayPart.FORENOON.end && dayStart) {
            return en ? dayWords + " " + w.forenoon() : dayWords + " " + w.forenoon();
        }
        if (end == DayPart.AFTERNOON.end && (start == DayPart.AFTERNOON.start || fromNow && start > 12 * 60)) {
            return dayWords + " " + w.afternoon();
        }
        if (end == TimeWindowParser.DAY_END) {
            return dayWords + " " + w.after() + " " + clock(start, w, en, true);
        }
        if (dayStart) {
            return dayWords + " " + w.before() + " " + clock(end, w, en, true);
        }
        return dayWords + " " + w.between() + " " + clock(start, w, en, true) + " " + w.and() + " "
                + clock(end, w, en, false);
    }

    private static String day(LocalDate day, LocalDate today, Words w) {
        long ahead = ChronoUnit.DAYS.between(today, day);
        if (ahead == 0) {
            return w.today();
        }
        if (ahead == 1) {
            return w.tomorrow();
        }
        DayOfWeek weekday = day.getDayOfWeek();
        String name = w.weekdays()[weekday.getValue() - 1];
        if (ahead < 7) {
            return w.on() + " " + name;
        }
        return w.on() + " " + name + " " + day.getDayOfMonth() + "." + day.getMonthValue() + ".";
    }

    /** "kl. 16", "kl. 15.30"; in English "4 pm", "3:30 pm", "noon". */
    private static String clock(int minutes, Words w, boolean en, boolean prefix) {
        int h = minutes / 60 % 24;
        int m = minutes % 60;
        if (!en) {
            return (prefix ? w.clock() : "") + h + (m == 0 ? "" : "." + (m < 10 ? "0" : "") + m);
        }
        if (h == 12 && m == 0) {
            return "noon";
        }
        if (h == 0 && m == 0) {
            return "midnight";
        }
        int h12 = h % 12 == 0 ? 12 : h % 12;
        return h12 + (m == 0 ? "" : ":" + (m < 10 ? "0" : "") + m) + (h < 12 ? " am" : " pm");
    }
}
