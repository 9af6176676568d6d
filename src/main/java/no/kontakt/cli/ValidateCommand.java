package no.kontakt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import no.kontakt.wiring.Services;
import no.kontakt.config.AppConfig;
import no.kontakt.flow.Compiler;
import no.kontakt.flow.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code validate [DIR]}: checks the scripts; exit 0 when clean, 1 with every located error. */
@Command(name = "validate", description = "Check the conversation scripts (exit 1 with file:line: message lines on error).")
public final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    ConfigFile app;

    @Parameters(index = "0", arity = "0..1", description = "scripts folder (default: conversations.dir of the config)")
    Path dir;

    @Override
    public Integer call() {
        AppConfig config = app.loadConfig();
        Path folder = dir != null ? dir : config.conversations().dir();
        if (!Files.isDirectory(folder)) {
            System.err.println("kontakt: " + folder + " is not a folder");
            return 1;
        }
        Compiler.Result result = Services.compiler(config).compile(folder);
        result.problems().stream()
                .sorted(Comparator.comparing((Problem p) -> p.location().file()).thenComparingInt(p -> p.location().line()))
                .forEach(System.out::println);
        System.out.printf("%d errors, %d warnings; %d texts, %.2f SMS segments per text on average%n",
                result.errors().size(), result.warnings().size(), result.texts(), result.averageSegments());
        return result.errors().isEmpty() ? 0 : 1;
    }
}
