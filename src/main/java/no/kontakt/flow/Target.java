package no.kontakt.flow;

/**
 * Where to go next: a step of the same script ({@code go: ask_time}), or into another script
 * ({@code jump: offers}, from its start or from the step {@code at: list}) and, when that one ends, back to
 * {@code then} (or end here too when there is none).
 */
public record Target(String step, String script, String then, String at, Location location) {
    public Target(String step, String script, String then, Location location) {
        this(step, script, then, null, location);
    }

    public static Target step(String step, Location at) {
        return new Target(step, null, null, null, at);
    }

    public boolean isJump() {
        return script != null;
    }

    @Override
    public String toString() {
        return isJump() ? "jump " + script + (at == null ? "" : " at " + at) + (then == null ? "" : " then " + then) : step;
    }
}
