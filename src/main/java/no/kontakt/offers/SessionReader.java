package no.kontakt.offers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an offer's {@code sessions:} (dates with a time, or weekly rules) and reports what is wrong where. */
final class SessionReader {
    private static final Set<String> KEYS = Set.of("at", "weekly", "time", "duration", "from", "until", "except");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*(?:m|min))?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2})");
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        weekday(DayOfWeek.MONDAY, "monday", "mandag", "måndag");
        weekday(DayOfWeek.TUESDAY, "tuesday", "tirsdag", "tysdag", "tisdag");
        weekday(DayOfWeek.WEDNESDAY, "wednesday", "onsdag");
        weekday(DayOfWeek.THURSDAY, "thursday", "torsdag");
        weekday(DayOfWeek.FRIDAY, "friday", "fredag");
        weekday(DayOfWeek.SATURDAY, "saturday", "lørdag", "laurdag", "lördag");
        weekday(DayOfWeek.SUNDAY, "sunday", "søndag", "sundag", "söndag");
    }

    private final LocatedYaml yaml;

    SessionReader(LocatedYaml yaml) {
        this.yaml = yaml;
    }

    List<SessionRule> read(JsonNode node, String at) {
        List<SessionRule> rules = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            yaml.error(at, "'sessions' must list when the offer meets: '- at: 2026-12-02 10:00' with a duration, "
                    + "or '- weekly: tuesday' with time, duration, from and until");
            return rules;
        }
        for (int i = 0; i < node.size(); i++) {
            SessionRule rule = rule(node.get(i), at + "/" + i);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private SessionRule rule(JsonNode node, String at) {
        Map<String, JsonNode> f = yaml.fields(node, at, "a session", KEYS);
        if (f.containsKey("at") == f.containsKey("weekly")) {
            yaml.error(at, "give either 'at: 2026-12-02 10:00' (one meeting) or 'weekly: tuesday' (every week)"
                    + (f.containsKey("at") ? ", not both" : ""));
            return null;
        }
        Duration duration = duration(f.get("duration"), at);
        return f.containsKey("at") ? once(f, at, duration) : weekly(f, at, duration);
    }

    private SessionRule once(Map<String, JsonNode> f, String at, Duration duration) {
        for (String key : List.of("time", "from", "until", "except")) {
            if (f.containsKey(key)) {
                yaml.error(at + "/" + key, "'" + key + "' belongs to a weekly rule; a single meeting has only 'at' and 'duration'");
            }
        }
        LocalDateTime start = dateTime(f.get("at"), at + "/at");
        return start == null || duration == null ? null : new SessionRule.Once(start, duration);
    }

    private SessionRule weekly(Map<String, JsonNode> f, String at, Duration duration) {
        Set<DayOfWeek> days = weekdays(f.get("weekly"), at + "/weekly");
        LocalTime time = time(f.get("time"), at);
        LocalDate from = date(f.get("from"), at + "/from", at, "from", true);
        LocalDate until = date(f.get("until"), at + "/until", at, "until", false);
        if (from != null && until != null && until.isBefore(from)) {
            yaml.error(at + "/until", until + " is before 'from' " + from);
        }
        Set<LocalDate> except = exceptions(f.get("except"), at, days);
        if (days == null || time == null || duration == null || from == null) {
            return null;
        }
        return new SessionRule.Weekly(days, time, duration, from, until, except);
    }

    private Set<LocalDate> exceptions(JsonNode list, String at, Set<DayOfWeek> days) {
        Set<LocalDate> except = new LinkedHashSet<>();
        if (list != null && !list.isArray()) {
            yaml.error(at + "/except", "must be a list of dates, like [2026-12-24, 2026-12-31]");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                LocalDate day = date(list.get(i), at + "/except/" + i, at, "except", true);
                if (day != null && days != null && !days.contains(day.getDayOfWeek())) {
                    yaml.warning(at + "/except/" + i, day + " is a " + day.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                            + ", not a meeting day of this rule");
                }
                if (day != null) {
                    except.add(day);
                }
            }
        }
        return except;
    }

    private Set<DayOfWeek> weekdays(JsonNode node, String at) {
        List<JsonNode> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(names::add);
        } else {
            names.add(node);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode name : names) {
            DayOfWeek day = WEEKDAYS.get(name.asText().strip().toLowerCase(Locale.ROOT));
            if (day == null) {
                yaml.error(at, "'" + name.asText() + "' is not a weekday (monday ... sunday, or mandag ... søndag)");
                return null;
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            yaml.error(at, "name at least one weekday");
            return null;
        }
        return days;
    }

    private LocalTime time(JsonNode node, String at) {
        if (node == null) {
            yaml.error(at, "'time' is missing: write it like time: \"18:00\"");
            return null;
        }
        try {
            return LocalTime.parse(pad(node.asText().strip()));
        } catch (DateTimeParseException e) {
            yaml.error(at + "/time", "'" + node.asText() + "' is not a time of day; write it like 18:00");
            return null;
        }
    }

    private LocalDate date(JsonNode node, String where, String at, String key, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                yaml.error(at, "'" + key + "' is missing: write the first date of the rule like " + key + ": 2027-01-12");
            }
            return null;
        }
        try {
            return LocalDate.parse(node.asText().strip());
        } catch (DateTimeParseException e) {
            yaml.error(where, "'" + node.asText() + "' is not a date; write it like 2027-01-12");
            return null;
        }
    }

    private LocalDateTime dateTime(JsonNode node, String at) {
        Matcher m = DATE_TIME.matcher(node.asText().strip());
        try {
            if (m.matches()) {
                return LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.parse(pad(m.group(2))));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        yaml.error(at, "'" + node.asText() + "' is not a date and time; write it like 2026-12-02 10:00");
        return null;
    }

    private Duration duration(JsonNode node, String at) {
        if (node == null) {
            yaml.error(at, "'duration' is missing: write how long a meeting lasts, like 2h, 90m or 1h30m");
            return null;
        }
        Matcher m = DURATION.matcher(node.asText().strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1) == null && m.group(2) == null) {
            yaml.error(at + "/duration", "'" + node.asText() + "' is not a duration; write it like 2h, 90m or 1h30m");
            return null;
        }
        Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        if (d.toMinutes() < 5 || d.toHours() > 24) {
            yaml.error(at + "/duration", "a meeting lasts between 5 minutes and 24 hours (was " + node.asText() + ")");
            return null;
        }
        return d;
    }

    private static String pad(String time) {
        return time.length() == 4 && time.charAt(1) == ':' ? "0" + time : time;
    }

    private static void weekday(DayOfWeek day, String... names) {
        for (String n : names) {
            WEEKDAYS.put(n, day);
        }
    }
}
