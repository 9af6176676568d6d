package no.kontakt.flow;

/** Where something is written: file, line and column (1-based), for messages an admin can follow. */
public record Location(String file, int line, int column) {
    public static final Location NONE = new Location("", 0, 0);

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
