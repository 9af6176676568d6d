package no.kontakt.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.kontakt.yaml.YamlNode;

/** Reads {@code conversations/global.yaml} into {@link Globals}, with located problems. */
public final class GlobalsLoader {
    public static final String FILE = "global.yaml";
    private static final Set<String> KEYS = Set.of("words", "phrases", "languages", "start", "menu", "texts");
    private static final Set<String> WORD_KEYS = Set.of("stop", "start", "help", "menu", "erase");

    private GlobalsLoader() {}

    public record Loaded(Globals globals, List<Problem> problems) {}

    public static Loaded load(String file, String source) {
        YamlNodes yaml = new YamlNodes(file);
        YamlNode root = yaml.parse(source);
        if (root == null) {
            return new Loaded(null, yaml.problems);
        }
        Map<String, YamlNode> top = yaml.map(root, "global.yaml", KEYS);
        Map<Globals.Word, List<String>> words = new EnumMap<>(Globals.Word.class);
        if (top.containsKey("words")) {
            yaml.map(top.get("words"), "words", WORD_KEYS).forEach((word, node) -> {
                List<String> all = new ArrayList<>();
                yaml.map(node, "words." + word + " (words per language, like 'nb: [STOPP, SLUTT]')", null)
                        .forEach((language, list) -> all.addAll(yaml.texts(list, "words." + word + "." + language)));
                words.put(Globals.Word.valueOf(word.toUpperCase(Locale.ROOT)), all);
            });
        }
        for (Globals.Word w : Globals.Word.values()) {
            if (!words.containsKey(w)) {
                yaml.error(top.getOrDefault("words", root), "words." + w.name().toLowerCase(Locale.ROOT) + " is missing");
            }
        }
        Map<Globals.Word, List<String>> phrases = new EnumMap<>(Globals.Word.class);
        if (top.containsKey("phrases")) {
            yaml.map(top.get("phrases"), "phrases", Set.of("stop", "help", "menu", "erase")).forEach((word, node) -> {
                List<String> all = new ArrayList<>();
                yaml.map(node, "phrases." + word + " (phrases per language, like 'nb: [slutt å sende meg meldinger]')", null)
                        .forEach((language, list) -> all.addAll(yaml.texts(list, "phrases." + word + "." + language)));
                phrases.put(Globals.Word.valueOf(word.toUpperCase(Locale.ROOT)), all);
            });
        }
        Map<String, List<String>> languages = new LinkedHashMap<>();
        if (top.containsKey("languages")) {
            yaml.map(top.get("languages"), "languages", null).forEach((lang, node) -> languages.put(lang, yaml.texts(node, "languages." + lang)));
        }
        String start = top.containsKey("start") ? yaml.text(top.get("start"), "start") : "main";
        String menu = top.containsKey("menu") ? yaml.text(top.get("menu"), "menu") : "main.menu";
        String menuScript = menu;
        String menuStep = null;
        if (menu != null && menu.contains(".")) {
            menuScript = menu.substring(0, menu.indexOf('.'));
            menuStep = menu.substring(menu.indexOf('.') + 1);
        } else {
            yaml.error(top.get("menu"), "menu must be written script.step, like main.menu");
        }
        Map<String, Texts> texts = new LinkedHashMap<>();
        if (top.containsKey("texts")) {
            java.util.Set<String> allowed = new java.util.HashSet<>(Globals.TEXT_KEYS);
            allowed.addAll(Globals.OPTIONAL_TEXT_KEYS);
            yaml.map(top.get("texts"), "texts", allowed).forEach((key, node) -> {
                Map<String, String> byLanguage = new LinkedHashMap<>();
                Map<String, Location> at = new LinkedHashMap<>();
                yaml.map(node, "texts." + key, null).forEach((lang, value) -> {
                    String t = yaml.text(value, "texts." + key + "." + lang);
                    if (t != null) {
                        byLanguage.put(lang, t.strip());
                        at.put(lang, yaml.at(value));
                    }
                });
                texts.put(key, new Texts(byLanguage, yaml.at(node), at));
            });
        }
        for (String key : Globals.TEXT_KEYS) {
            if (!texts.containsKey(key)) {
                yaml.error(top.getOrDefault("texts", root), "texts." + key + " is missing");
            }
        }
        boolean errors = yaml.problems.stream().anyMatch(Problem::isError);
        Globals globals = errors ? null : new Globals(words, languages, start, menuScript, menuStep, texts, yaml.at(root), phrases);
        return new Loaded(globals, yaml.problems);
    }
}
