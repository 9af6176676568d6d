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

    static void cost(String text, Location at, String where, List<Problem> problems) {
        for (Segments.Culprit c : Segments.ucs2Culprits(text)) {
            problems.add(Problem.warning(at, where + ": '" + c.character() + "' makes the SMS UCS-2 (70 characters a segment instead of 160)"
                    + (c.suggestion() == null ? "" : "; write '" + c.suggestion() + "' instead")));
        }
        Segments segments = Segments.of(text);
        if (segments.count() > MAX_SEGMENTS) {
            problems.add(Problem.warning(at, where + ": the text needs " + segments.count() + " SMS segments (" + segments.units()
                    + " characters, " + segments.encoding() + "); shorten it or split it"));
        }
    }
}
