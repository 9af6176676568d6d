package no.kontakt.offers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.kontakt.flow.Location;
import no.kontakt.flow.Problem;

/**
 * A YAML document read with Jackson as a tree, with the line and column of every key and value by JSON pointer,
 * and the problems found in it, each reported at its place with its key path ({@code offers[2].sessions[0].time}).
 */
final class LocatedYaml {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String file;
    private final Map<String, Location> locations = new HashMap<>();
    final List<Problem> problems = new ArrayList<>();
    final JsonNode root;

    private LocatedYaml(String file, String text) {
        this.file = file;
        this.root = parse(text);
    }

    static LocatedYaml read(String file, String text) {
        return new LocatedYaml(file, text);
    }

    private JsonNode parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonLocation at = parser.currentTokenLocation();
                locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), new Location(file, at.getLineNr(), at.getColumnNr()));
            }
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                problems.add(Problem.error(new Location(file, 1, 1), "the file is empty"));
                return null;
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(Problem.error(at == null ? new Location(file, 1, 1) : new Location(file, at.getLineNr(), at.getColumnNr()),
                    "this is not valid YAML: " + e.getOriginalMessage() + " (check the indentation, and put texts with ':' or '#' in quotes)"));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(new Location(file, 1, 1), "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** Where the key or value at {@code pointer} is written, or its nearest written parent. */
    Location at(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Location found = locations.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Location(file, 1, 1);
            }
        }
    }

    void error(String pointer, String message) {
        problems.add(Problem.error(at(pointer), path(pointer) + message));
    }

    void warning(String pointer, String message) {
        problems.add(Problem.warning(at(pointer), path(pointer) + message));
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** {@code /offers/2/sessions/0/time} as {@code "offers[2].sessions[0].time: "}; the root as "". */
    static String path(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.length() == 0 ? "" : out + ": ";
    }

    /** The fields of a map, in order; unknown keys are reported. A node that is not a map is reported and gives none. */
    Map<String, JsonNode> fields(JsonNode node, String pointer, String what, Set<String> known) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            error(pointer, what + " must be a map of keys and values");
            return out;
        }
        node.fields().forEachRemaining(f -> {
            if (known != null && !known.contains(f.getKey())) {
                error(pointer + "/" + f.getKey(), "unknown key '" + f.getKey() + "' (known here: " + String.join(", ", new TreeSet<>(known)) + ")");
            } else {
                out.put(f.getKey(), f.getValue());
            }
        });
        return out;
    }
}
