package no.kontakt.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.kontakt.transcripts.Transcript;
import no.kontakt.inbox.Staff;
import no.kontakt.store.ScriptVersion;
import no.kontakt.yaml.YamlReader;

/**
 * Rewording from /admin: when a draft changes only texts ({@code say}, {@code texts}, {@code description}), the
 * transcripts that show the old text are listed with the old and the new text per turn, and accepting rewrites
 * exactly those turns' {@code out} — kept with the draft and published with it. A draft that changes steps or
 * routes, or a turn that differs in more than its text (another number of messages, a {@code contains} check, the
 * end state), is refused: those transcripts must pass as they are.
 */
public final class TranscriptRewording {
    private static final Set<String> TEXT_KEYS = Set.of("say", "texts", "text", "description");

    private final ScriptAdmin scripts;
    private final TranscriptCheck check;

    public TranscriptRewording(ScriptAdmin scripts, TranscriptCheck check) {
        this.scripts = scripts;
        this.check = check;
    }

    /** One text of a turn: what the transcript has and what the draft sends. */
    public record TextChange(String before, String after) {}

    /** A turn whose texts changed. */
    public record TurnChange(int turn, String in, List<TextChange> texts) {}

    /** A transcript the draft breaks: its changed turns, or why accepting cannot fix it ({@code problem}). */
    public record Change(String file, String name, List<TurnChange> turns, String problem) {}

    /** What accepting would do: {@code structural} names the first change that is not a text (null when only texts changed). */
    public record Review(String script, String structural, List<Change> transcripts) {
        @JsonProperty("acceptable")
        public boolean acceptable() {
            return structural == null && !transcripts.isEmpty() && transcripts.stream().allMatch(c -> c.problem() == null);
        }
    }

    /** Reviews {@code yaml} as the next version of {@code name}; its candidate must compile. */
    public Review review(String name, String yaml, ScriptAdmin.Candidate candidate) {
        return review(name, yaml, check.replayAll(candidate, name));
    }

    private Review review(String name, String yaml, List<TranscriptCheck.Replayed> replayed) {
        Optional<String> live = scripts.live(name).map(ScriptVersion::yaml);
        String structural = live.isEmpty() ? "a new script" : structuralDifference(live.get(), yaml).orElse(null);
        List<Change> changes = new ArrayList<>();
        for (TranscriptCheck.Replayed r : replayed) {
            if (!r.result().passed()) {
                changes.add(change(r));
            }
        }
        return new Review(name, structural, changes);
    }

    /** The transcripts reworded as the review shows them, by file; call only when the review is acceptable. */
    private static Map<String, Transcript> reworded(List<TranscriptCheck.Replayed> replayed) {
        Map<String, Transcript> out = new LinkedHashMap<>();
        for (TranscriptCheck.Replayed r : replayed) {
            if (r.result().passed()) {
                continue;
            }
            Transcript t = r.transcript();
            List<Transcript.Turn> turns = new ArrayList<>();
            for (int i = 0; i < t.turns().size(); i++) {
                Transcript.Turn turn = t.turns().get(i);
                List<String> got = r.run().actual().turns().get(i).out();
                turns.add(turn.out() == null || turn.out().equals(got) ? turn
                        : new Transcript.Turn(turn.from(), turn.in(), turn.waitFor(), turn.at(), got, turn.contains(), turn.notContains()));
            }
            out.put(r.result().file(), new Transcript(t.name(), t.script(), t.language(), t.from(), t.start(), turns, t.end()));
        }
        return out;
    }

    /** Accepts the rewording of {@code name}'s draft; returns the review, which says why when nothing was accepted. */
    public Review accept(String name, String yaml, ScriptAdmin.Candidate candidate, Staff staff) {
        List<TranscriptCheck.Replayed> replayed = check.replayAll(candidate, name);
        Review review = review(name, yaml, replayed);
        if (review.acceptable()) {
            scripts.acceptTranscripts(name, reworded(replayed), staff);
        }
        return review;
    }

    private static Change change(TranscriptCheck.Replayed r) {
        TranscriptCheck.Result result = r.result();
        if (r.transcript() == null || r.run() == null) {
            return new Change(result.file(), result.name(), List.of(), result.error());
        }
        if (!r.run().endFailures().isEmpty()) {
            return new Change(result.file(), result.name(), List.of(),
                    "the end differs (" + result.endFailures().get(0) + "): more than a text changed");
        }
        List<TurnChange> turns = new ArrayList<>();
        for (int i = 0; i < r.transcript().turns().size(); i++) {
            Transcript.Turn want = r.transcript().turns().get(i);
            List<String> failures = i < r.run().turnFailures().size() ? r.run().turnFailures().get(i) : List.of();
            if (failures.isEmpty()) {
                continue;
            }
            String label = "turn " + (i + 1) + (want.in() == null ? "" : " ('" + want.in() + "')");
            for (String part : want.contains() == null ? List.<String>of() : want.contains()) {
                if (failures.stream().anyMatch(f -> f.contains("containing '" + part + "'"))) {
                    return new Change(result.file(), result.name(), turns, label + " checks for '" + part
                            + "', which the bot no longer sends: change that check in the transcript by hand");
                }
            }
            for (String part : want.notContains() == null ? List.<String>of() : want.notContains()) {
                if (failures.stream().anyMatch(f -> f.contains("sent '" + part + "'"))) {
                    return new Change(result.file(), result.name(), turns, label + " must not send '" + part + "', and now does");
                }
            }
            List<String> got = r.run().actual().turns().get(i).out();
            if (want.out() == null || got == null || want.out().equals(got)) {
                continue;
            }
            if (want.out().size() != got.size()) {
                return new Change(result.file(), result.name(), turns, label + ": the bot sends " + got.size() + " message(s) where the transcript has "
                        + want.out().size() + ": more than a text changed");
            }
            List<TextChange> texts = new ArrayList<>();
            for (int k = 0; k < got.size(); k++) {
                if (!want.out().get(k).equals(got.get(k))) {
                    texts.add(new TextChange(want.out().get(k), got.get(k)));
                }
            }
            turns.add(new TurnChange(i + 1, want.in(), texts));
        }
        return new Change(result.file(), result.name(), turns, turns.isEmpty() ? "fails for another reason: " + r.run().failures() : null);
    }

    /** The first place where {@code draft} differs from {@code live} in more than a text, like {@code steps.ask_topic.exits}. */
    static Optional<String> structuralDifference(String live, String draft) {
        try {
            return difference(YamlReader.json(YamlReader.read("live", live)), YamlReader.json(YamlReader.read("draft", draft)), "");
        } catch (no.kontakt.yaml.YamlException e) {
            return Optional.of("the YAML cannot be read: " + e.getMessage());
        }
    }

    private static Optional<String> difference(JsonNode a, JsonNode b, String path) {
        String where = path.isEmpty() ? "the top level" : path;
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            return Optional.of(where);
        }
        if (a.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            Set<String> other = new TreeSet<>();
            b.fieldNames().forEachRemaining(other::add);
            if (!keys.equals(other)) {
                Set<String> changed = new TreeSet<>(keys);
                changed.addAll(other);
                changed.removeIf(k -> keys.contains(k) && other.contains(k));
                String first = changed.iterator().next();
                return TEXT_KEYS.contains(first) ? Optional.of(join(path, first) + " (added or removed)") : Optional.of(join(path, first));
            }
            for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
                String key = it.next();
                if (TEXT_KEYS.contains(key)) {
                    continue; // a text: any wording
                }
                Optional<String> d = difference(a.get(key), b.get(key), join(path, key));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return Optional.of(where);
            }
            for (int i = 0; i < a.size(); i++) {
                Optional<String> d = difference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return a.equals(b) ? Optional.empty() : Optional.of(where);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
