package no.kontakt.flow;

import java.util.List;
import java.util.stream.Collectors;

/** Scripts refused as a whole: every error found, each with its location. */
public final class ScriptException extends RuntimeException {
    private final List<Problem> problems;

    public ScriptException(List<Problem> problems) {
        super(problems.stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
