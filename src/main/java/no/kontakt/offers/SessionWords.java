package no.kontakt.offers;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When a meeting is, in words in the citizen's language and the unit's time: "i morgen kl. 18.00",
 * "torsdag 26. november kl. 16.00", "tisdag 1 december kl. 18.00", "Thursday 26 November at 4pm".
 */
public final class SessionWords {
    private static final String[] MONTHS_NB = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "desember"};
    private static final String[] MONTHS_DA = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
        "oktober", "november", "december"};
    private static final String[] MONTHS_SV = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    private static final String[] DAYS_NB = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] DAYS_NN = {"måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"};
    private static final String[] DAYS_DA = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] DAYS_SV = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"};
    private static final String[] DAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    /** Dates further ahead than this get their year. */
    private static final int YEAR_AFTER_DAYS = 180;

    private SessionWords() {}

    /** The full form: today, tomorrow, or the weekday with the date, and the time. */
    public static String full(ZonedDateTime start, ZonedDateTime now, String language) {
        return day(start, now, language, true) + " " + clock(start.toLocalTime(), language);
    }

    /** The short form for lists: today, tomorrow, the weekday within a week, else the date; and the time. */
    public static String brief(ZonedDateTime start, ZonedDateTime now, String language) {
        long days = ChronoUnit.DAYS.between(now.toLocalDate(), start.toLocalDate());
        String day = days >= 2 && days <= 6 ? weekday(start.toLocalDate(), language) : day(start, now, language, false);
        return day + " " + clock(start.toLocalTime(), language);
    }

    /** The time alone with its word: "kl. 18.00", "6pm", "6.30pm". */
    public static String clock(LocalTime time, String language) {
        if (isNordic(language)) {
            return "kl. " + String.format("%02d.%02d", time.getHour(), time.getMinute());
        }
        if (time.equals(LocalTime.NOON)) {
            return "at noon";
        }
        int h = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : "." + String.format("%02d", time.getMinute());
        return "at " + h + minutes + (time.getHour() < 12 ? "am" : "pm");
    }

    private static String day(ZonedDateTime start, ZonedDateTime now, String lang, boolean withWeekday) {
        String language = isNordic(lang) ? lang : "en";
        LocalDate date = start.toLocalDate();
        long days = ChronoUnit.DAYS.between(now.toLocalDate(), date);
        if (days == 0) {
            return switch (language) { case "en" -> "today"; default -> "i dag"; };
        }
        if (days == 1) {
            return switch (language) { case "nn", "sv" -> "i morgon"; case "en" -> "tomorrow"; default -> "i morgen"; };
        }
        String year = days > YEAR_AFTER_DAYS ? " " + date.getYear() : "";
        int d = date.getDayOfMonth();
        int m = date.getMonthValue() - 1;
        String weekday = withWeekday ? weekday(date, language) + " " : "";
        return switch (language) {
            case "da" -> weekday + (withWeekday ? "den " : "") + d + ". " + MONTHS_DA[m] + year;
            case "sv" -> weekday + d + " " + MONTHS_SV[m] + year;
            case "nb", "nn" -> weekday + d + ". " + MONTHS_NB[m] + year;
            default -> weekday + d + " " + MONTHS_EN[m] + year;
        };
    }

    private static String weekday(LocalDate date, String language) {
        int i = date.getDayOfWeek().getValue() - 1;
        return switch (isNordic(language) ? language : "en") {
            case "nb" -> DAYS_NB[i];
            case "nn" -> DAYS_NN[i];
            case "da" -> DAYS_DA[i];
            case "sv" -> DAYS_SV[i];
            default -> DAYS_EN[i];
        };
    }

    private static boolean isNordic(String language) {
        return "nb".equals(language) || "nn".equals(language) || "da".equals(language) || "sv".equals(language);
    }
}
