package no.kontakt.config;

/** A configuration problem, located by the key's path (for example {@code server.port}). */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(key.isEmpty() ? message : key + ": " + message);
        this.key = key;
    }

    /** The dotted path of the key that is wrong, or "" when the whole file is. */
    public String key() {
        return key;
    }

    /** Thrown by a record's constructor: the key is relative to that record; the loader prefixes its path. */
    public static ConfigException at(String key, String message) {
        return new ConfigException(key, message);
    }
}
