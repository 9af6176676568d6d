package no.kontakt.flow;

import java.util.List;
import java.util.Set;

/**
 * What a domain action declares to scripts: its inputs (required ones first in {@code required}), its named
 * exits, and the variables it sets for later texts.
 */
public record ActionSpec(String name, String description, Set<String> inputs, Set<String> required, List<String> exits, Set<String> outputs) {
    public ActionSpec {
        inputs = Set.copyOf(inputs);
        required = Set.copyOf(required);
        exits = List.copyOf(exits);
        outputs = Set.copyOf(outputs);
    }
}
