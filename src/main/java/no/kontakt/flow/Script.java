package no.kontakt.flow;

import java.util.Map;

/** A conversation script: named steps and where to start, as one version of one file. */
public record Script(String name, int version, String description, String start, Map<String, Step> steps, String source, Location location) {
    public Script {
        steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    public Step step(String id) {
        return steps.get(id);
    }

    public Script withVersion(int newVersion) {
        return new Script(name, newVersion, description, start, steps, source, location);
    }
}
