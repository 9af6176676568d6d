package no.kontakt.config;

import java.util.regex.Pattern;

/**
 * The settings that keep the safety net on, checked where they are set (kontakt.yaml at start-up, and the admin's
 * settings editor): every safety text must give real numbers, and the ambulant team's hours may be empty only when
 * they say {@code closed: true} on purpose. A refusal names the key and says what to write instead.
 */
public final class SafetySettings {
    /** Digits with single spaces between groups, a + first if needed: 113, 116 117, +45 70 201 201. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]+([ -][0-9]+)*");

    private SafetySettings() {}

    /** Throws {@link ConfigException} keyed {@code emergency.…} or {@code ambulant.hours.…} when the net would be off. */
    public static void check(AppConfig config) {
        within("emergency", () -> emergency(config.emergency()));
        within("ambulant.hours", () -> ambulantHours(config.ambulant().hours()));
    }

    /** The numbers every safety text gives; keys relative to the emergency section. */
    public static void emergency(AppConfig.Emergency emergency) {
        number("emergency_number", emergency.emergencyNumber());
        number("medical_number", emergency.medicalNumber());
        number("crisis_line", emergency.crisisLine());
        number("police_number", emergency.policeNumber());
        number("crisis_centre", emergency.crisisCentre());
    }

    /** The ambulant team's hours: periods, or an explicit {@code closed: true}; keys relative to the hours. */
    public static void ambulantHours(HoursConfig hours) {
        boolean closed = Boolean.TRUE.equals(hours.closed());
        if (hours.periods().isEmpty() && !closed) {
            throw ConfigException.at("periods", "the ambulant team has no opening hours, so every citizen would be told it is "
                    + "closed; list its periods, or write closed: true to close the service on purpose");
        }
        if (closed && !hours.periods().isEmpty()) {
            throw ConfigException.at("closed", "is true, but periods are listed too; remove the periods or closed: true");
        }
    }

    private static void number(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigException.at(key, "must be set: every safety text gives it to a person in crisis");
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (!NUMBER.matcher(value.strip()).matches() || digits.length() < 3 || digits.length() > 15) {
            throw ConfigException.at(key, "'" + value + "' is not a phone number; write the digits only, with spaces (or a hyphen) between "
                    + "groups and a + first if needed, like \"113\" or \"116 123\"");
        }
    }

    private static void within(String section, Runnable check) {
        try {
            check.run();
        } catch (ConfigException e) {
            String message = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2) : e.getMessage();
            throw new ConfigException(section + "." + e.key(), message);
        }
    }
}
