package no.kontakt.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import no.kontakt.wiring.Core;
import no.kontakt.conversation.RiskCheck;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code classify}: reads messages, one a line, and prints one JSON object a line with the language, intent
 * and risk the production path gives them, and the reasons.
 */
@Command(name = "classify", description = "Read messages on stdin, one a line; print language, intent and risk as JSON lines.")
public final class ClassifyCommand implements Callable<Integer> {
    @ParentCommand
    ConfigFile app;

    @Option(names = "--from", description = "sender's number, used as a prior for the language")
    String from;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Core kontakt = Core.open(app.loadConfig(), new InMemoryStorage(),
                name -> "KONTAKT_SECRET_KEY".equals(name) ? "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" : System.getenv(name),
                Clock.systemUTC(), Core.Options.NONE)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String language = kontakt.languageGuess() instanceof no.kontakt.nlu.LanguageDetector detector
                        ? detector.detect(line, from, null).language() : kontakt.languageGuess().guess(line, from, null);
                String intent = kontakt.intents().classify(line, language, Set.of()).map(m -> m.intent()).orElse("other");
                RiskCheck.Assessment risk = kontakt.risk().assess(line, language);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", line);
                row.put("language", language);
                row.put("intent", intent);
                row.put("risk", risk.risk());
                row.put("reasons", risk.reasons());
                out.println(Json.MAPPER.writeValueAsString(row));
            }
        }
        return 0;
    }
}
