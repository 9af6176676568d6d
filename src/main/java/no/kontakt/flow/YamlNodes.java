package no.kontakt.flow;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as nodes that remember their line and column, and collects problems instead of stopping at the
 * first: the loaders of scripts, transcripts and global words are built on it.
 */
final class YamlNodes {
    private final String file;
    final List<Problem> problems = new ArrayList<>();
    private final Map<Node, Node> keys = new java.util.IdentityHashMap<>();

    YamlNodes(String file) {
        this.file = file;
    }

    /** The document's root node, or null (with a located problem) when it is not valid YAML. */
    Node parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(2_000_000);
        try {
            Node root = new Yaml(options).compose(new StringReader(yaml));
            if (root == null) {
                problems.add(Problem.error(new Location(file, 1, 1), "the file is empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            Location at = mark == null ? new Location(file, 1, 1) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(Problem.error(at, "this is not valid YAML: " + e.getProblem()
                    + " (check the indentation and that texts with ':' or '#' are in quotes)"));
            return null;
        } catch (RuntimeException e) {
            problems.add(Problem.error(new Location(file, 1, 1), "this is not valid YAML: " + e.getMessage()));
            return null;
        }
    }

    Location at(Node node) {
        return node == null ? new Location(file, 1, 1)
                : new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** Where the key of a map entry is written (the start of its line), given the entry's value. */
    Location keyAt(Node value) {
        return at(keys.getOrDefault(value, value));
    }

    void error(Node node, String message) {
        problems.add(Problem.error(at(node), message));
    }

    /** The entries of a map node in order, reporting keys that are not among {@code known}. */
    Map<String, Node> map(Node node, String what, Set<String> known) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a map of 'key: value' lines");
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                error(tuple.getKeyNode(), "a key in " + what + " must be a plain word");
            } else if (known != null && !known.contains(key)) {
                error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (known: " + String.join(", ", sorted(known)) + ")");
            } else {
                out.put(key, tuple.getValueNode());
                keys.put(tuple.getValueNode(), tuple.getKeyNode());
            }
        }
        return out;
    }

    /** A scalar's text, or null with a problem when the node is a list or map. */
    String text(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error(node, what + " must be a single value, not a list or map");
        return null;
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> texts(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node instanceof ScalarNode s) {
            out.add(s.getValue());
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
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

    List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(node, what + " must be a list (lines starting with '- ')");
        return List.of();
    }

    Integer integer(Node node, String what) {
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

    Boolean bool(Node node, String what) {
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
