package no.kontakt.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The offers are a domain service: no HTTP, no Twilio, no MapDB, no web package in them. */
class OffersImportsTest {
    private static final List<String> FORBIDDEN = List.of("io.javalin", "com.twilio", "org.mapdb", "no.kontakt.web", "no.kontakt.channel",
            "jakarta.servlet");

    @Test
    void the_offers_package_imports_no_infrastructure() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/no/kontakt/offers"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (FORBIDDEN.stream().anyMatch(f -> line.contains(f + "."))) {
                        violations.add(file.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
