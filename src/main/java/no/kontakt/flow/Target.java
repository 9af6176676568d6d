package no.kontakt.flow;

/**
 * Where to go next: a step of the same script ({@code go: ask_time}), or into another script
 * ({@code jump: offers}) and, when that one ends, back to {@code then} (or end here too when there is none).
 */
public record Target(String step, String script, String then, Location location) {
    public static Target step(String step, Location at) {
        return new Target(step, null, null, at);
    }

    public boolean isJump() {
        return script != null;
    }

    @Override
    public String toString() {
        return isJump() ? "jump " + script + (then == null ? "" : " then " + then) : step;
    }
}
