package no.kontakt.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.yaml.YamlException;
import no.kontakt.yaml.YamlNode;
import no.kontakt.yaml.YamlReader;

/**
 * The nodes of {@link YamlReader} with the problems of a script or of the global words: collects problems instead
 * of stopping at the first, each at the line and column of its node.
 */
final class YamlNodes {
    private final String file;
    final List<Problem> problems = new ArrayList<>();
    private final Map<YamlNode, YamlNode.Position> keys = new java.util.IdentityHashMap<>();

    YamlNodes(String file) {
        this.file = file;
    }

    /** The document's root node, or null (with a located problem) when it is not valid YAML or empty. */
    YamlNode parse(String yaml) {
        try {
            YamlNode root = YamlReader.read(file, yaml);
            if (root == null) {
                problems.add(Problem.error(new Location(file, 1, 1), "the file is empty"));
            }
            return root;
        } catch (YamlException e) {
            problems.add(Problem.error(location(e.at()), e.problem()));
            return null;
        }
    }

    private static Location location(YamlNode.Position at) {
        return new Location(at.file(), at.line(), at.column());
    }

    Location at(YamlNode node) {
        return node == null ? new Location(file, 1, 1) : location(node.at());
    }

    /** Where the key of a map entry is written (the start of its line), given the entry's value. */
    Location keyAt(YamlNode value) {
        YamlNode.Position key = value == null ? null : keys.get(value);
        return key == null ? at(value) : location(key);
    }

    void error(YamlNode node, String message) {
        problems.add(Problem.error(at(node), message));
    }

    /** The entries of a map node in order, reporting keys that are not among {@code known}. */
    Map<String, YamlNode> map(YamlNode node, String what, Set<String> known) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (!(node instanceof YamlNode.Mapping mapping)) {
            error(node, what + " must be a map of 'key: value' lines");
            return out;
        }
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = entry.key();
            if (known != null && !known.contains(key)) {
                problems.add(Problem.error(location(entry.keyAt()), "unknown key '" + key + "' in " + what + " (known: " + String.join(", ", sorted(known)) + ")"));
            } else {
                out.put(key, entry.value());
                keys.put(entry.value(), entry.keyAt());
            }
        }
        return out;
    }

    /** A scalar's text, or null with a problem when the node is a list or map. */
    String text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        error(node, what + " must be a single value, not a list or map");
        return null;
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> texts(YamlNode node, String what) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Scalar s) {
            out.add(s.text());
        } else if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                String t = text(item, what);
                if (t != null) {
                    out.add(t);
                }
            }
        } else {
            error(node, what + " must be a value or a list of values");
        }
        return out;
    }

    List<YamlNode> list(YamlNode node, String what) {
        if (node instanceof YamlNode.Sequence seq) {
            return seq.items();
        }
        error(node, what + " must be a list (lines starting with '- ')");
        return List.of();
    }

    Integer integer(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            return Integer.parseInt(t.strip());
        } catch (NumberFormatException e) {
            error(node, what + " must be a whole number (was '" + t + "')");
            return null;
        }
    }

    Boolean bool(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        return switch (t.strip().toLowerCase()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                error(node, what + " must be true or false (was '" + t + "')");
                yield null;
            }
        };
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
