package no.kontakt.admin;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import no.kontakt.config.AppConfig;
import no.kontakt.config.HoursConfig;
import no.kontakt.store.Json;

/**
 * Writes the hours and the emergency numbers as a person would write them in {@code kontakt.yaml} — one line a
 * period, times as "08:00", with a comment on how to change them — for the coordinator to edit. Read back with
 * the same binder as the configuration file.
 */
final class SettingsYaml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SettingsYaml() {}

    static String hours(HoursConfig hours) {
        StringBuilder out = new StringBuilder();
        out.append("# One line a period: the days (mon tue wed thu fri sat sun) and the times. A period whose 'to' is\n")
                .append("# earlier than its 'from' runs past midnight. on_holidays: closed or like_sunday.\n")
                .append("# An exception date replaces that day's periods; periods: [] is closed.\n")
                .append("# No periods at all: write closed: true to close the service on purpose.\n")
                .append("periods:\n");
        if (hours.periods().isEmpty()) {
            out.setLength(out.length() - 1);
            out.append(" []\n");
        }
        for (HoursConfig.PeriodConfig p : hours.periods()) {
            out.append("  - ").append(period(p)).append('\n');
        }
        if (Boolean.TRUE.equals(hours.closed())) {
            out.append("closed: true\n");
        }
        out.append("on_holidays: ").append(hours.onHolidays()).append('\n');
        out.append("exceptions:");
        if (hours.exceptions().isEmpty()) {
            out.append(" []\n");
        } else {
            out.append('\n');
            for (HoursConfig.ExceptionConfig e : hours.exceptions()) {
                out.append("  - { date: ").append(e.date()).append(", periods: [")
                        .append(e.periods().stream().map(SettingsYaml::period).collect(Collectors.joining(", "))).append("] }\n");
            }
        }
        return out.toString();
    }

    static String emergency(AppConfig.Emergency e) {
        return "# The numbers every safety text gives. Check them now and then, and write the date in last_checked.\n"
                + "emergency_number: " + quote(e.emergencyNumber()) + "\n"
                + "medical_number: " + quote(e.medicalNumber()) + "\n"
                + "crisis_line: " + quote(e.crisisLine()) + "\n"
                + "crisis_line_name: " + quote(e.crisisLineName()) + "\n"
                + "police_number: " + quote(e.policeNumber()) + "\n"
                + "crisis_centre: " + quote(e.crisisCentre()) + "\n"
                + "crisis_centre_name: " + quote(e.crisisCentreName()) + "\n"
                + (e.region() == null ? "" : "region: " + quote(e.region()) + "\n")
                + (e.lastChecked() == null ? "" : "last_checked: " + e.lastChecked() + "\n");
    }

    private static String period(HoursConfig.PeriodConfig p) {
        String days = p.days().isEmpty() ? "" : "days: [" + p.days().stream().map(d -> d.matches("[a-zæøåäö]+") ? d : quote(d))
                .collect(Collectors.joining(", ")) + "], ";
        return "{ " + days + "from: " + time(p.from()) + ", to: " + time(p.to()) + " }";
    }

    private static String time(LocalTime t) {
        return "\"" + TIME.format(t) + "\"";
    }

    private static String quote(String s) {
        try {
            return s == null ? "\"\"" : Json.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
