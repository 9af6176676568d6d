package no.kontakt.offers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.kontakt.flow.Location;
import no.kontakt.flow.Problem;
import no.kontakt.yaml.YamlException;
import no.kontakt.yaml.YamlNode;
import no.kontakt.yaml.YamlReader;

/**
 * A YAML document read with {@link YamlReader} as a Jackson tree, with the problems found in it, each reported at
 * its place with its key path ({@code offers[2].sessions[0].time}).
 */
final class LocatedYaml {
    private final String file;
    private final YamlNode nodes;
    final List<Problem> problems = new ArrayList<>();
    final JsonNode root;

    private LocatedYaml(String file, String text) {
        this.file = file;
        YamlNode read = null;
        try {
            read = YamlReader.read(file, text);
            if (read == null) {
                problems.add(Problem.error(new Location(file, 1, 1), "the file is empty"));
            }
        } catch (YamlException e) {
            problems.add(Problem.error(location(e.at()), e.problem()));
        }
        this.nodes = read;
        this.root = read == null ? null : YamlReader.json(read);
    }

    static LocatedYaml read(String file, String text) {
        return new LocatedYaml(file, text);
    }

    private static Location location(YamlNode.Position at) {
        return new Location(at.file(), at.line(), at.column());
    }

    /** Where the key or value at {@code pointer} is written, or its nearest written parent. */
    Location at(String pointer) {
        return location(YamlReader.locate(nodes, file, pointer));
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
