package no.kontakt.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks scripts against each other, the global words and the registered actions, and reports every problem
 * at once: unknown steps and scripts, unreachable steps, missing languages, unknown actions and exits,
 * placeholders never set, shadowed routes, waits that lead nowhere — and, as warnings, SMS cost.
 */
public final class Validator {
    private final Map<String, ActionSpec> actions;
    private final List<String> languages;
    private final Set<String> contextNames;

    public Validator(Map<String, ActionSpec> actions, List<String> languages, Set<String> contextNames) {
        this.actions = Map.copyOf(actions);
        this.languages = List.copyOf(languages);
        this.contextNames = Set.copyOf(contextNames);
    }

    public List<Problem> validate(Collection<Script> scripts, Globals globals) {
        return validate(scripts, globals, Set.of());
    }

    /** @param broken scripts that exist but did not load (their own errors are reported already) */
    public List<Problem> validate(Collection<Script> scripts, Globals globals, Set<String> broken) {
        return validate(scripts, globals, broken, null);
    }

    /**
     * @param intents the intents of intents.yaml, or null when they are not known (then intent names are not checked)
     */
    public List<Problem> validate(Collection<Script> scripts, Globals globals, Set<String> broken, Set<String> intents) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Script> byName = new HashMap<>();
        scripts.forEach(s -> byName.put(s.name(), s));
        Set<String> settable = settable(scripts);
        Map<String, Script> entries = new HashMap<>();
        for (Script script : scripts) {
            for (String intent : script.intents()) {
                if (intents != null && !intents.contains(intent)) {
                    problems.add(Problem.error(script.location(), "intents: '" + intent + "' is not an intent of intents.yaml (known: "
                            + String.join(", ", new TreeSet<>(intents)) + ")"));
                }
                Script other = entries.putIfAbsent(intent, script);
                if (other != null) {
                    problems.add(Problem.error(script.location(), "intents: '" + intent + "' already starts the script " + other.name()
                            + "; an intent can start only one script"));
                }
            }
        }
        for (Script script : scripts) {
            new ScriptCheck(script, byName, globals, settable, problems, broken, intents, entries.keySet()).run();
        }
        if (globals != null) {
            checkGlobals(globals, byName, settable, problems, broken);
            checkCollisions(globals, scripts, problems);
        }
        return problems;
    }

    /** The intent names of an intents.yaml source (the keys under {@code intents:}), or null when it cannot be read. */
    public static Set<String> intentNames(String source) {
        try {
            if (no.kontakt.yaml.YamlReader.read("intents.yaml", source) instanceof no.kontakt.yaml.YamlNode.Mapping m
                    && m.get("intents") instanceof no.kontakt.yaml.YamlNode.Mapping intents) {
                Set<String> names = new TreeSet<>();
                intents.entries().forEach(e -> names.add(e.key()));
                return names;
            }
        } catch (no.kontakt.yaml.YamlException e) {
            return null; // the intents file reports its own problems where it is loaded
        }
        return null;
    }

    /**
     * A global word or phrase is handled before any script, so it must not say what a route that leaves for another
     * script says (AFMELD cancels one course; it must not opt out of every message): in any language, no global word
     * or phrase may be, contain or be contained in such a route's keyword or reply.
     */
    private void checkCollisions(Globals globals, Collection<Script> scripts, List<Problem> problems) {
        List<String> global = new ArrayList<>();
        globals.words().values().forEach(global::addAll);
        globals.phrases().values().forEach(global::addAll);
        for (Script script : scripts) {
            for (Step step : script.steps().values()) {
                if (step.waitFor() == null) {
                    continue;
                }
                for (Route route : step.waitFor().routes()) {
                    if (!route.target().isJump()) {
                        continue;
                    }
                    List<String> said = new ArrayList<>(route.keywords());
                    said.addAll(route.exactly());
                    for (String k : said) {
                        String nk = Matching.normalize(k);
                        for (String g : global) {
                            String ng = Matching.normalize(g);
                            if (!ng.equals(nk) && (Matching.containsPhrase(ng, nk) || Matching.containsPhrase(nk, ng))) {
                                problems.add(Problem.error(route.location(), "step '" + step.id() + "': '" + k + "' leads to "
                                        + route.target().script() + ", but the global word or phrase '" + g + "' overlaps it and is handled first"));
                            }
                        }
                    }
                }
            }
        }
    }

    private Set<String> settable(Collection<Script> scripts) {
        Set<String> names = new HashSet<>(contextNames);
        names.add("language");
        names.addAll(Set.of("risk_kind", "about_other")); // set by the engine when a risk flag enters the safety script
        for (Script s : scripts) {
            for (String slot : s.slots()) {
                names.add(slot);
                if (slot.equals("window")) {
                    names.add("window_text");
                }
                if (slot.equals("name")) {
                    names.add("anonymous");
                }
            }
            for (Step step : s.steps().values()) {
                if (step.waitFor() != null) {
                    if (step.waitFor().save() != null) {
                        names.add(step.waitFor().save().name());
                        names.add(step.waitFor().save().name() + "_text");
                    }
                    step.waitFor().routes().forEach(r -> names.addAll(r.set().keySet()));
                }
                if (step.action() != null && actions.containsKey(step.action().name())) {
                    names.addAll(actions.get(step.action().name()).outputs());
                }
            }
        }
        return names;
    }

    private void checkGlobals(Globals globals, Map<String, Script> byName, Set<String> settable, List<Problem> problems, Set<String> broken) {
        if (broken.contains(globals.startScript()) || broken.contains(globals.menuScript())) {
            return;
        }
        Script start = byName.get(globals.startScript());
        if (start == null) {
            problems.add(Problem.error(globals.location(), "start: there is no script '" + globals.startScript() + "'"));
        }
        Script menu = byName.get(globals.menuScript());
        if (menu == null || menu.step(globals.menuStep()) == null) {
            problems.add(Problem.error(globals.location(), "menu: there is no step " + globals.menuScript() + "." + globals.menuStep()));
        }
        globals.texts().forEach((key, texts) -> TextCheck.check(texts, "texts." + key, languages, settable, problems));
    }

    /** The checks of one script. */
    private final class ScriptCheck {
        private final Script script;
        private final Map<String, Script> scripts;
        private final Globals globals;
        private final Set<String> settable;
        private final List<Problem> problems;
        private final Set<String> broken;

        private final Set<String> intents;
        private final Set<String> entries;

        ScriptCheck(Script script, Map<String, Script> scripts, Globals globals, Set<String> settable, List<Problem> problems,
                    Set<String> broken, Set<String> intents, Set<String> entries) {
            this.intents = intents;
            this.entries = entries;
            this.broken = broken;
            this.script = script;
            this.scripts = scripts;
            this.globals = globals;
            this.settable = settable;
            this.problems = problems;
        }

        void run() {
            if (script.step(script.start()) == null) {
                problems.add(Problem.error(script.location(), "start: '" + script.start() + "' is not a step" + known()));
            }
            for (Step step : script.steps().values()) {
                checkStep(step);
            }
            checkReachable();
        }

        private void checkStep(Step step) {
            String where = "step '" + step.id() + "'";
            if (step.say() != null) {
                TextCheck.check(step.say(), where, languages, settable, problems);
            }
            step.targets().forEach(t -> checkTarget(t, where));
            for (String intent : step.understands()) {
                if (intents != null && !intents.contains(intent)) {
                    problems.add(Problem.error(step.location(), where + ": understands '" + intent + "', which is not an intent of intents.yaml"));
                } else if (!entries.contains(intent)) {
                    problems.add(Problem.error(step.location(), where + ": understands '" + intent
                            + "', but no script starts from it (give a script 'intents: [" + intent + "]')"));
                }
            }
            for (String v : step.skipWhen()) {
                if (!settable.contains(v) && !ScriptLoader.SLOTS.contains(v) && !v.equals("anonymous")) {
                    problems.add(Problem.error(step.location(), where + ": skip_when '" + v + "' is a value no step, route, slot or action sets"));
                }
            }
            if (step.waitFor() != null && intents != null) {
                for (Route r : step.waitFor().routes()) {
                    for (String intent : r.intents()) {
                        if (!intents.contains(intent)) {
                            problems.add(Problem.error(r.location(), where + ": intent '" + intent + "' is not an intent of intents.yaml"));
                        }
                    }
                }
            }
            if (step.waitFor() != null) {
                checkWait(step, where);
                if (step.next() != null) {
                    problems.add(Problem.error(step.next().location(), where + ": a step that waits goes on from its routes or the 'next' inside 'wait'"));
                }
            }
            if (step.action() != null) {
                checkAction(step.action(), where);
                if (step.waitFor() != null || step.next() != null) {
                    problems.add(Problem.error(step.location(), where + ": a step with an action goes on from its exits; put the wait or next in the exit's step"));
                }
            }
            if (step.end() && (step.next() != null || step.waitFor() != null)) {
                problems.add(Problem.error(step.location(), where + ": 'end' cannot be combined with 'next' or 'wait'"));
            }
        }

        private void checkWait(Step step, String where) {
            Wait wait = step.waitFor();
            if (wait.routes().isEmpty() && wait.save() == null && wait.changed() == null) {
                problems.add(Problem.error(wait.location(), where + ": the wait has nowhere to go: give it routes, or save the reply and say where to go with next"));
            }
            if (wait.save() != null && wait.next() == null) {
                problems.add(Problem.error(wait.save().location(), where + ": after saving '" + wait.save().name() + "', 'next' must say where to go"));
            }
            if (wait.otherwise() != null && wait.otherwise().say() != null) {
                TextCheck.check(wait.otherwise().say(), where + " otherwise", languages, settable, problems);
            }
            if (wait.timeout() != null && wait.timeout().remind() != null) {
                TextCheck.check(wait.timeout().remind(), where + " remind", languages, settable, problems);
            }
            checkShadowing(wait, where);
        }

        private void checkShadowing(Wait wait, String where) {
            Map<String, Route> taken = new HashMap<>();
            for (Route route : wait.routes()) {
                List<String> keys = new ArrayList<>();
                route.numbers().forEach(n -> keys.add("number " + n));
                Matching.normalizedAll(route.keywords()).forEach(k -> keys.add("keyword '" + k + "'"));
                Matching.normalizedAll(route.exactly()).forEach(k -> keys.add("reply '" + k + "'"));
                route.intents().forEach(i -> keys.add("intent " + i));
                if (route.pattern() != null) {
                    keys.add("pattern " + route.pattern().pattern());
                }
                if (route.answer() != null) {
                    keys.add("answer " + (route.answer() ? "yes" : "no"));
                }
                for (String key : keys) {
                    Route earlier = taken.putIfAbsent(key, route);
                    if (earlier != null) {
                        problems.add(Problem.error(route.location(), where + ": " + key + " is already taken by the route at line "
                                + earlier.location().line() + ", so it never reaches this route"));
                    }
                }
                if (globals != null) {
                    for (String k : route.exactly()) {
                        if (globals.wordOf(k).isPresent() || globals.languageOf(k).isPresent()) {
                            problems.add(Problem.error(route.location(), where + ": '" + k + "' is a global word, handled before any route"));
                        }
                    }
                    for (String k : route.keywords()) {
                        if (globals.wordOf(k).isPresent() || globals.languageOf(k).isPresent()) {
                            problems.add(Problem.error(route.location(), where + ": the keyword '" + k + "' alone is a global word, handled before any route"));
                        }
                    }
                }
            }
        }

        private void checkAction(ActionCall call, String where) {
            ActionSpec spec = actions.get(call.name());
            if (spec == null) {
                problems.add(Problem.error(call.location(), where + ": unknown action '" + call.name() + "' (known: " + String.join(", ", new TreeSet<>(actions.keySet())) + ")"));
                return;
            }
            for (String input : call.with().keySet()) {
                if (!spec.inputs().contains(input)) {
                    problems.add(Problem.error(call.location(), where + ": action " + call.name() + " takes no input '" + input + "' (its inputs: " + String.join(", ", new TreeSet<>(spec.inputs())) + ")"));
                }
            }
            for (String required : spec.required()) {
                if (!call.with().containsKey(required)) {
                    problems.add(Problem.error(call.location(), where + ": action " + call.name() + " needs the input '" + required + "' in 'with'"));
                }
            }
            call.with().forEach((k, v) -> TextCheck.placeholders(v, call.location(), where + " with." + k, settable, problems));
            for (var exit : call.exits().entrySet()) {
                if (!spec.exits().contains(exit.getKey())) {
                    problems.add(Problem.error(exit.getValue().location(), where + ": action " + call.name() + " has no exit '" + exit.getKey() + "' (its exits: " + String.join(", ", spec.exits()) + ")"));
                }
            }
            for (String exit : spec.exits()) {
                if (!call.exits().containsKey(exit)) {
                    problems.add(Problem.error(call.location(), where + ": the exit '" + exit + "' of action " + call.name() + " is not handled (add it under 'exits')"));
                }
            }
        }

        private void checkTarget(Target target, String where) {
            if (target.isJump()) {
                if (!scripts.containsKey(target.script()) && !broken.contains(target.script())) {
                    problems.add(Problem.error(target.location(), where + ": jump target '" + target.script() + "' is not a script (known: " + String.join(", ", new TreeSet<>(scripts.keySet())) + ")"));
                } else if (target.at() != null && scripts.containsKey(target.script()) && scripts.get(target.script()).step(target.at()) == null) {
                    problems.add(Problem.error(target.location(), where + ": 'at' step '" + target.at() + "' is not a step of " + target.script()));
                }
                if (target.then() != null && script.step(target.then()) == null) {
                    problems.add(Problem.error(target.location(), where + ": 'then' step '" + target.then() + "' is not a step" + known()));
                }
            } else if (target.step() != null && script.step(target.step()) == null) {
                problems.add(Problem.error(target.location(), where + ": '" + target.step() + "' is not a step" + known()));
            }
        }

        private void checkReachable() {
            Set<String> reached = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            if (script.step(script.start()) != null) {
                todo.add(script.start());
            }
            if (globals != null && globals.menuScript().equals(script.name()) && script.step(globals.menuStep()) != null) {
                todo.add(globals.menuStep());
            }
            while (!todo.isEmpty()) {
                String id = todo.pop();
                Step step = script.step(id);
                if (step == null || !reached.add(id)) {
                    continue;
                }
                for (Target t : step.targets()) {
                    if (!t.isJump()) {
                        todo.add(t.step());
                    } else if (t.then() != null) {
                        todo.add(t.then());
                    }
                }
            }
            for (Step step : script.steps().values()) {
                if (!reached.contains(step.id())) {
                    problems.add(Problem.error(step.location(), "step '" + step.id() + "' is never reached from the start step '" + script.start() + "'"));
                }
            }
        }

        private String known() {
            return " (known: " + String.join(", ", script.steps().keySet()) + ")";
        }
    }
}
