package no.kontakt.admin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.kontakt.flow.Route;
import no.kontakt.flow.Script;
import no.kontakt.flow.Step;
import no.kontakt.flow.Target;
import no.kontakt.flow.Wait;

/**
 * A script as boxes and arrows, for the admin page's diagram: every step, every other script it jumps into,
 * every step it names that does not exist, and every way from one to the next with a label in Norwegian
 * ("1 / ord: ring, telefon", "ikke forstått", "ingen svar på 24h"). Nodes are in layers: the start is layer 0,
 * a step is one below the nearest step that leads to it, and steps nothing leads to come last.
 */
public record ScriptGraph(String script, List<Node> nodes, List<Edge> edges) {

    public enum Kind { STEP, SCRIPT, UNKNOWN }

    /** A box: a step of this script, another script jumped into, or a step named but not written. */
    public record Node(String id, Kind kind, String label, String summary, int line, int layer, boolean start, boolean end) {}

    /** An arrow from one node to another, labelled with what takes the conversation there. */
    public record Edge(String from, String to, String label, String kind) {}

    public static ScriptGraph of(Script script) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (Step step : script.steps().values()) {
            nodes.put(step.id(), new Node(step.id(), Kind.STEP, step.id(), summary(step), step.location().line(), -1,
                    step.id().equals(script.start()), step.end()));
            edgesOf(step, edges);
        }
        for (Edge e : edges) {
            if (!nodes.containsKey(e.to())) {
                boolean other = e.to().startsWith("script:");
                String name = e.to().substring(e.to().indexOf(':') + 1);
                nodes.put(e.to(), new Node(e.to(), other ? Kind.SCRIPT : Kind.UNKNOWN, name,
                        other ? "annet skript" : "finnes ikke", 0, -1, false, false));
            }
        }
        return new ScriptGraph(script.name(), layered(script.start(), nodes, edges), List.copyOf(edges));
    }

    private static void edgesOf(Step step, List<Edge> edges) {
        if (step.waitFor() != null) {
            Wait w = step.waitFor();
            for (Route r : w.routes()) {
                add(edges, step, r.target(), routeLabel(r), "route");
            }
            if (w.changed() != null) {
                add(edges, step, w.changed(), "svaret endret noe", "next");
            }
            if (w.next() != null) {
                add(edges, step, w.next(), w.save() == null ? "annet svar" : "annet svar, lagres: " + w.save().name(), "next");
            }
            if (w.otherwise() != null && w.otherwise().then() != null) {
                int retries = w.otherwise().retries();
                add(edges, step, w.otherwise().then(), retries == Integer.MAX_VALUE ? "ikke forstått"
                        : "ikke forstått " + (retries + 1) + " gang" + (retries == 0 ? "" : "er"), "otherwise");
            }
            if (w.timeout() != null && w.timeout().then() != null) {
                Duration after = w.timeout().expireAfter() != null ? w.timeout().expireAfter() : w.timeout().remindAfter();
                add(edges, step, w.timeout().then(), "ingen svar på " + duration(after), "timeout");
            }
        }
        if (step.action() != null) {
            step.action().exits().forEach((exit, target) -> add(edges, step, target, "utfall: " + exit, "exit"));
        }
        if (step.next() != null) {
            add(edges, step, step.next(), "videre", "next");
        }
        if (step.skipTo() != null) {
            add(edges, step, step.skipTo(), "hoppes over når kjent: " + String.join(", ", step.skipWhen()), "skip");
        }
    }

    private static void add(List<Edge> edges, Step from, Target target, String label, String kind) {
        if (target == null) {
            return;
        }
        if (target.isJump()) {
            edges.add(new Edge(from.id(), "script:" + target.script(), label, kind));
            if (target.then() != null) {
                edges.add(new Edge("script:" + target.script(), target.then(), "tilbake når " + target.script() + " er ferdig", "return"));
            }
        } else if (target.step() != null) {
            edges.add(new Edge(from.id(), target.step(), label, kind));
        }
    }

    static String routeLabel(Route r) {
        List<String> parts = new ArrayList<>();
        if (!r.numbers().isEmpty()) {
            parts.add(r.numbers().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (!r.keywords().isEmpty()) {
            parts.add("ord: " + String.join(", ", r.keywords()));
        }
        if (!r.exactly().isEmpty()) {
            parts.add("nøyaktig: " + r.exactly().stream().map(x -> "«" + x + "»").collect(Collectors.joining(", ")));
        }
        if (r.pattern() != null) {
            parts.add("mønster: " + r.pattern().pattern());
        }
        if (r.answer() != null) {
            parts.add(r.answer() ? "svar ja" : "svar nei");
        }
        if (!r.intents().isEmpty()) {
            parts.add("intensjon: " + String.join(", ", r.intents()));
        }
        return parts.isEmpty() ? "svar" : String.join(" / ", parts);
    }

    private static String summary(Step step) {
        if (step.action() != null) {
            return "handling: " + step.action().name();
        }
        if (step.waitFor() != null) {
            return "venter på svar";
        }
        if (step.end()) {
            return "avslutter samtalen";
        }
        return step.say() != null ? "sier noe" : "går videre";
    }

    private static String duration(Duration d) {
        if (d == null) {
            return "en stund";
        }
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + " d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + " t";
        }
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** Breadth-first from the start: a node's layer is its distance; what the start never reaches goes below all. */
    private static List<Node> layered(String start, Map<String, Node> nodes, List<Edge> edges) {
        Map<String, Integer> layer = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        if (start != null && nodes.containsKey(start)) {
            layer.put(start, 0);
            queue.add(start);
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (Edge e : edges) {
                if (e.from().equals(id) && !layer.containsKey(e.to())) {
                    layer.put(e.to(), layer.get(id) + 1);
                    queue.add(e.to());
                }
            }
        }
        int below = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<Node> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            out.add(new Node(n.id(), n.kind(), n.label(), n.summary(), n.line(), layer.getOrDefault(n.id(), below), n.start(), n.end()));
        }
        return out;
    }
}
