package no.kontakt.nlu;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.kontakt.yaml.YamlNode;
import no.kontakt.yaml.YamlReader;

/** The examples of {@code conversations/intents.yaml}: intent → language → examples. */
public record IntentExamples(Map<String, Map<String, List<String>>> intents) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JavaType TYPE = MAPPER.getTypeFactory().constructMapType(Map.class, MAPPER.getTypeFactory().constructType(String.class),
            MAPPER.getTypeFactory().constructMapType(Map.class, MAPPER.getTypeFactory().constructType(String.class),
                    MAPPER.getTypeFactory().constructCollectionType(List.class, String.class)));

    public IntentExamples {
        intents = Map.copyOf(intents);
    }

    public static IntentExamples read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static IntentExamples parse(String yaml) {
        return parse("intents.yaml", yaml);
    }

    /**
     * @throws no.kontakt.yaml.YamlException at its line when the text is not valid YAML or not intent → language → examples
     * @throws IllegalStateException when there is no {@code intents:} map
     */
    public static IntentExamples parse(String file, String yaml) {
        YamlNode root = YamlReader.read(file, yaml);
        if (!(root instanceof YamlNode.Mapping top) || top.get("intents") == null) {
            throw new IllegalStateException(file + " must have an 'intents:' map");
        }
        Map<String, Map<String, List<String>>> intents = YamlReader.bind(top.get("intents"), file, MAPPER, TYPE);
        return new IntentExamples(intents == null ? Map.of() : intents);
    }
}
