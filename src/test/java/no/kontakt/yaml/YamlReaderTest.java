package no.kontakt.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void no_yes_on_and_off_are_words_and_true_false_numbers_and_null_keep_their_type() {
        YamlNode.Mapping m = (YamlNode.Mapping) YamlReader.read("t.yaml",
                "a: no\nb: yes\nc: on\nd: off\ne: NO\nf: true\ng: 3\nh: \"3\"\ni: ~\nj: 1.5\n");
        assertThat(List.of("a", "b", "c", "d", "e", "h")).allSatisfy(k -> assertThat(((YamlNode.Scalar) m.get(k)).kind()).isEqualTo(YamlNode.Kind.STRING));
        assertThat(((YamlNode.Scalar) m.get("f")).kind()).isEqualTo(YamlNode.Kind.BOOLEAN);
        assertThat(((YamlNode.Scalar) m.get("g")).kind()).isEqualTo(YamlNode.Kind.INTEGER);
        assertThat(((YamlNode.Scalar) m.get("i")).kind()).isEqualTo(YamlNode.Kind.NULL);
        JsonNode json = YamlReader.json(m);
        assertThat(json.get("a").textValue()).isEqualTo("no");
        assertThat(json.get("c").textValue()).isEqualTo("on");
        assertThat(json.get("f").booleanValue()).isTrue();
        assertThat(json.get("g").intValue()).isEqualTo(3);
        assertThat(json.get("h").textValue()).isEqualTo("3");
        assertThat(json.get("i").isNull()).isTrue();
        assertThat(json.get("j").doubleValue()).isEqualTo(1.5);
    }

    @Test
    void a_number_written_with_more_than_its_value_stays_as_written() {
        JsonNode json = YamlReader.json(YamlReader.read("t.yaml", "phone: +4791234567\nzero: 0047\ndec: 1.50\nport: 8080\n"));
        assertThat(json.get("phone").asText()).isEqualTo("+4791234567");
        assertThat(json.get("zero").asText()).isEqualTo("0047");
        assertThat(json.get("dec").asText()).isEqualTo("1.50");
        assertThat(json.get("port").isInt()).isTrue();
    }

    @Test
    void nodes_know_their_line_and_column() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlReader.read("t.yaml", "top:\n  list:\n    - one\n    - two: 2\n");
        YamlNode.Sequence list = (YamlNode.Sequence) ((YamlNode.Mapping) root.get("top")).get("list");
        assertThat(list.items().get(1).at()).isEqualTo(new YamlNode.Position("t.yaml", 4, 7));
        assertThat(((YamlNode.Mapping) root.get("top")).entry("list").keyAt()).isEqualTo(new YamlNode.Position("t.yaml", 2, 3));
        assertThat(YamlReader.locate(root, "t.yaml", "top.list[1].two").toString()).isEqualTo("t.yaml:4:7");
        assertThat(YamlReader.locate(root, "t.yaml", "/top/list/0")).isEqualTo(new YamlNode.Position("t.yaml", 3, 7));
        assertThat(YamlReader.locate(root, "t.yaml", "top.missing.deeper").line()).isEqualTo(1);
    }

    @Test
    void a_syntax_error_is_reported_at_its_line() {
        assertThatThrownBy(() -> YamlReader.read("conversations/x.yaml", "a: 1\nb: [one, two\nc: 3\n"))
                .isInstanceOf(YamlException.class)
                .hasMessageStartingWith("conversations/x.yaml:3:")
                .hasMessageContaining("this is not valid YAML");
        assertThatThrownBy(() -> YamlReader.read("x.yaml", "a:\n  b: 1\n c: 2\n")).hasMessageStartingWith("x.yaml:3:");
    }

    @Test
    void a_key_written_twice_is_reported_at_the_second() {
        assertThatThrownBy(() -> YamlReader.read("x.yaml", "a: 1\nb: 2\na: 3\n"))
                .hasMessage("x.yaml:3:1: the key 'a' is written twice (first at line 1)");
    }

    @Test
    void aliases_cannot_blow_a_document_up() {
        String yaml = "a: &a [" + "x,".repeat(200_000) + "x]\nb: [*a, *a, *a, *a, *a, *a]\n";
        assertThatThrownBy(() -> YamlReader.read("x.yaml", yaml)).isInstanceOf(YamlException.class).hasMessageContaining("more than");
    }

    @Test
    void an_empty_document_is_null() {
        assertThat(YamlReader.read("x.yaml", "# nothing\n")).isNull();
    }

    record Point(String name, int x, List<String> tags) {}

    @Test
    void binding_a_wrong_type_names_the_line_and_the_key() {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(YamlReader.bind("p.yaml", "name: no\nx: 3\ntags: [off, on]\n", mapper, Point.class))
                .isEqualTo(new Point("no", 3, List.of("off", "on")));
        assertThatThrownBy(() -> YamlReader.bind("p.yaml", "name: a\nx: many\n", mapper, Point.class))
                .isInstanceOf(YamlException.class)
                .hasMessageStartingWith("p.yaml:2:1: x: ");
        assertThatThrownBy(() -> YamlReader.bind("p.yaml", "name: a\ntags:\n  first: 1\n", mapper, Point.class))
                .hasMessageStartingWith("p.yaml:2:1: tags: ");
    }

    @Test
    void the_writer_writes_what_the_reader_reads_back_and_quotes_only_what_must_be() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("name", "Svar: nei, takk");
        value.put("turns", List.of(Map.of("in", "3"), Map.of("in", "no"), Map.of("out", List.of("Hei!\n1 Ring meg\n2 Kurs")), Map.of("out", List.of())));
        String yaml = YamlWriter.write(value, new ObjectMapper());
        assertThat(yaml).contains("- in: \"3\"\n", "- in: no\n", "- out:\n  - |-\n    Hei!\n    1 Ring meg\n", "- out: []\n").doesNotStartWith("---");
        assertThat(YamlReader.json(YamlReader.read("w.yaml", yaml))).isEqualTo(new ObjectMapper().valueToTree(value));
        assertThat(YamlWriter.write(value, new ObjectMapper())).isEqualTo(yaml);
    }
}
