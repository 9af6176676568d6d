package no.kontakt.flow;

import java.util.List;
import java.util.Map;
import com.google.re2j.Pattern;

/**
 * One way a reply can go: matched by number, by keywords (any word or phrase in the message), by the whole
 * message ({@code exactly}), by a pattern, by a yes or no in any language ({@code answer: yes}), or by the
 * detected intent. {@code set} stores fixed values. A pattern is RE2 syntax and runs in linear time ({@link RoutePatterns}).
 * <pre>
 * - number: 1
 *   keywords: [ring, telefon]
 *   intent: contact
 *   set: { channel: call }
 *   go: ask_time
 * </pre>
 */
public record Route(
        List<Integer> numbers,
        List<String> keywords,
        List<String> exactly,
        Pattern pattern,
        Boolean answer,
        List<String> intents,
        Map<String, String> set,
        Target target,
        Location location) {

    public Route {
        numbers = List.copyOf(numbers);
        keywords = List.copyOf(keywords);
        exactly = List.copyOf(exactly);
        intents = List.copyOf(intents);
        set = Map.copyOf(set);
    }

    public boolean hasExactMatchers() {
        return !numbers.isEmpty() || !keywords.isEmpty() || !exactly.isEmpty() || pattern != null || answer != null;
    }
}
