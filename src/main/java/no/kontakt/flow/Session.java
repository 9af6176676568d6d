package no.kontakt.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one conversation stands in its scripts, stored as JSON between messages. {@code frames} is the stack
 * of scripts jumped into (the last is current), each pinned to the version it started on.
 */
public record Session(
        List<Frame> frames,
        boolean started,
        boolean waiting,
        int misses,
        Map<String, String> vars,
        String language,
        boolean optedOut,
        boolean confirmingErase,
        Timer timer,
        PendingAction pendingAction) {

    public Session {
        frames = frames == null ? List.of() : List.copyOf(frames);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }

    public static Session fresh(String language) {
        return new Session(List.of(), false, false, 0, Map.of(), language, false, false, null, null);
    }

    /** A script being run: which version, which step, and where to return in the caller when it ends. */
    public record Frame(String script, int version, String step, String then) {}

    /** The next thing a silent citizen triggers: a reminder, then expiry. */
    public record Timer(Instant dueAt, Kind kind, Instant expireAt) {
        public enum Kind { REMIND, EXPIRE }
    }

    /** An action the engine asked for and is waiting on. */
    public record PendingAction(String name, Map<String, String> inputs) {}

    public Frame current() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** True when the conversation is at a safe point: ended, or in a step marked {@code safe_point}. */
    public boolean ended() {
        return started && frames.isEmpty();
    }
}
