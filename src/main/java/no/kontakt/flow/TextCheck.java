package no.kontakt.flow;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks one text: every language present, valid placeholders that are set somewhere, and its SMS cost. */
final class TextCheck {
    /** A text longer than this many segments gets a warning. */
    static final int MAX_SEGMENTS = 2;

    private TextCheck() {}

    static void check(Texts texts, String where, List<String> languages, Set<String> settable, List<Problem> problems) {
        for (String language : languages) {
            if (!texts.languages().contains(language)) {
                problems.add(Problem.error(texts.location(), where + ": the " + language + " text is missing"));
            }
        }
        for (String language : new TreeSet<>(texts.languages())) {
            if (!languages.contains(language)) {
                problems.add(Problem.warning(texts.locationOf(language), where + ": '" + language + "' is not one of the unit's languages " + languages));
            }
            String text = texts.byLanguage().get(language);
            Location at = texts.locationOf(language);
            placeholders(text, at, where + " (" + language + ")", settable, problems);
            cost(text, at, where + " (" + language + ")", problems);
        }
    }

    static void placeholders(String text, Location at, String where, Set<String> settable, List<Problem> problems) {
        Templates.syntaxError(text).ifPresent(e -> problems.add(Problem.error(at, where + ": the text's {{placeholders}} are broken: " + e)));
        for (String name : Templates.placeholders(text)) {
            if (!settable.contains(name)) {
                problems.add(Problem.error(at, where + ": placeholder {{" + name + "}} is never set (it is not saved, set by a route or action, or a known value)"));
            }
        }
    }

    /**
     * The costliest way the text can render: every combination of its {{#sections}} on and off, with each
     * placeholder taken as ten characters.
     */
    static Segments longestRendering(String text) {
        if (RENDERED.size() > 20_000) {
            RENDERED.clear(); // texts change only when a coordinator edits them: the same few thousand come back at every compile
        }
        return RENDERED.computeIfAbsent(text, TextCheck::renderLongest);
    }

    /** The longest rendering of each text seen: a pure function of the text, computed once (a compile checks every text). */
    private static final java.util.Map<String, Segments> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern SECTION = java.util.regex.Pattern.compile("\\{\\{\\s*[#^]\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private static Segments renderLongest(String text) {
        java.util.Set<String> sections = new java.util.TreeSet<>();
        var m = SECTION.matcher(text);
        while (m.find()) {
            sections.add(m.group(1));
        }
        if (sections.isEmpty() || sections.size() > 6 || Templates.syntaxError(text).isPresent()) {
            return Segments.of(text.replaceAll("\\{\\{[^}]*}}", "xxxxxxxxxx"));
        }
        List<String> names = List.copyOf(sections);
        Segments worst = null;
        for (int combo = 0; combo < (1 << names.size()); combo++) {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            for (String name : Templates.placeholders(text)) {
                values.put(name, "xxxxxxxxxx");
            }
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), (combo & (1 << i)) != 0 ? "xxxxxxxxxx" : "");
            }
            Segments s = Segments.of(Templates.render(text, values));
            if (worst == null || s.count() > worst.count() || (s.count() == worst.count() && s.units() > worst.units())) {
                worst = s;
            }
        }
        return worst;
    }

    static void cost(String text, Location at, String where, List<Problem> problems) {
        for (Segments.Culprit c : Segments.ucs2Culprits(text)) {
            problems.add(Problem.warning(at, where + ": '" + c.character() + "' makes the SMS UCS-2 (70 characters a segment instead of 160)"
                    + (c.suggestion() == null ? "" : "; write '" + c.suggestion() + "' instead")));
        }
        Segments segments = longestRendering(text);
        if (segments.count() > MAX_SEGMENTS) {
            problems.add(Problem.warning(at, where + ": the text can need " + segments.count() + " SMS segments (" + segments.units()
                    + " characters, " + segments.encoding() + ", placeholders counted as 10); shorten it or split it"));
        }
    }
}
