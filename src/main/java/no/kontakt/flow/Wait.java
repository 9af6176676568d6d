package no.kontakt.flow;

import java.time.Duration;
import java.util.List;

/**
 * Waiting for the citizen's reply: routes tried in order (exact matchers first, then intents); otherwise the
 * reply is saved into {@code save} as {@code type} and the conversation goes on to {@code next}; what is not
 * understood goes to {@code otherwise}; silence to {@code timeout}. {@code changed}: where a reply goes that changes
 * one of the script's slots (a correction after the confirmation).
 */
public record Wait(List<Route> routes, Save save, Target next, Otherwise otherwise, Timeout timeout, Location location, Target changed) {
    public Wait {
        routes = List.copyOf(routes);
    }

    public Wait(List<Route> routes, Save save, Target next, Otherwise otherwise, Timeout timeout, Location location) {
        this(routes, save, next, otherwise, timeout, location, null);
    }

    /** A reply saved as a typed value: {@code save: time} with {@code type: time_window}. */
    public record Save(String name, ValueType type, Location location) {}

    /** What happens to a reply no route or save understood; after {@code retries} misses, {@code then}. */
    public record Otherwise(Texts say, int retries, Target then, Location location) {}

    /** Silence: a reminder after {@code remindAfter}, and after {@code expireAfter} go to {@code then} (or end). */
    public record Timeout(Duration remindAfter, Texts remind, Duration expireAfter, Target then, Location location) {}

    public enum ValueType {
        TEXT, YES_NO, NUMBER, TIME_WINDOW, PHONE, NAME, TOPIC;

        public static ValueType parse(String s) {
            return switch (s) {
                case "text" -> TEXT;
                case "yes_no" -> YES_NO;
                case "number" -> NUMBER;
                case "time_window" -> TIME_WINDOW;
                case "phone" -> PHONE;
                case "name" -> NAME;
                case "topic" -> TOPIC;
                default -> null;
            };
        }
    }
}
