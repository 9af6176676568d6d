package no.kontakt.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.kontakt.hours.OpeningHours;

/**
 * Opening hours as written in kontakt.yaml: weekly periods, what public holidays mean, and exception dates.
 * <pre>
 * periods:
 *   - { days: [mon, tue, wed, thu, fri], from: "08:00", to: "15:30" }
 *   - { days: [fri, sat], from: "22:00", to: "02:00" }    # runs past midnight
 * on_holidays: closed                                     # or like_sunday
 * exceptions:
 *   - { date: 2026-12-24, periods: [{ from: "11:00", to: "16:00" }] }
 *   - { date: 2026-12-31, periods: [] }                   # closed
 * </pre>
 * {@code closed: true} with no periods says the service is closed on purpose (the ambulant team's hours may be empty
 * only that way).
 */
public record HoursConfig(List<PeriodConfig> periods, String onHolidays, List<ExceptionConfig> exceptions, Boolean closed) {

    public HoursConfig(List<PeriodConfig> periods, String onHolidays, List<ExceptionConfig> exceptions) {
        this(periods, onHolidays, exceptions, null);
    }

    public HoursConfig {
        periods = periods == null ? List.of() : List.copyOf(periods);
        onHolidays = Check.orDefault(onHolidays, "closed");
        Check.oneOf("on_holidays", onHolidays, List.of("closed", "like_sunday"));
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).days().isEmpty()) {
                throw ConfigException.at("periods[" + i + "].days", "must list at least one day (mon, tue, …)");
            }
        }
    }

    /** One period: the days it applies to (not needed in an exception), and its times. */
    public record PeriodConfig(List<String> days, LocalTime from, LocalTime to) {
        public PeriodConfig {
            days = days == null ? List.of() : List.copyOf(days);
            if (from == null || to == null) {
                throw ConfigException.at("from", "a period needs both 'from' and 'to', like from: \"08:00\", to: \"15:30\"");
            }
            if (from.equals(to)) {
                throw ConfigException.at("to", "must differ from 'from' (" + from + ")");
            }
            for (String d : days) {
                dayOf(d);
            }
        }

        OpeningHours.Period toPeriod() {
            Set<DayOfWeek> set = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.noneOf(DayOfWeek.class);
            days.forEach(d -> set.add(dayOf(d)));
            return new OpeningHours.Period(set, from, to);
        }

        private static DayOfWeek dayOf(String d) {
            String s = d.strip().toLowerCase(Locale.ROOT);
            for (DayOfWeek day : DayOfWeek.values()) {
                String name = day.name().toLowerCase(Locale.ROOT);
                if (name.equals(s) || name.substring(0, 3).equals(s)) {
                    return day;
                }
            }
            throw ConfigException.at("days", "'" + d + "' is not a day; write mon, tue, wed, thu, fri, sat or sun");
        }
    }

    /** A date that has its own periods (none: closed that day). */
    public record ExceptionConfig(LocalDate date, List<PeriodConfig> periods) {
        public ExceptionConfig {
            if (date == null) {
                throw ConfigException.at("date", "must be a date like 2026-12-24");
            }
            periods = periods == null ? List.of() : List.copyOf(periods);
        }
    }

    public OpeningHours toOpeningHours(ZoneId zone, String country) {
        List<OpeningHours.Exception> ex = new ArrayList<>();
        for (ExceptionConfig e : exceptions) {
            ex.add(new OpeningHours.Exception(e.date(), e.periods().stream().map(PeriodConfig::toPeriod).toList()));
        }
        return new OpeningHours(periods.stream().map(PeriodConfig::toPeriod).toList(),
                "like_sunday".equals(onHolidays) ? OpeningHours.OnHolidays.LIKE_SUNDAY : OpeningHours.OnHolidays.CLOSED, ex, zone, country);
    }
}
