package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.kontakt.flow.Matching;
import no.kontakt.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/**
 * What trains the understanding (the risk classifier's {@code risk-training.tsv}, the examples of
 * {@code conversations/intents.yaml}) and what measures it (every file under {@code src/test/resources/nlu} and,
 * when it exists, {@code src/test/resources/dialogues}) stay apart: no measured message is a training line or an
 * example, ignoring case, accents and punctuation. A copied line would be matched by heart and measure nothing.
 * A message counts from {@value #MIN_WORDS} words: one or two words ("hei", "stopp", "main menu", "ring meg") are the
 * everyday vocabulary every set and every example shares, not a copied message.
 */
class TrainingStaysApartTest {
    static final Path NLU_SETS = Path.of("src/test/resources/nlu");
    static final Path DIALOGUES = Path.of("src/test/resources/dialogues");
    static final int MIN_WORDS = 3;

    @Test
    void no_measured_message_is_a_training_line_or_an_intent_example() throws IOException {
        Map<String, String> training = new LinkedHashMap<>();
        Path riskTraining = Path.of("src/main/resources/" + OpenNlpRiskClassifier.RESOURCE);
        try (BufferedReader in = Files.newBufferedReader(riskTraining, StandardCharsets.UTF_8)) {
            OpenNlpRiskClassifier.read(riskTraining.toString(), in).forEach(e -> training.put(key(e.text()), riskTraining + ": " + e.text()));
        }
        IntentExamples.read(Path.of("conversations/intents.yaml")).intents().forEach((intent, byLanguage) -> byLanguage.forEach(
                (language, examples) -> examples.forEach(x -> training.putIfAbsent(key(x), "intents.yaml " + intent + "/" + language + ": " + x))));
        assertThat(training).hasSizeGreaterThan(2000);

        List<String> measured = new ArrayList<>();
        measured.addAll(texts(NLU_SETS, MIN_WORDS));
        measured.addAll(texts(DIALOGUES, MIN_WORDS));
        assertThat(measured).as("messages in the measuring sets").hasSizeGreaterThan(2500);

        List<String> copied = measured.stream().filter(m -> training.containsKey(key(m)))
                .map(m -> m + "   <- " + training.get(key(m))).distinct().toList();
        assertThat(copied).as("measured messages that are also training lines or intent examples").isEmpty();
    }

    @Test
    void the_new_sets_are_read() throws IOException {
        List<String> nlu = texts(NLU_SETS, MIN_WORDS);
        assertThat(nlu).contains("har spart opp det jeg trenger", "når er turgruppa på torsdag?",
                "got everything sorted for tonight, dont worry about me", "what time of day is the walking group");
    }

    /** The messages of every file under {@code dir}: the last column of a .tsv, every string of a YAML file, else every line. */
    static List<String> texts(Path dir, int minWords) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                strings(YamlReader.json(YamlReader.read(file.toString(), Files.readString(file))), out);
            } else {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] columns = line.split("\t");
                    out.add(name.endsWith(".tsv") ? columns[columns.length - 1].strip() : line.strip());
                }
            }
        }
        return out.stream().filter(t -> Matching.normalize(t).split("\\s+").length >= minWords).toList();
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> strings(child, out));
    }

    private static String key(String text) {
        return Matching.normalize(text).strip();
    }
}
