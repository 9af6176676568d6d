package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.kontakt.nlu.OpenNlpRiskClassifier.Example;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trained second opinion on risk, and how the detector lets it add a flag but never overrule the lexicons. */
class OpenNlpRiskClassifierTest {
    private static final Path TRAINING = Path.of("src/main/resources/" + OpenNlpRiskClassifier.RESOURCE);
    private static OpenNlpRiskClassifier shipped;

    @BeforeAll
    static void train() {
        shipped = OpenNlpRiskClassifier.load();
    }

    @Test
    void the_training_file_has_both_kinds_in_every_language() throws IOException {
        List<Example> examples = read(TRAINING);
        for (String language : RiskDetector.LANGUAGES) {
            assertThat(examples.stream().filter(e -> e.language().equals(language) && e.risk()).count()).as(language).isGreaterThanOrEqualTo(40);
            assertThat(examples.stream().filter(e -> e.language().equals(language) && !e.risk()).count()).as(language).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void no_line_of_the_sets_that_measure_it_is_in_the_training_file() throws IOException {
        Set<String> measured = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/nlu"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] columns = line.split("\t");
                    measured.add(columns[columns.length - 1].strip());
                }
            }
        }
        assertThat(read(TRAINING)).allSatisfy(e -> assertThat(measured).as(e.text()).doesNotContain(e.text().strip()));
    }

    @Test
    void the_model_fits_what_it_was_trained_on_and_is_the_same_every_start() throws IOException {
        List<Example> examples = read(TRAINING);
        long right = examples.stream().filter(e -> (shipped.probability(e.text()) >= 0.5) == e.risk()).count();
        assertThat((double) right / examples.size()).isGreaterThanOrEqualTo(0.9);
        OpenNlpRiskClassifier again = OpenNlpRiskClassifier.load();
        assertThat(examples).allSatisfy(e -> assertThat(again.probability(e.text())).isEqualTo(shipped.probability(e.text())));
        assertThat(shipped.probability("  ")).isZero();
    }

    @Test
    void a_bad_training_line_is_named_with_its_place() {
        assertThatThrownBy(() -> OpenNlpRiskClassifier.read("t.tsv", reader("# comment\nnb\tmaybe\thei\nxx\ttrue\thei\nen\tfalse\thi\n")))
                .isInstanceOf(LexiconException.class)
                .hasMessage("t.tsv:2: expected 'LANGUAGE<TAB>true|false<TAB>text' with a language of nb, nn, da, sv, en\n"
                        + "t.tsv:3: expected 'LANGUAGE<TAB>true|false<TAB>text' with a language of nb, nn, da, sv, en");
        assertThatThrownBy(() -> new OpenNlpRiskClassifier(List.of(new Example("nb", true, "vil dø"))))
                .isInstanceOf(LexiconException.class).hasMessageContaining("both risk and non-risk");
    }

    @Test
    void an_eager_classifier_adds_a_flag_only_where_the_lexicons_have_no_opinion() {
        OpenNlpRiskClassifier eager = new OpenNlpRiskClassifier(List.of(
                new Example("nb", true, "kurset om selvmordsforebygging"), new Example("nb", true, "har ikke lyst til å dø"),
                new Example("nb", true, "telefonen min er helt tom"), new Example("nb", true, "kurs om selvmord i kveld"),
                new Example("nb", false, "hei"), new Example("nb", false, "takk for sist"), new Example("nb", false, "ring meg"),
                new Example("nb", false, "ha en fin dag"), new Example("nb", false, "hvor ligger kontoret")));
        RiskDetector detector = RiskDetector.load(eager);
        for (String text : new String[] {"kurset om selvmordsforebygging", "har ikke lyst til å dø", "telefonen min er helt tom"}) {
            assertThat(eager.probability(text)).as(text).isGreaterThanOrEqualTo(RiskDetector.CLASSIFIER_THRESHOLD);
        }
        assertThat(detector.assess("kurset om selvmordsforebygging", "nb").risk()).as("a topic is the lexicons' decision").isFalse();
        assertThat(detector.assess("har ikke lyst til å dø", "nb").risk()).as("so is an exception").isFalse();
        RiskAssessment added = detector.assess("telefonen min er helt tom", "nb");
        assertThat(added.risk()).isTrue();
        assertThat(added.reasons()).singleElement().asString().matches("classifier p=(0\\.9\\d|1\\.00)");
        assertThat(added.reasons()).isSubsetOf(detector.knownReasons());
    }

    @Test
    void a_classifier_that_disagrees_never_removes_a_lexicon_hit() {
        OpenNlpRiskClassifier timid = new OpenNlpRiskClassifier(List.of(
                new Example("nb", false, "jeg vil dø"), new Example("nb", false, "har tatt hele pakka"), new Example("nb", false, "hei"),
                new Example("nb", true, "telefonen min er helt tom")));
        RiskDetector detector = RiskDetector.load(timid);
        assertThat(timid.probability("jeg vil dø")).isLessThan(0.5);
        RiskAssessment assessment = detector.assess("jeg vil dø", "nb");
        assertThat(assessment.risk()).isTrue();
        assertThat(assessment.reasons()).contains("lexicon:nb:suicidal:vil dø").noneMatch(r -> r.startsWith("classifier"));
        assertThat(detector.assess("har tatt hele pakka", "nb").risk()).isTrue();
    }

    private static List<Example> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return OpenNlpRiskClassifier.read(file.toString(), in);
        }
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
