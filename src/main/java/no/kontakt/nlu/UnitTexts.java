package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.flow.Library;
import no.kontakt.flow.Script;
import no.kontakt.flow.Step;
import no.kontakt.flow.Texts;

/** The unit's own texts in each language — scripts, global texts, intent examples — to learn its languages from. */
final class UnitTexts {
    private UnitTexts() {}

    static Map<String, List<String>> of(Library library, IntentExamples examples) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : library.names()) {
            Script script = library.latest(name);
            for (Step step : script.steps().values()) {
                add(out, step.say());
                if (step.waitFor() != null && step.waitFor().otherwise() != null) {
                    add(out, step.waitFor().otherwise().say());
                }
                if (step.waitFor() != null && step.waitFor().timeout() != null) {
                    add(out, step.waitFor().timeout().remind());
                }
            }
        }
        library.globals().texts().values().forEach(t -> add(out, t));
        examples.intents().values().forEach(byLanguage -> byLanguage.forEach((language, list) ->
                out.computeIfAbsent(language, l -> new ArrayList<>()).addAll(list)));
        return out;
    }

    private static void add(Map<String, List<String>> out, Texts texts) {
        if (texts == null) {
            return;
        }
        texts.byLanguage().forEach((language, text) -> out.computeIfAbsent(language, l -> new ArrayList<>())
                .add(text.replaceAll("\\{\\{[^}]*}}", " ")));
    }
}
