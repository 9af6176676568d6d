package no.kontakt.flow;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every version of every script, and the global words: what the engine runs. Immutable; publishing a new
 * version makes a new library in which conversations already under way keep their pinned versions.
 */
public final class Library {
    private final Map<String, NavigableMap<Integer, Script>> scripts;
    private final Globals globals;

    private Library(Map<String, NavigableMap<Integer, Script>> scripts, Globals globals) {
        this.scripts = scripts;
        this.globals = globals;
    }

    public static Library of(Globals globals, Iterable<Script> scripts) {
        Map<String, NavigableMap<Integer, Script>> map = new TreeMap<>();
        for (Script s : scripts) {
            map.computeIfAbsent(s.name(), n -> new TreeMap<>()).put(s.version(), s);
        }
        return new Library(map, globals);
    }

    /** A library with {@code script} as the newest version of its name (version = previous newest + 1). */
    public Library publish(Script script) {
        Map<String, NavigableMap<Integer, Script>> map = new TreeMap<>();
        scripts.forEach((name, versions) -> map.put(name, new TreeMap<>(versions)));
        NavigableMap<Integer, Script> versions = map.computeIfAbsent(script.name(), n -> new TreeMap<>());
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        versions.put(version, script.withVersion(version));
        return new Library(map, globals);
    }

    public Script latest(String name) {
        NavigableMap<Integer, Script> versions = scripts.get(name);
        return versions == null ? null : versions.lastEntry().getValue();
    }

    /** The pinned version, or the newest when that version is unknown. */
    public Script get(String name, int version) {
        NavigableMap<Integer, Script> versions = scripts.get(name);
        if (versions == null) {
            return null;
        }
        Script s = versions.get(version);
        return s != null ? s : versions.lastEntry().getValue();
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(scripts.keySet());
    }

    public Globals globals() {
        return globals;
    }
}
