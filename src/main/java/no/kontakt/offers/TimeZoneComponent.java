package no.kontakt.offers;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.function.Consumer;

/**
 * The VTIMEZONE component of a time zone, from the JDK's rules: a STANDARD and a DAYLIGHT part with yearly
 * RRULEs for zones with summer time (Europe/Oslo, Europe/Copenhagen, Europe/Stockholm), or one STANDARD part.
 */
final class TimeZoneComponent {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private TimeZoneComponent() {}

    static void write(ZoneId zone, int fromYear, Consumer<String> line) {
        ZoneRules rules = zone.getRules();
        line.accept("BEGIN:VTIMEZONE");
        line.accept("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.EPOCH);
            part(line, "STANDARD", "19700101T000000", offset, offset, null);
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition first = rule.createTransition(fromYear);
                boolean summer = first.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                part(line, summer ? "DAYLIGHT" : "STANDARD", first.getDateTimeBefore().format(LOCAL),
                        first.getOffsetBefore(), first.getOffsetAfter(), rrule(rule));
            }
        }
        line.accept("END:VTIMEZONE");
    }

    private static void part(Consumer<String> line, String kind, String start, ZoneOffset from, ZoneOffset to, String rrule) {
        line.accept("BEGIN:" + kind);
        line.accept("DTSTART:" + start);
        line.accept("TZOFFSETFROM:" + offset(from));
        line.accept("TZOFFSETTO:" + offset(to));
        if (rrule != null) {
            line.accept("RRULE:" + rrule);
        }
        line.accept("END:" + kind);
    }

    /** "Last Sunday of March" as FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU; "Sunday on or after the 8th" with BYMONTHDAY. */
    private static String rrule(ZoneOffsetTransitionRule rule) {
        String base = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        DayOfWeek day = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        if (day == null) {
            return base + ";BYMONTHDAY=" + indicator;
        }
        String byDay = DAYS[day.getValue() - 1];
        if (indicator < 0) {
            return base + ";BYDAY=" + indicator + byDay;
        }
        StringBuilder days = new StringBuilder();
        for (int d = indicator; d < indicator + 7; d++) {
            days.append(days.length() == 0 ? "" : ",").append(d);
        }
        return base + ";BYDAY=" + byDay + ";BYMONTHDAY=" + days;
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", abs / 3600, (abs / 60) % 60);
    }
}
