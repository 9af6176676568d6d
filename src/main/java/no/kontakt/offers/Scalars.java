package no.kontakt.offers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** Reads the plain values of the catalogue (texts, numbers, yes/no), reporting a wrong kind of value at its place. */
final class Scalars {
    private Scalars() {}

    static String text(LocatedYaml yaml, Map<String, JsonNode> fields, String at, String key, boolean required) {
        JsonNode node = fields.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                yaml.error(at, "'" + key + "' is missing");
            }
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            yaml.error(at + "/" + key, "must be a text");
            return null;
        }
        return node.asText().strip();
    }

    /** A whole number of at least 1, or null when absent or {@code null} (no limit). */
    static Integer positive(LocatedYaml yaml, Map<String, JsonNode> fields, String at, String key) {
        JsonNode node = fields.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            yaml.error(at + "/" + key, "must be a whole number of at least 1, or null for no limit (was '" + node.asText() + "')");
            return null;
        }
        return node.asInt();
    }

    /** true/false (yes/no and ja/nei too); a missing value gives {@code fallback}, and null fallback means required. */
    static Boolean bool(LocatedYaml yaml, Map<String, JsonNode> fields, String at, String key, Boolean fallback) {
        JsonNode node = fields.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                yaml.error(at, "'" + key + "' is missing: write " + key + ": true or " + key + ": false");
            }
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return switch (node.asText().strip().toLowerCase(Locale.ROOT)) {
            case "yes", "ja", "true" -> true;
            case "no", "nei", "nej", "false" -> false;
            default -> {
                yaml.error(at + "/" + key, "must be true or false (was '" + node.asText() + "')");
                yield fallback == null ? false : fallback;
            }
        };
    }
}
