package no.kontakt.hours;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A moment in words a citizen reads, relative to now: "i dag kl. 15.00", "i morgen kl. 11.00", "fredag kl. 16.00". */
public final class Spoken {
    private static final Map<String, List<String>> DAYS = Map.of(
            "nb", List.of("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
            "nn", List.of("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
            "da", List.of("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
            "sv", List.of("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
            "en", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"));
    private static final Map<String, List<String>> RELATIVE = Map.of(
            "nb", List.of("i dag", "i morgen"), "nn", List.of("i dag", "i morgon"), "da", List.of("i dag", "i morgen"),
            "sv", List.of("i dag", "i morgon"), "en", List.of("today", "tomorrow"));
    private static final Map<String, Locale> LOCALES = Map.of("nb", Locale.forLanguageTag("nb-NO"), "nn", Locale.forLanguageTag("nn-NO"),
            "da", Locale.forLanguageTag("da-DK"), "sv", Locale.forLanguageTag("sv-SE"), "en", Locale.UK);

    private Spoken() {}

    public static String when(ZonedDateTime at, ZonedDateTime now, String language) {
        String lang = DAYS.containsKey(language) ? language : "en";
        ZonedDateTime local = at.withZoneSameInstant(now.getZone());
        long days = ChronoUnit.DAYS.between(now.toLocalDate(), local.toLocalDate());
        String day;
        if (days == 0 || days == 1) {
            day = RELATIVE.get(lang).get((int) days);
        } else if (days > 1 && days < 7) {
            day = DAYS.get(lang).get(local.getDayOfWeek().getValue() - 1);
        } else {
            day = local.format(DateTimeFormatter.ofPattern("en".equals(lang) ? "d MMMM" : "d. MMMM", LOCALES.get(lang)));
        }
        return day + " " + clock(local, lang);
    }

    public static String clock(ZonedDateTime at, String language) {
        String hm = String.format("%02d.%02d", at.getHour(), at.getMinute());
        return switch (language) {
            case "en" -> "at " + hm.replace('.', ':');
            case "sv" -> "kl. " + hm.replace('.', ':');
            default -> "kl. " + hm;
        };
    }

    public static String weekday(DayOfWeek day, String language) {
        return DAYS.getOrDefault(language, DAYS.get("en")).get(day.getValue() - 1);
    }
}
