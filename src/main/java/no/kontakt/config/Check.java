package no.kontakt.config;

import java.util.Collection;

/** Small validation helpers for configuration records; each failure names the key and the bad value. */
final class Check {
    private Check() {}

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.at(key, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigException.at(key, "must be set");
        }
        return value;
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static void oneOf(String key, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw ConfigException.at(key, "must be one of " + allowed + " (was '" + value + "')");
        }
    }
}
