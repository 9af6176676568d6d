package no.kontakt.flow;

/**
 * A named step: it may say something, call an action, wait for a reply, then go on ({@code next}, a jump) or
 * end. A {@code safe_point} step (the menu) is where a conversation moves to the newest script version.
 */
public record Step(String id, Texts say, ActionCall action, Wait waitFor, Target next, boolean end, boolean safePoint, Location location) {

    /** The steps and scripts this step can lead to, for the validator's reachability check. */
    public java.util.List<Target> targets() {
        var out = new java.util.ArrayList<Target>();
        if (next != null) {
            out.add(next);
        }
        if (action != null) {
            out.addAll(action.exits().values());
        }
        if (waitFor != null) {
            waitFor.routes().forEach(r -> out.add(r.target()));
            if (waitFor.next() != null) {
                out.add(waitFor.next());
            }
            if (waitFor.otherwise() != null && waitFor.otherwise().then() != null) {
                out.add(waitFor.otherwise().then());
            }
            if (waitFor.timeout() != null && waitFor.timeout().then() != null) {
                out.add(waitFor.timeout().then());
            }
        }
        return out;
    }
}
