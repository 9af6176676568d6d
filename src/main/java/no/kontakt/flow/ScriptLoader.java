package no.kontakt.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.kontakt.yaml.YamlNode;

/**
 * Reads one script file into a {@link Script}, reporting every structural problem with its line and column
 * (unknown keys, wrong kinds of values, bad durations or patterns). Cross-checks between steps, scripts and
 * actions are the {@link Validator}'s.
 */
public final class ScriptLoader {
    private static final Set<String> SCRIPT_KEYS = Set.of("name", "description", "start", "steps", "intents", "slots");
    /** The values a script can gather from any message (see {@link Heard}). */
    public static final Set<String> SLOTS = Set.of("channel", "window", "name");
    private static final Set<String> STEP_KEYS = Set.of("say", "action", "with", "exits", "wait", "next", "jump", "then", "end", "safe_point", "understands", "skip_when", "skip_to");
    private static final Set<String> WAIT_KEYS = Set.of("routes", "save", "type", "next", "otherwise", "timeout", "changed");
    private static final Set<String> ROUTE_KEYS = Set.of("number", "keywords", "exactly", "pattern", "answer", "intent", "set", "go", "jump", "then", "at");
    private static final Set<String> OTHERWISE_KEYS = Set.of("say", "retries", "then");
    private static final Set<String> TIMEOUT_KEYS = Set.of("remind_after", "remind", "expire_after", "then");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|min|h|d)");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final YamlNodes yaml;
    private final String file;

    private ScriptLoader(String file) {
        this.file = file;
        this.yaml = new YamlNodes(file);
    }

    /** The result of loading: the script when there were no errors, and every problem found. */
    public record Loaded(Script script, List<Problem> problems) {
        public boolean ok() {
            return script != null && problems.stream().noneMatch(Problem::isError);
        }
    }

    /** @param file the name shown in problems, e.g. {@code conversations/contact.yaml} */
    public static Loaded load(String file, String source) {
        ScriptLoader loader = new ScriptLoader(file);
        Script script = loader.script(source);
        boolean errors = loader.yaml.problems.stream().anyMatch(Problem::isError);
        return new Loaded(errors ? null : script, List.copyOf(loader.yaml.problems));
    }

    /** The script name a file must carry: its file name without {@code .yaml}. */
    public static String nameOf(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
    }

    private Script script(String source) {
        YamlNode root = yaml.parse(source);
        if (root == null) {
            return null;
        }
        Map<String, YamlNode> top = yaml.map(root, "the script", SCRIPT_KEYS);
        String name = top.containsKey("name") ? yaml.text(top.get("name"), "name") : nameOf(file);
        if (name != null && !name.equals(nameOf(file))) {
            yaml.error(top.get("name"), "name '" + name + "' must match the file name '" + nameOf(file) + "'");
        }
        String description = top.containsKey("description") ? yaml.text(top.get("description"), "description") : "";
        Map<String, Step> steps = new LinkedHashMap<>();
        if (!top.containsKey("steps")) {
            yaml.error(root, "the script has no 'steps:'");
        } else {
            yaml.map(top.get("steps"), "steps", null).forEach((id, node) -> {
                if (!NAME.matcher(id).matches()) {
                    yaml.error(node, "step name '" + id + "' must be lower-case letters, digits and _ (like ask_topic)");
                }
                Step step = step(id, node);
                if (step != null) {
                    steps.put(id, step);
                }
            });
        }
        String start = top.containsKey("start") ? yaml.text(top.get("start"), "start")
                : steps.keySet().stream().findFirst().orElse(null);
        if (start == null) {
            yaml.error(root, "the script has no steps to start from");
        }
        List<String> intents = top.containsKey("intents") ? yaml.texts(top.get("intents"), "intents") : List.of();
        List<String> slots = top.containsKey("slots") ? yaml.texts(top.get("slots"), "slots") : List.of();
        for (String slot : slots) {
            if (!SLOTS.contains(slot)) {
                yaml.error(top.get("slots"), "slot '" + slot + "' is not one of " + String.join(", ", new java.util.TreeSet<>(SLOTS)));
            }
        }
        return new Script(name, 1, description, start, steps, source, yaml.at(root), intents, slots);
    }

    private Step step(String id, YamlNode node) {
        Map<String, YamlNode> m = yaml.map(node, "step '" + id + "'", STEP_KEYS);
        Texts say = m.containsKey("say") ? texts(m.get("say"), "say") : null;
        ActionCall action = null;
        if (m.containsKey("action")) {
            Map<String, String> with = new LinkedHashMap<>();
            if (m.containsKey("with")) {
                yaml.map(m.get("with"), "with", null).forEach((k, v) -> with.put(k, yaml.text(v, "with." + k)));
            }
            Map<String, Target> exits = new LinkedHashMap<>();
            if (m.containsKey("exits")) {
                yaml.map(m.get("exits"), "exits", null).forEach((k, v) -> exits.put(k, target(v, null, null)));
            }
            action = new ActionCall(yaml.text(m.get("action"), "action"), with, exits, yaml.at(m.get("action")));
        } else if (m.containsKey("with") || m.containsKey("exits")) {
            yaml.error(m.getOrDefault("with", m.get("exits")), "'with' and 'exits' belong to an 'action'");
        }
        Wait wait = m.containsKey("wait") ? waitOf(m.get("wait")) : null;
        Target next = target(m.get("next"), m.get("jump"), m.get("then"));
        boolean end = m.containsKey("end") && Boolean.TRUE.equals(yaml.bool(m.get("end"), "end"));
        boolean safePoint = m.containsKey("safe_point") && Boolean.TRUE.equals(yaml.bool(m.get("safe_point"), "safe_point"));
        List<String> understands = m.containsKey("understands") ? yaml.texts(m.get("understands"), "understands") : List.of();
        List<String> skipWhen = m.containsKey("skip_when") ? yaml.texts(m.get("skip_when"), "skip_when") : List.of();
        Target skipTo = target(m.get("skip_to"), null, null);
        if (skipWhen.isEmpty() != (skipTo == null)) {
            yaml.error(m.getOrDefault("skip_when", m.get("skip_to")), "'skip_when' (the values that answer this step) and 'skip_to' (where to go then) belong together");
        }
        return new Step(id, say, action, wait, next, end, safePoint, yaml.keyAt(node), understands, skipWhen, skipTo);
    }

    private Wait waitOf(YamlNode node) {
        Map<String, YamlNode> m = yaml.map(node, "wait", WAIT_KEYS);
        List<Route> routes = new ArrayList<>();
        if (m.containsKey("routes")) {
            for (YamlNode r : yaml.list(m.get("routes"), "routes")) {
                routes.add(route(r));
            }
        }
        Wait.Save save = null;
        if (m.containsKey("save")) {
            String name = yaml.text(m.get("save"), "save");
            String typeText = m.containsKey("type") ? yaml.text(m.get("type"), "type") : "text";
            Wait.ValueType type = typeText == null ? null : Wait.ValueType.parse(typeText);
            if (type == null && typeText != null) {
                yaml.error(m.get("type"), "type '" + typeText + "' is not one of text, topic, name, yes_no, number, time_window, phone");
            }
            save = new Wait.Save(name, type == null ? Wait.ValueType.TEXT : type, yaml.at(m.get("save")));
        } else if (m.containsKey("type")) {
            yaml.error(m.get("type"), "'type' says how to 'save' the reply, but there is no 'save'");
        }
        Wait.Otherwise otherwise = null;
        if (m.containsKey("otherwise")) {
            Map<String, YamlNode> o = yaml.map(m.get("otherwise"), "otherwise", OTHERWISE_KEYS);
            Integer retries = o.containsKey("retries") ? yaml.integer(o.get("retries"), "retries") : null;
            otherwise = new Wait.Otherwise(o.containsKey("say") ? texts(o.get("say"), "otherwise.say") : null,
                    retries == null ? Integer.MAX_VALUE : retries, target(o.get("then"), null, null), yaml.at(m.get("otherwise")));
        }
        Wait.Timeout timeout = null;
        if (m.containsKey("timeout")) {
            Map<String, YamlNode> t = yaml.map(m.get("timeout"), "timeout", TIMEOUT_KEYS);
            timeout = new Wait.Timeout(duration(t.get("remind_after")), t.containsKey("remind") ? texts(t.get("remind"), "remind") : null,
                    duration(t.get("expire_after")), target(t.get("then"), null, null), yaml.at(m.get("timeout")));
            if (timeout.remindAfter() != null && timeout.remind() == null) {
                yaml.error(m.get("timeout"), "'remind_after' needs a 'remind' text");
            }
            if (timeout.remindAfter() == null && timeout.expireAfter() == null) {
                yaml.error(m.get("timeout"), "a timeout needs 'remind_after', 'expire_after' or both");
            }
            if (timeout.remindAfter() != null && timeout.expireAfter() != null && timeout.expireAfter().compareTo(timeout.remindAfter()) <= 0) {
                yaml.error(t.get("expire_after"), "'expire_after' must be longer than 'remind_after'");
            }
        }
        return new Wait(routes, save, target(m.get("next"), null, null), otherwise, timeout, yaml.at(node), target(m.get("changed"), null, null));
    }

    private Route route(YamlNode node) {
        Map<String, YamlNode> m = yaml.map(node, "a route", ROUTE_KEYS);
        List<Integer> numbers = new ArrayList<>();
        if (m.containsKey("number")) {
            for (String n : yaml.texts(m.get("number"), "number")) {
                try {
                    numbers.add(Integer.parseInt(n.strip()));
                } catch (NumberFormatException e) {
                    yaml.error(m.get("number"), "number must be a whole number (was '" + n + "')");
                }
            }
        }
        com.google.re2j.Pattern pattern = null;
        boolean patternRefused = false;
        if (m.containsKey("pattern")) {
            String p = yaml.text(m.get("pattern"), "pattern");
            try {
                pattern = p == null ? null : RoutePatterns.compile(p);
            } catch (IllegalArgumentException e) {
                yaml.error(m.get("pattern"), e.getMessage());
                patternRefused = true;
            }
        }
        Map<String, String> set = new LinkedHashMap<>();
        if (m.containsKey("set")) {
            yaml.map(m.get("set"), "set", null).forEach((k, v) -> set.put(k, yaml.text(v, "set." + k)));
        }
        Target target = target(m.get("go"), m.get("jump"), m.get("then"));
        if (m.containsKey("at")) {
            if (target == null || !target.isJump()) {
                yaml.error(m.get("at"), "'at' names the step to start at in the script of a 'jump'");
            } else {
                target = new Target(null, target.script(), target.then(), yaml.text(m.get("at"), "at"), target.location());
            }
        }
        if (target == null) {
            yaml.error(node, "the route says where to go with 'go: step' or 'jump: script'");
        }
        List<String> keywords = m.containsKey("keywords") ? yaml.texts(m.get("keywords"), "keywords") : List.of();
        List<String> exactly = m.containsKey("exactly") ? yaml.texts(m.get("exactly"), "exactly") : List.of();
        List<String> intents = m.containsKey("intent") ? yaml.texts(m.get("intent"), "intent") : List.of();
        Boolean answer = null;
        if (m.containsKey("answer")) {
            String a = yaml.text(m.get("answer"), "answer");
            if ("yes".equals(a) || "no".equals(a)) {
                answer = "yes".equals(a);
            } else {
                yaml.error(m.get("answer"), "answer must be yes or no (was '" + a + "')");
            }
        }
        Route route = new Route(numbers, keywords, exactly, pattern, answer, intents, set, target, yaml.at(node));
        if (!route.hasExactMatchers() && intents.isEmpty() && !patternRefused) {
            yaml.error(node, "the route matches nothing: give a number, keywords, exactly, pattern, answer or intent");
        }
        return route;
    }

    private Target target(YamlNode go, YamlNode jump, YamlNode then) {
        if (go != null && jump != null) {
            yaml.error(jump, "give either 'go'/'next' or 'jump', not both");
        }
        if (jump != null) {
            return new Target(null, yaml.text(jump, "jump"), then == null ? null : yaml.text(then, "then"), yaml.at(jump));
        }
        if (then != null) {
            yaml.error(then, "'then' says where to come back after a 'jump'");
        }
        return go == null ? null : Target.step(yaml.text(go, "go"), yaml.at(go));
    }

    private Texts texts(YamlNode node, String what) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        yaml.map(node, what + " (one text per language, like 'nb: Hei')", null).forEach((language, value) -> {
            String text = yaml.text(value, what + "." + language);
            if (text != null) {
                byLanguage.put(language, text.strip());
                locations.put(language, yaml.at(value));
            }
        });
        return new Texts(byLanguage, yaml.at(node), locations);
    }

    private Duration duration(YamlNode node) {
        if (node == null) {
            return null;
        }
        String text = yaml.text(node, "a duration");
        if (text == null) {
            return null;
        }
        var m = DURATION.matcher(text.strip().toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        yaml.error(node, "'" + text + "' is not a duration: write it like 90s, 30m, 2h or 1d");
        return null;
    }
}
