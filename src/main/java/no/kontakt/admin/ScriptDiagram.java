package no.kontakt.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kontakt.flow.Script;

/**
 * Draws a {@link ScriptGraph} as SVG: the layers as rows from the start downwards, steps as boxes, other scripts
 * as dashed rounded boxes, missing steps in red, and each way on as a labelled arrow (several between the same
 * two boxes fan out; arrows back up or within a row bend round the side). Every text is escaped; colours are
 * presentation attributes, so the picture needs no style sheet and passes a strict content policy. Each box
 * and arrow carries {@code data-*} attributes from which the page builds the text alternative.
 */
public final class ScriptDiagram {
    static final int W = 184;
    static final int H = 52;
    private static final int GAP_X = 56;
    private static final int GAP_Y = 104;
    private static final int LINE = 16;
    private static final int LABEL_CHARS = 26;

    private ScriptDiagram() {}

    public static String svg(Script script) {
        return svg(ScriptGraph.of(script));
    }

    public static String svg(ScriptGraph graph) {
        Map<String, List<ScriptGraph.Edge>> pairs = new LinkedHashMap<>();
        graph.edges().forEach(e -> pairs.computeIfAbsent(e.from() + "\n" + e.to(), k -> new ArrayList<>()).add(e));
        Map<String, double[]> at = positions(graph, pairs);
        Bounds bounds = new Bounds();
        bounds.point(0, 0);
        at.values().forEach(p -> bounds.box(p[0] - W / 2.0, p[1], p[0] + W / 2.0, p[1] + H));
        StringBuilder edges = new StringBuilder();
        Map<String, Integer> sideCount = new HashMap<>();
        for (List<ScriptGraph.Edge> group : pairs.values()) {
            edges(edges, group, at, graph, bounds, sideCount);
        }
        StringBuilder nodes = new StringBuilder();
        graph.nodes().forEach(n -> node(nodes, n, at.get(n.id())));
        double x0 = bounds.minX - 16;
        double y0 = bounds.minY - 16;
        double w = bounds.maxX - bounds.minX + 32;
        double h = bounds.maxY - bounds.minY + 32;
        long steps = graph.nodes().stream().filter(n -> n.kind() == ScriptGraph.Kind.STEP).count();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"script-diagram\" role=\"img\" aria-labelledby=\"dg-title dg-desc\""
                + " viewBox=\"" + num(x0) + " " + num(y0) + " " + num(w) + " " + num(h) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\""
                + " font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\" data-script=\"" + esc(graph.script()) + "\">\n"
                + "<title id=\"dg-title\">Stegene i skriptet " + esc(graph.script()) + "</title>\n"
                + "<desc id=\"dg-desc\">" + steps + " steg og " + graph.edges().size() + " veier videre. Listen under diagrammet sier det samme i tekst.</desc>\n"
                + "<defs><marker id=\"dg-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1b1b1f\"/></marker></defs>\n"
                + "<g class=\"edges\">\n" + edges + "</g>\n<g class=\"nodes\">\n" + nodes + "</g>\n</svg>\n";
    }

    /**
     * Centre-top of each box: rows by layer, each row centred and ordered by the mean place of the boxes leading
     * to it; the gap below a row grows with the labels of the arrows that leave it.
     */
    static Map<String, double[]> positions(ScriptGraph graph, Map<String, List<ScriptGraph.Edge>> pairs) {
        Map<Integer, List<ScriptGraph.Node>> layers = new java.util.TreeMap<>();
        graph.nodes().forEach(n -> layers.computeIfAbsent(n.layer(), l -> new ArrayList<>()).add(n));
        Map<String, Integer> layerOf = new HashMap<>();
        graph.nodes().forEach(n -> layerOf.put(n.id(), n.layer()));
        Map<Integer, Integer> labelLines = new HashMap<>();
        pairs.values().forEach(group -> {
            ScriptGraph.Edge e = group.get(0);
            if (layerOf.get(e.to()) > layerOf.get(e.from())) {
                labelLines.merge(layerOf.get(e.from()), group.size(), Math::max);
            }
        });
        Map<String, double[]> at = new HashMap<>();
        double y = 0;
        for (var entry : layers.entrySet()) {
            List<ScriptGraph.Node> layer = entry.getValue();
            Map<String, Double> key = new HashMap<>();
            for (int i = 0; i < layer.size(); i++) {
                String id = layer.get(i).id();
                double sum = 0;
                int count = 0;
                for (ScriptGraph.Edge e : graph.edges()) {
                    if (e.to().equals(id) && at.containsKey(e.from()) && layerOf.get(e.from()) < layerOf.get(id)) {
                        sum += at.get(e.from())[0];
                        count++;
                    }
                }
                key.put(id, count == 0 ? 1e6 + i : sum / count);
            }
            List<ScriptGraph.Node> ordered = new ArrayList<>(layer);
            ordered.sort(Comparator.comparingDouble(n -> key.get(n.id())));
            for (int i = 0; i < ordered.size(); i++) {
                at.put(ordered.get(i).id(), new double[] {(i - (ordered.size() - 1) / 2.0) * (W + GAP_X), y});
            }
            y += H + Math.max(GAP_Y, labelLines.getOrDefault(entry.getKey(), 0) * LINE + 56);
        }
        return at;
    }

    /** The arrows between one pair of boxes: one curve, and a label line for each way. */
    private static void edges(StringBuilder out, List<ScriptGraph.Edge> group, Map<String, double[]> at, ScriptGraph graph,
                              Bounds bounds, Map<String, Integer> sideCount) {
        ScriptGraph.Edge first = group.get(0);
        double[] from = at.get(first.from());
        double[] to = at.get(first.to());
        boolean self = first.from().equals(first.to());
        String d;
        double lx;
        double ly;
        if (to[1] > from[1]) {
            double sx = from[0];
            double sy = from[1] + H;
            double ex = to[0];
            double ey = to[1];
            double c1y = sy + (ey - sy) * 0.5;
            double c2y = ey - (ey - sy) * 0.5;
            d = "M" + num(sx) + "," + num(sy) + " C" + num(sx) + "," + num(c1y) + " " + num(ex) + "," + num(c2y) + " " + num(ex) + "," + num(ey);
            double t = from[0] == to[0] ? 0.5 : 0.72;
            lx = cubic(t, sx, sx, ex, ex);
            ly = cubic(t, sy, c1y, c2y, ey);
        } else {
            int side = from[0] < 0 ? -1 : 1;
            int nth = sideCount.merge(first.from() + side, 1, Integer::sum) - 1;
            double sx = from[0] + side * W / 2.0;
            double sy = from[1] + H * (self ? 0.3 : 0.5);
            double ex = to[0] + side * W / 2.0;
            double ey = to[1] + H * (self ? 0.75 : 0.5) + (self ? 0 : 6);
            double bulge = side * (70 + 48 * nth);
            d = "M" + num(sx) + "," + num(sy) + " C" + num(sx + bulge) + "," + num(sy) + " " + num(ex + bulge) + "," + num(ey) + " " + num(ex) + "," + num(ey);
            lx = (sx + ex) / 2 + 0.75 * bulge;
            ly = (sy + ey) / 2;
            bounds.point(sx + bulge, sy);
            bounds.point(ex + bulge, ey);
        }
        boolean sameKind = group.stream().allMatch(e -> e.kind().equals(first.kind()));
        String[] pathLook = look(sameKind ? first.kind() : "mixed");
        double top = ly - group.size() * LINE / 2.0;
        for (int k = 0; k < group.size(); k++) {
            ScriptGraph.Edge e = group.get(k);
            String shown = clip(e.label(), LABEL_CHARS);
            double lw = shown.length() * 6.6 + 10;
            double cy = top + k * LINE + LINE / 2.0;
            bounds.box(lx - lw / 2, cy - LINE / 2.0, lx + lw / 2, cy + LINE / 2.0);
            out.append("<g class=\"edge\" data-from=\"").append(esc(id(e.from()))).append("\" data-from-kind=\"").append(kindOf(graph, e.from()))
                    .append("\" data-to=\"").append(esc(id(e.to()))).append("\" data-to-kind=\"").append(kindOf(graph, e.to()))
                    .append("\" data-kind=\"").append(esc(e.kind())).append("\" data-label=\"").append(esc(e.label())).append("\">")
                    .append("<title>").append(esc(label(graph, e.from()) + " → " + label(graph, e.to()) + ": " + e.label())).append("</title>");
            if (k == 0) {
                out.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(pathLook[0]).append("\" stroke-width=\"1.6\"")
                        .append(pathLook[1].isEmpty() ? "" : " stroke-dasharray=\"" + pathLook[1] + "\"").append(" marker-end=\"url(#dg-arrow)\"/>");
            }
            out.append("<rect x=\"").append(num(lx - lw / 2)).append("\" y=\"").append(num(cy - LINE / 2.0)).append("\" width=\"").append(num(lw))
                    .append("\" height=\"").append(LINE).append("\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>")
                    .append("<text x=\"").append(num(lx)).append("\" y=\"").append(num(cy + 4)).append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"")
                    .append(look(e.kind())[2]).append("\">").append(esc(shown)).append("</text></g>\n");
        }
    }

    private static double cubic(double t, double p0, double p1, double p2, double p3) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    private static void node(StringBuilder out, ScriptGraph.Node n, double[] p) {
        double x = p[0] - W / 2.0;
        double y = p[1];
        String fill = "#ffffff";
        String stroke = "#0b5394";
        String dash = "";
        String width = "1.6";
        String rx = "6";
        String sub = "#545460";
        switch (n.kind()) {
            case SCRIPT -> { fill = "#f3f5f8"; stroke = "#545460"; dash = "6 3"; rx = "18"; }
            case UNKNOWN -> { fill = "#fdecea"; stroke = "#a4161a"; dash = "4 3"; sub = "#a4161a"; }
            default -> {
                if (n.start()) {
                    fill = "#e8f0fa";
                    width = "3";
                }
            }
        }
        String title = n.kind() == ScriptGraph.Kind.SCRIPT ? "→ " + n.label() : n.label();
        String summary = (n.start() ? "start · " : "") + n.summary();
        out.append("<g class=\"node ").append(n.kind().name().toLowerCase(Locale.ROOT)).append("\" data-id=\"").append(esc(n.label()))
                .append("\" data-kind=\"").append(n.kind().name().toLowerCase(Locale.ROOT)).append("\" data-line=\"").append(n.line())
                .append("\" data-start=\"").append(n.start()).append("\" data-end=\"").append(n.end())
                .append("\" data-summary=\"").append(esc(n.summary())).append("\">")
                .append("<title>").append(esc(title + ": " + summary + (n.line() > 0 ? ", linje " + n.line() : ""))).append("</title>")
                .append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" rx=\"").append(rx).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(width).append('"')
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
        if (n.end()) {
            out.append("<rect x=\"").append(num(x + 4)).append("\" y=\"").append(num(y + 4)).append("\" width=\"").append(W - 8).append("\" height=\"")
                    .append(H - 8).append("\" rx=\"4\" fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1\"/>");
        }
        out.append("<text x=\"").append(num(p[0])).append("\" y=\"").append(num(y + 22)).append("\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1b1b1f\">")
                .append(esc(clip(title, 22))).append("</text>")
                .append("<text x=\"").append(num(p[0])).append("\" y=\"").append(num(y + 40)).append("\" text-anchor=\"middle\" font-size=\"11.5\" fill=\"")
                .append(sub).append("\">").append(esc(clip(summary, 28))).append("</text></g>\n");
    }

    /** Stroke colour, dash pattern and label colour of each kind of arrow. */
    private static String[] look(String kind) {
        return switch (kind) {
            case "route" -> new String[] {"#0b5394", "", "#0b3d6e"};
            case "otherwise" -> new String[] {"#8a4b00", "7 4", "#6b3a00"};
            case "timeout" -> new String[] {"#545460", "2 4", "#444450"};
            case "exit" -> new String[] {"#1b5e20", "", "#1b5e20"};
            case "return" -> new String[] {"#545460", "6 3", "#444450"};
            case "skip" -> new String[] {"#545460", "1 3", "#444450"};
            default -> new String[] {"#1b1b1f", "", "#1b1b1f"};
        };
    }

    private static String kindOf(ScriptGraph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(n -> n.kind().name().toLowerCase(Locale.ROOT)).orElse("step");
    }

    private static String label(ScriptGraph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(ScriptGraph.Node::label).orElse(id);
    }

    private static String id(String nodeId) {
        return nodeId.startsWith("script:") ? nodeId.substring(7) : nodeId;
    }

    private static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, cut) + "…";
    }

    /** Escapes text for XML content and attribute values. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD'); // not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The smallest box holding everything drawn. */
    private static final class Bounds {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        void point(double x, double y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }

        void box(double x1, double y1, double x2, double y2) {
            point(x1, y1);
            point(x2, y2);
        }
    }
}
