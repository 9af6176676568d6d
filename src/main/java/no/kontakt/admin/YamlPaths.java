package no.kontakt.admin;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds where a key path such as {@code periods[1].from} is written in a YAML text, so that a problem the
 * configuration binder names by its path can be shown at its line: the line and column of the deepest part
 * of the path that exists (1-based), or line 1 when nothing of it does.
 */
final class YamlPaths {
    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    private YamlPaths() {}

    /** {line, column} of {@code path} in {@code yaml}. */
    static int[] locate(String yaml, String path) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            return new int[] {1, 1};
        }
        if (node == null) {
            return new int[] {1, 1};
        }
        Node found = null;
        Matcher m = PART.matcher(path == null ? "" : path);
        while (node != null && m.find()) {
            Node keyNode = null;
            Node next = null;
            if (m.group(2) != null && node instanceof SequenceNode seq) {
                int i = Integer.parseInt(m.group(2));
                next = i < seq.getValue().size() ? seq.getValue().get(i) : null;
            } else if (m.group(1) != null && node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(m.group(1))) {
                        keyNode = key;
                        next = t.getValueNode();
                    }
                }
            }
            if (next == null) {
                break;
            }
            found = keyNode != null ? keyNode : next;
            node = next;
        }
        if (found == null) {
            return new int[] {1, 1};
        }
        return new int[] {found.getStartMark().getLine() + 1, found.getStartMark().getColumn() + 1};
    }
}
