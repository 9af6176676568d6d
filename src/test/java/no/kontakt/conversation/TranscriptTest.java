package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import no.kontakt.transcripts.Transcript;
import no.kontakt.transcripts.TranscriptRunner;
import no.kontakt.flow.ScriptLoader;
import no.kontakt.yaml.YamlReader;
import no.kontakt.yaml.YamlWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every transcript in {@code conversations/tests/} as its own test, through the real conversation
 * service (session stored as JSON between turns). {@code mvn test -Dtranscripts.update=true} rewrites the
 * expected {@code out:} texts instead, for review in git.
 */
class TranscriptTest {
    static final Path SCRIPTS = Path.of("conversations");
    static final Path TESTS = SCRIPTS.resolve("tests");
    /** How a transcript binds, read with {@link YamlReader} and written with {@link YamlWriter}. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    static final no.kontakt.config.AppConfig CONFIG = no.kontakt.testing.TestKontakt.config(
            no.kontakt.testing.TestKontakt.env(Path.of("target", "transcripts")));

    /** The scripts and the trained NLU, built once for every transcript (each replays on a store of its own). */
    private static no.kontakt.wiring.Core core;

    @org.junit.jupiter.api.BeforeAll
    static void build() {
        var env = no.kontakt.testing.TestKontakt.env(Path.of("target", "transcripts"));
        core = no.kontakt.wiring.Core.open(CONFIG, new no.kontakt.store.InMemoryStorage(), env::get, java.time.Clock.systemUTC(),
                no.kontakt.wiring.Core.Options.NONE);
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        core.close();
    }

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("transcripts.update", "false"));
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(TESTS)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static Transcript read(Path file) throws IOException {
        return YamlReader.bind(file.toString(), Files.readString(file), MAPPER, Transcript.class);
    }

    @TestFactory
    Stream<DynamicTest> every_transcript_replays() throws IOException {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
            Transcript transcript = read(file);
            TranscriptRunner.Result result = core.replay(transcript);
            if (updating()) {
                if (!result.actual().equals(transcript)) {
                    Files.writeString(file, YamlWriter.write(result.actual(), MAPPER));
                }
            } else {
                assertThat(result.failures()).as(file.toString()).isEmpty();
            }
        }));
    }

    @Test
    void every_script_has_a_transcript() throws IOException {
        Set<String> scripts = new TreeSet<>();
        try (Stream<Path> list = Files.list(SCRIPTS)) {
            list.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> ScriptLoader.nameOf(p.getFileName().toString()))
                    .filter(n -> !n.equals("global") && !n.equals("intents"))
                    .forEach(scripts::add);
        }
        Set<String> proven = new TreeSet<>();
        for (Path f : files()) {
            proven.add(read(f).script());
        }
        List<String> missing = new ArrayList<>(scripts);
        missing.removeAll(proven);
        assertThat(missing).as("scripts without a transcript in conversations/tests/").isEmpty();
    }
}
