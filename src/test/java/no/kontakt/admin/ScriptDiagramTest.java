package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import no.kontakt.flow.Script;
import no.kontakt.flow.ScriptLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The diagram the server draws of a script: well-formed SVG, every step and way on present, every text escaped. */
class ScriptDiagramTest {

    private static Script load(String file, String yaml) {
        ScriptLoader.Loaded loaded = ScriptLoader.load(file, yaml);
        assertThat(loaded.script()).as(loaded.problems().toString()).isNotNull();
        return loaded.script();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> groups(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if ((" " + g.getAttribute("class") + " ").contains(" " + cls + " ")) {
                out.add(g);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "contact", "contact_cancel", "offers", "offers_cancel", "ambulant"})
    void every_shipped_script_draws_as_well_formed_svg_with_every_step_and_every_way_on(String name) throws Exception {
        Script script = load("conversations/" + name + ".yaml", Files.readString(Path.of("conversations", name + ".yaml")));
        Document doc = parse(ScriptDiagram.svg(script));

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).matches("-?[0-9.]+ -?[0-9.]+ [0-9.]+ [0-9.]+");
        Set<String> steps = new HashSet<>();
        for (Element g : groups(doc, "step")) {
            steps.add(g.getAttribute("data-id"));
            assertThat(Integer.parseInt(g.getAttribute("data-line"))).as("line of " + g.getAttribute("data-id")).isPositive();
        }
        assertThat(steps).isEqualTo(script.steps().keySet());
        assertThat(groups(doc, "step")).filteredOn(g -> g.getAttribute("data-start").equals("true"))
                .extracting(g -> g.getAttribute("data-id")).containsExactly(script.start());

        int targets = script.steps().values().stream().mapToInt(s -> s.targets().size()).sum();
        int returns = (int) script.steps().values().stream().flatMap(s -> s.targets().stream()).filter(t -> t.isJump() && t.then() != null).count();
        assertThat(groups(doc, "edge")).hasSize(targets + returns);
        Set<String> nodes = new HashSet<>();
        groups(doc, "node").forEach(g -> nodes.add(g.getAttribute("data-kind") + ":" + g.getAttribute("data-id")));
        for (Element edge : groups(doc, "edge")) {
            assertThat(nodes).contains(edge.getAttribute("data-from-kind") + ":" + edge.getAttribute("data-from"),
                    edge.getAttribute("data-to-kind") + ":" + edge.getAttribute("data-to"));
            assertThat(edge.getAttribute("data-label")).isNotBlank();
        }
    }

    @Test
    void the_main_menu_shows_the_scripts_it_jumps_into() throws Exception {
        Script main = load("conversations/main.yaml", Files.readString(Path.of("conversations/main.yaml")));
        Document doc = parse(ScriptDiagram.svg(main));
        assertThat(groups(doc, "script")).extracting(g -> g.getAttribute("data-id"))
                .contains("contact", "offers", "ambulant", "contact_cancel", "offers_cancel");
        assertThat(groups(doc, "edge")).filteredOn(e -> e.getAttribute("data-to").equals("contact"))
                .extracting(e -> e.getAttribute("data-label")).allMatch(l -> l.startsWith("1"));
    }

    @Test
    void every_text_is_escaped_and_a_step_that_does_not_exist_is_drawn_as_missing() throws Exception {
        String yaml = """
                start: ask
                steps:
                  ask:
                    say: { nb: "Hei" }
                    wait:
                      routes:
                        - keywords: ["<script>alert(1)</script>", "a & b", "\\"quoted\\"", "it's"]
                          go: done
                        - pattern: "^<\\\\d{2}>$"
                          go: nowhere
                        - exactly: ["]]>", "\\u0001"]
                          jump: other
                          then: done
                  done:
                    say: { nb: "Ha det" }
                    end: true
                """;
        String svg = ScriptDiagram.svg(load("tricky.yaml", yaml));
        Document doc = parse(svg);

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;").contains("a &amp; b").contains("&quot;quoted&quot;")
                .contains("it&#39;s").contains("]]&gt;");
        List<Element> edges = groups(doc, "edge");
        assertThat(edges).extracting(e -> e.getAttribute("data-label"))
                .contains("ord: <script>alert(1)</script>, a & b, \"quoted\", it's", "mønster: ^<\\d{2}>$");
        assertThat(groups(doc, "unknown")).extracting(g -> g.getAttribute("data-id")).containsExactly("nowhere");
        assertThat(groups(doc, "script")).extracting(g -> g.getAttribute("data-id")).containsExactly("other");
        assertThat(edges).filteredOn(e -> e.getAttribute("data-kind").equals("return"))
                .extracting(e -> e.getAttribute("data-from") + ">" + e.getAttribute("data-to")).containsExactly("other>done");
        assertThat(groups(doc, "step")).filteredOn(g -> g.getAttribute("data-id").equals("done"))
                .extracting(g -> g.getAttribute("data-end")).containsExactly("true");
    }

    @Test
    void a_step_nothing_leads_to_is_still_drawn_below_the_rest() throws Exception {
        String yaml = "start: a\nsteps:\n  a:\n    say: { nb: \"A\" }\n    next: b\n  b:\n    end: true\n  lonely:\n    say: { nb: \"L\" }\n    end: true\n";
        ScriptGraph graph = ScriptGraph.of(load("lonely.yaml", yaml));
        assertThat(graph.nodes()).extracting(n -> n.id() + "@" + n.layer()).containsExactly("a@0", "b@1", "lonely@2");
        assertThat(parse(ScriptDiagram.svg(graph)).getDocumentElement().getLocalName()).isEqualTo("svg");
    }
}
