package no.kontakt.flow;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mustache texts with {@code {{placeholders}}}, without HTML escaping (an SMS is not HTML). */
public final class Templates {
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*[#^/&]?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Map<String, Mustache> CACHE = new ConcurrentHashMap<>();
    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Templates() {}

    public static String render(String template, Map<String, ?> values) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        Mustache mustache = CACHE.computeIfAbsent(template, t -> FACTORY.compile(new StringReader(t), "text"));
        StringWriter out = new StringWriter();
        mustache.execute(out, values);
        return out.toString().replaceAll("[ \\t]{2,}", " ").strip();
    }

    /** The names a text uses. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TAG.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Why the text is not a valid template, if it is not. */
    public static Optional<String> syntaxError(String template) {
        try {
            FACTORY.compile(new StringReader(template), "text");
            return Optional.empty();
        } catch (MustacheException e) {
            return Optional.of(e.getMessage());
        }
    }
}
