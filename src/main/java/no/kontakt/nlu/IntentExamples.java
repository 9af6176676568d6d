package no.kontakt.nlu;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The examples of {@code conversations/intents.yaml}: intent → language → examples. */
public record IntentExamples(Map<String, Map<String, List<String>>> intents) {
    public IntentExamples {
        intents = Map.copyOf(intents);
    }

    public static IntentExamples read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static IntentExamples parse(String yaml) {
        try {
            Map<String, Map<String, Map<String, List<String>>>> root = new ObjectMapper(new YAMLFactory())
                    .readValue(yaml, new TypeReference<>() {});
            if (root == null || root.get("intents") == null) {
                throw new IllegalStateException("intents.yaml must have an 'intents:' map");
            }
            return new IntentExamples(root.get("intents"));
        } catch (IOException e) {
            throw new IllegalStateException("intents.yaml is not valid: " + e.getMessage(), e);
        }
    }
}
