package no.kontakt.yaml;

/** A YAML text that cannot be read or bound: the problem, and where it is ({@code file:line:column: problem}). */
public final class YamlException extends RuntimeException {
    private final YamlNode.Position at;
    private final String problem;

    public YamlException(YamlNode.Position at, String problem) {
        super(at + ": " + problem);
        this.at = at;
        this.problem = problem;
    }

    public YamlNode.Position at() {
        return at;
    }

    /** The problem without its place. */
    public String problem() {
        return problem;
    }
}
