package no.kontakt.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes records as YAML a person reads and edits (the transcripts): keys in the record's order, block style,
 * lists flush under their key, one line a text however long, texts of several lines as {@code |-} blocks, and a
 * text that cannot be written plain (it would read as a number or true/false, or it holds {@code ": "}) in double
 * quotes ({@code in: "3"}). The same value is always
 * written the same way, so a rewritten file shows in a diff only what changed.
 */
public final class YamlWriter {
    private static final DumpSettings SETTINGS = DumpSettings.builder().setSchema(new CoreSchema())
            .setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).setIndicatorIndent(0).setSplitLines(false)
            .setWidth(Integer.MAX_VALUE).setUseUnicodeEncoding(true).setExplicitStart(false).build();

    /** Asked how the emitter would write a text on its own: plain, or in single quotes when it cannot be plain. */
    private static final Dump PLAIN = new Dump(SETTINGS);

    private YamlWriter() {}

    /** {@code value} as YAML, through {@code mapper}'s view of it (its property names, dates and left-out nulls). */
    public static String write(Object value, ObjectMapper mapper) {
        return new Dump(SETTINGS, new Representer()).dumpToString(plain(mapper.valueToTree(value)));
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }

    /** Multi-line texts as blocks, and texts that would read back as another type in double quotes. */
    private static final class Representer extends StandardRepresenter {
        private final ScalarResolver resolver = new CoreSchema().getScalarResolver();

        Representer() {
            super(SETTINGS);
        }

        @Override
        protected Node representScalar(Tag tag, String value, ScalarStyle style) {
            if (Tag.STR.equals(tag) && style == ScalarStyle.PLAIN) {
                if (value.contains("\n")) {
                    style = ScalarStyle.LITERAL;
                } else if (!Tag.STR.equals(resolver.resolve(value, true)) || PLAIN.dumpToString(value).startsWith("'")) {
                    style = ScalarStyle.DOUBLE_QUOTED; // where the emitter would quote, quote as the files always were: "…"
                }
            }
            return super.representScalar(tag, value, style);
        }
    }
}
