package no.kontakt.flow;

/**
 * A named step: it may say something, call an action, wait for a reply, then go on ({@code next}, a jump) or
 * end. A {@code safe_point} step (the menu) is where a conversation moves to the newest script version.
 * {@code understands}: intents that, said here, go straight to the script that declares them (on the start step:
 * read from the first message). {@code skipWhen}/{@code skipTo}: when all these values are known already, the
 * step is passed by (its question is answered) and the conversation goes on at {@code skipTo}.
 */
public record Step(String id, Texts say, ActionCall action, Wait waitFor, Target next, boolean end, boolean safePoint, Location location,
                   java.util.List<String> understands, java.util.List<String> skipWhen, Target skipTo) {
    public Step {
        understands = understands == null ? java.util.List.of() : java.util.List.copyOf(understands);
        skipWhen = skipWhen == null ? java.util.List.of() : java.util.List.copyOf(skipWhen);
    }

    public Step(String id, Texts say, ActionCall action, Wait waitFor, Target next, boolean end, boolean safePoint, Location location) {
        this(id, say, action, waitFor, next, end, safePoint, location, null, null, null);
    }

    /** The steps and scripts this step can lead to, for the validator's reachability check. */
    public java.util.List<Target> targets() {
        var out = new java.util.ArrayList<Target>();
        if (next != null) {
            out.add(next);
        }
        if (skipTo != null) {
            out.add(skipTo);
        }
        if (action != null) {
            out.addAll(action.exits().values());
        }
        if (waitFor != null) {
            waitFor.routes().forEach(r -> out.add(r.target()));
            if (waitFor.next() != null) {
                out.add(waitFor.next());
            }
            if (waitFor.changed() != null) {
                out.add(waitFor.changed());
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
