package no.kontakt.flow;

/** One thing wrong (an error) or costly (a warning) in a script, at its location. */
public record Problem(Severity severity, Location location, String message) {
    public enum Severity { ERROR, WARNING }

    public static Problem error(Location at, String message) {
        return new Problem(Severity.ERROR, at, message);
    }

    public static Problem warning(Location at, String message) {
        return new Problem(Severity.WARNING, at, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: message}, warnings marked as such. */
    @Override
    public String toString() {
        return location + ": " + (isError() ? "" : "warning: ") + message;
    }
}
