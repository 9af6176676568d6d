package no.kontakt.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kontakt.yaml.YamlException;
import no.kontakt.yaml.YamlNode;
import no.kontakt.yaml.YamlReader;

/**
 * Reads {@code kontakt.yaml}: substitutes {@code ${ENV}} and {@code ${ENV:-default}} in values, applies
 * the {@code KONTAKT_*} environment overrides, binds the tree to {@link AppConfig} and reports the first
 * problem with the path of its key ({@code config/kontakt.yaml: server.port: must be between …}).
 */
public final class ConfigLoader {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private final Function<String, String> env;

    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** Loads a file; a missing file is an error (the defaults alone are {@link #loadDefaults()}). */
    public AppConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("", file + ": no such file");
        }
        try {
            return bind(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public AppConfig loadDefaults() {
        return bind("{}", "defaults");
    }

    /** {@code unit.name} may be one name or one per language: a map becomes {@code names}, and {@code name} the default language's. */
    private static void unitNames(ObjectNode root) {
        unitNames(root.get("unit"));
        if (root.get("units") instanceof ArrayNode units) {
            units.forEach(ConfigLoader::unitNames); // each of several units may name itself per language too
        }
    }

    private static void unitNames(JsonNode unit) {
        if (unit instanceof ObjectNode u && u.get("name") != null && u.get("name").isObject()) {
            JsonNode byLanguage = u.get("name");
            String fallback = u.hasNonNull("default_language") && byLanguage.hasNonNull(u.get("default_language").asText())
                    ? byLanguage.get(u.get("default_language").asText()).asText()
                    : byLanguage.hasNonNull("nb") ? byLanguage.get("nb").asText() : byLanguage.elements().next().asText();
            u.set("names", byLanguage);
            u.put("name", fallback);
        }
    }

    AppConfig bind(String yaml, String source) {
        ObjectMapper mapper = mapper();
        YamlNode tree = read(yaml, source);
        try {
            ObjectNode root = tree == null ? mapper.createObjectNode() : requireObject(YamlReader.json(tree), source);
            rejectSecretsInFile(root, source);
            substitute(root, "", source);
            applyOverrides(root, mapper);
            unitNames(root);
            AppConfig config = mapper.treeToValue(root, AppConfig.class);
            SafetySettings.check(config);
            return config;
        } catch (ConfigException e) {
            throw e.key().startsWith(source) ? e : new ConfigException(source + ": " + e.key(), stripKey(e));
        } catch (JsonMappingException e) {
            throw located(e, source, tree);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", source + ": cannot be read: " + e.getOriginalMessage());
        }
    }

    /** Binds one section written on its own (an admin's edit) to its record, with the same located errors. */
    public static <T> T section(String yaml, Class<T> type, String name) {
        YamlNode tree = read(yaml, name);
        if (tree == null) {
            throw new ConfigException("", name + ": the text is empty");
        }
        try {
            return mapper().treeToValue(YamlReader.json(tree), type);
        } catch (JsonMappingException e) {
            throw located(e, name, tree);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", name + ": cannot be read: " + e.getOriginalMessage());
        }
    }

    /** The YAML's nodes (null when empty); a syntax error names its line. */
    private static YamlNode read(String yaml, String source) {
        try {
            return YamlReader.read(source, yaml);
        } catch (YamlException e) {
            throw new ConfigException("", source + ": not valid YAML: "
                    + e.problem().replaceFirst("^this is not valid YAML: ", "") + " (line " + e.at().line() + ")");
        }
    }

    /** Binds trees read with {@link YamlReader} (YAML 1.2: "NO" is Norway, not false). */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static ObjectNode requireObject(JsonNode tree, String source) {
        if (!tree.isObject()) {
            throw new ConfigException("", source + ": the file must be a map of sections (server:, store:, …)");
        }
        return (ObjectNode) tree;
    }

    private void rejectSecretsInFile(ObjectNode root, String source) {
        for (String key : AppConfig.SECRET_KEYS) {
            JsonNode value = root.at("/" + key.replace('.', '/'));
            if (!value.isMissingNode() && !value.isNull() && !value.asText().isBlank()
                    && !REFERENCE.matcher(value.asText()).matches()) {
                throw new ConfigException(source + ": " + key, "secrets are read only from the environment; "
                        + "remove the value from the file and set " + envFor(key));
            }
        }
    }

    private static String envFor(String key) {
        return AppConfig.ENV_OVERRIDES.entrySet().stream().filter(e -> e.getValue().equals(key))
                .map(Map.Entry::getKey).findFirst().orElse("the environment variable");
    }

    private void substitute(JsonNode node, String path, String source) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(expand(field.getValue().asText(), childPath, source)));
                } else {
                    substitute(field.getValue(), childPath, source);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(expand(array.get(i).asText(), childPath, source)));
                } else {
                    substitute(array.get(i), childPath, source);
                }
            }
        }
    }

    private String expand(String text, String path, String source) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null || (value.isEmpty() && m.group(2) != null)) {
                if (m.group(2) == null) {
                    throw new ConfigException(source + ": " + path,
                            "environment variable " + m.group(1) + " is not set (write ${" + m.group(1) + ":-default} for a default)");
                }
                value = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void applyOverrides(ObjectNode root, ObjectMapper mapper) {
        AppConfig.ENV_OVERRIDES.forEach((variable, key) -> {
            String value = env.apply(variable);
            if (value == null || value.isBlank()) {
                return;
            }
            String[] parts = key.split("\\.");
            JsonNode section = root.get(parts[0]);
            ObjectNode object = section instanceof ObjectNode o ? o : root.putObject(parts[0]);
            object.put(parts[1], value.trim());
        });
    }

    private static ConfigException located(JsonMappingException e, String source, YamlNode tree) {
        String path = YamlReader.path(e);
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException inner) {
            String key = path.isEmpty() ? inner.key() : path + "." + inner.key();
            return new ConfigException(source + ": " + key, stripKey(inner));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new ConfigException(source + ": " + path, "unknown key; known keys here: " + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
        }
        String line = " (line " + YamlReader.locate(tree, source, path).line() + ")";
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(source + ": " + path, "'" + f.getValue() + "' is not a valid "
                    + f.getTargetType().getSimpleName().toLowerCase() + line);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonMappingException m ? m.getOriginalMessage() : root.getMessage();
        return new ConfigException(source + ": " + path, "bad value: " + message + line);
    }

    private static String stripKey(ConfigException e) {
        String message = e.getMessage();
        String prefix = e.key() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
