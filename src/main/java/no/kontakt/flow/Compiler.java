package no.kontakt.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a set of script files and {@code global.yaml}, validates them together, and gives a {@link Library}
 * only when there is no error: a script with an error is refused as a whole.
 */
public final class Compiler {
    /** Files in the scripts folder that are not scripts. */
    public static final List<String> NOT_SCRIPTS = List.of(GlobalsLoader.FILE, "intents.yaml");

    private final Validator validator;

    public Compiler(Validator validator) {
        this.validator = validator;
    }

    /** What compiling gave: the library (null on any error), every problem, and the SMS cost of the texts. */
    public record Result(Library library, List<Problem> problems, int texts, double averageSegments) {
        public boolean ok() {
            return library != null;
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    /** Reads every {@code *.yaml} of a folder (not its subfolders); file names in problems are as under {@code dir}. */
    public Result compile(Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted(Comparator.comparing(Path::toString)).toList()) {
                files.put(p.toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scripts in " + dir + ": " + e.getMessage(), e);
        }
        return compile(files);
    }

    /** Compiles sources by file name; the file named {@code …/global.yaml} holds the global words. */
    public Result compile(Map<String, String> files) {
        List<Problem> problems = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        Globals globals = null;
        boolean globalsSeen = false;
        java.util.Set<String> intents = null;
        java.util.Set<String> broken = new java.util.HashSet<>();
        for (var file : files.entrySet()) {
            String base = ScriptLoader.nameOf(file.getKey()) + ".yaml";
            if (base.equals(GlobalsLoader.FILE)) {
                globalsSeen = true;
                GlobalsLoader.Loaded loaded = GlobalsLoader.load(file.getKey(), file.getValue());
                problems.addAll(loaded.problems());
                globals = loaded.globals();
            } else if (base.equals("intents.yaml")) {
                intents = Validator.intentNames(file.getValue());
            } else if (!NOT_SCRIPTS.contains(base)) {
                ScriptLoader.Loaded loaded = ScriptLoader.load(file.getKey(), file.getValue());
                problems.addAll(loaded.problems());
                if (loaded.script() != null) {
                    scripts.add(loaded.script());
                } else {
                    broken.add(ScriptLoader.nameOf(file.getKey()));
                }
            }
        }
        if (!globalsSeen) {
            problems.add(Problem.error(new Location(GlobalsLoader.FILE, 0, 0), "the scripts folder has no " + GlobalsLoader.FILE + " (global words and texts)"));
        }
        problems.addAll(validator.validate(scripts, globals, broken, intents));
        int texts = 0;
        double segments = 0;
        for (Script s : scripts) {
            for (Step step : s.steps().values()) {
                for (Texts t : textsOf(step)) {
                    for (String text : t.byLanguage().values()) {
                        texts++;
                        segments += TextCheck.longestRendering(text).count();
                    }
                }
            }
        }
        boolean errors = problems.stream().anyMatch(Problem::isError);
        Library library = errors ? null : Library.of(globals, scripts);
        return new Result(library, List.copyOf(problems), texts, texts == 0 ? 0 : segments / texts);
    }

    private static List<Texts> textsOf(Step step) {
        List<Texts> out = new ArrayList<>();
        if (step.say() != null) {
            out.add(step.say());
        }
        if (step.waitFor() != null && step.waitFor().otherwise() != null && step.waitFor().otherwise().say() != null) {
            out.add(step.waitFor().otherwise().say());
        }
        if (step.waitFor() != null && step.waitFor().timeout() != null && step.waitFor().timeout().remind() != null) {
            out.add(step.waitFor().timeout().remind());
        }
        return out;
    }
}
