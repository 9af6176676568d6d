package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of HTTP, Twilio, MapDB or OpenNLP, nor of the parts built on them. */
class EngineImportsTest {
    private static final List<String> FORBIDDEN = List.of("io.javalin", "com.twilio", "org.mapdb", "opennlp",
            "no.kontakt.web", "no.kontakt.channel", "no.kontakt.store", "no.kontakt.conversation", "no.kontakt.nlu", "jakarta.servlet");

    @Test
    void the_flow_package_imports_no_infrastructure() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/no/kontakt/flow"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if ((l.startsWith("import ") || l.contains(" new ") || l.contains("(")) && FORBIDDEN.stream().anyMatch(f -> l.contains(f + "."))) {
                        violations.add(file.getFileName() + ": " + l);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void the_scan_would_catch_an_import() {
        String line = "import io.javalin.http.Context;";
        assertThat(FORBIDDEN.stream().anyMatch(f -> line.contains(f + "."))).isTrue();
    }
}
