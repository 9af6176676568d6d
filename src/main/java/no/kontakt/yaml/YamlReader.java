package no.kontakt.yaml;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The one YAML reader of Kontakt: scripts, global words, intents, configuration, settings, the offers catalogue and
 * transcripts are all read here. YAML 1.2 (core schema, snakeyaml-engine): {@code no}, {@code yes}, {@code on} and
 * {@code off} are words, not booleans. Every node keeps its line and column, so a problem — a syntax error, a
 * duplicate key, a value of the wrong type when binding — is reported at {@code file:line:column}.
 */
public final class YamlReader {
    /** How to write a path that {@link #locate} follows: {@code a.b[1].c} or the JSON pointer {@code /a/b/1/c}. */
    private static final Pattern PART = Pattern.compile("([^./\\[\\]]+)|\\[(\\d+)\\]");

    /** Aliases may repeat parts of a document; no more than this many values in all. */
    private static final int MAX_NODES = 1_000_000;

    private YamlReader() {}

    /**
     * The document's root node, or null when it is empty.
     *
     * @param file the name shown in problems, like {@code conversations/main.yaml}
     * @throws YamlException when the text is not valid YAML, has a key twice or a key that is not a plain value
     */
    public static YamlNode read(String file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setAllowRecursiveKeys(false).setMaxAliasesForCollections(20)
                .setCodePointLimit(4_000_000).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            throw new YamlException(mark.map(m -> position(file, m)).orElse(new YamlNode.Position(file, 1, 1)),
                    "this is not valid YAML: " + e.getProblem() + " (check the indentation, and put texts with ':' or '#' in quotes)");
        } catch (YamlEngineException e) {
            throw new YamlException(new YamlNode.Position(file, 1, 1), "this is not valid YAML: " + e.getMessage());
        }
        return root.map(node -> convert(file, node, new IdentityHashMap<>(), new int[1])).orElse(null);
    }

    private static YamlNode convert(String file, Node node, Map<Node, Boolean> open, int[] count) {
        YamlNode.Position at = position(file, node);
        if (++count[0] > MAX_NODES) {
            throw new YamlException(at, "the document has more than " + MAX_NODES + " values (aliases repeat too much)");
        }
        if (open.put(node, Boolean.TRUE) != null) {
            throw new YamlException(at, "an alias refers to a node that contains it");
        }
        try {
            if (node instanceof ScalarNode s) {
                return new YamlNode.Scalar(s.getValue(), kind(s), at);
            }
            if (node instanceof SequenceNode seq) {
                List<YamlNode> items = new ArrayList<>();
                seq.getValue().forEach(item -> items.add(convert(file, item, open, count)));
                return new YamlNode.Sequence(List.copyOf(items), at);
            }
            MappingNode map = (MappingNode) node;
            List<YamlNode.Entry> entries = new ArrayList<>();
            Map<String, YamlNode.Position> seen = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                YamlNode.Position keyAt = position(file, t.getKeyNode());
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new YamlException(keyAt, "a key must be a plain word, not a list or map");
                }
                YamlNode.Position earlier = seen.putIfAbsent(key.getValue(), keyAt);
                if (earlier != null) {
                    throw new YamlException(keyAt, "the key '" + key.getValue() + "' is written twice (first at line " + earlier.line() + ")");
                }
                entries.add(new YamlNode.Entry(key.getValue(), keyAt, convert(file, t.getValueNode(), open, count)));
            }
            return new YamlNode.Mapping(List.copyOf(entries), at);
        } finally {
            open.remove(node);
        }
    }

    private static YamlNode.Kind kind(ScalarNode s) {
        Tag tag = s.getTag();
        if (Tag.INT.equals(tag)) {
            return YamlNode.Kind.INTEGER;
        }
        if (Tag.FLOAT.equals(tag)) {
            return YamlNode.Kind.DECIMAL;
        }
        if (Tag.BOOL.equals(tag)) {
            return YamlNode.Kind.BOOLEAN;
        }
        if (Tag.NULL.equals(tag)) {
            return YamlNode.Kind.NULL;
        }
        return YamlNode.Kind.STRING;
    }

    private static YamlNode.Position position(String file, Node node) {
        return node.getStartMark().map(m -> position(file, m)).orElse(new YamlNode.Position(file, 1, 1));
    }

    private static YamlNode.Position position(String file, Mark mark) {
        return new YamlNode.Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * The node as a Jackson tree, for binding to records. A number is a number node only when that loses nothing of
     * how it is written ({@code 08}, {@code +47…} and {@code 1.50} stay text; Jackson still reads such text as a
     * number where a number is wanted).
     */
    public static JsonNode json(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node == null) {
            return f.nullNode();
        }
        if (node instanceof YamlNode.Mapping m) {
            ObjectNode out = f.objectNode();
            m.entries().forEach(e -> out.set(e.key(), json(e.value())));
            return out;
        }
        if (node instanceof YamlNode.Sequence s) {
            ArrayNode out = f.arrayNode();
            s.items().forEach(item -> out.add(json(item)));
            return out;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        String text = s.text();
        try {
            switch (s.kind()) {
                case NULL:
                    return f.nullNode();
                case BOOLEAN:
                    return f.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
                case INTEGER:
                    BigInteger i = new BigInteger(text);
                    if (i.toString().equals(text)) {
                        return i.bitLength() < 32 ? f.numberNode(i.intValue()) : i.bitLength() < 64 ? f.numberNode(i.longValue()) : f.numberNode(i);
                    }
                    return f.textNode(text);
                case DECIMAL:
                    double d = Double.parseDouble(text);
                    return String.valueOf(d).equals(text) ? f.numberNode(d) : f.textNode(text);
                default:
                    return f.textNode(text);
            }
        } catch (NumberFormatException e) {
            return f.textNode(text);
        }
    }

    /** Reads {@code text} and binds it to {@code type}; an empty document binds as null. */
    public static <T> T bind(String file, String text, ObjectMapper mapper, Class<T> type) {
        return bind(read(file, text), file, mapper, mapper.constructType(type));
    }

    /**
     * Binds a read document to {@code type} with {@code mapper}; a value Jackson refuses (a wrong type, an unknown
     * key) is a {@link YamlException} at the line of that value, naming its key path.
     */
    public static <T> T bind(YamlNode root, String file, ObjectMapper mapper, JavaType type) {
        try {
            return mapper.treeToValue(json(root), type);
        } catch (JsonMappingException e) {
            String path = path(e);
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause instanceof JsonMappingException m ? m.getOriginalMessage() : cause.getMessage();
            throw new YamlException(locate(root, file, path), (path.isEmpty() ? "" : path + ": ") + firstLine(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new YamlException(new YamlNode.Position(file, 1, 1), firstLine(e.getOriginalMessage()));
        }
    }

    /** The key path of a Jackson binding problem, like {@code turns[2].out}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Where {@code path} ({@code periods[1].from} or {@code /periods/1/from}) is written: its key (or list item), or
     * the deepest part of the path that exists, or the start of the document.
     */
    public static YamlNode.Position locate(YamlNode root, String file, String path) {
        YamlNode.Position found = root == null ? new YamlNode.Position(file, 1, 1) : root.at();
        YamlNode node = root;
        Matcher m = PART.matcher(path == null ? "" : path);
        while (node != null && m.find()) {
            String key = m.group(1) != null ? m.group(1).replace("~1", "/").replace("~0", "~") : m.group(2);
            if (node instanceof YamlNode.Mapping map && map.entry(key) != null) {
                found = map.entry(key).keyAt();
                node = map.entry(key).value();
            } else if (node instanceof YamlNode.Sequence seq && key.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(key) < seq.items().size()) {
                node = seq.items().get(Integer.parseInt(key));
                found = node.at();
            } else {
                break;
            }
        }
        return found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
