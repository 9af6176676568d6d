package no.kontakt.offers;

import java.util.List;
import java.util.stream.Collectors;
import no.kontakt.flow.Problem;

/** The catalogue is refused: every error found, each at its line with its key path. Start-up stops on it. */
public final class CatalogueException extends IllegalStateException {
    private final List<Problem> problems;

    public CatalogueException(List<Problem> problems) {
        super("the offers catalogue has errors:\n" + problems.stream().filter(Problem::isError).map(Problem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
