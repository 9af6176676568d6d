package no.kontakt.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.kontakt.transcripts.Transcript;
import no.kontakt.transcripts.TranscriptRunner;
import no.kontakt.config.AppConfig;
import no.kontakt.nlu.IntentExamples;

/**
 * Replays every transcript in {@code conversations/tests/} against a candidate set of scripts on demand — the
 * same check a publish makes — and tells, turn by turn, what passed and what the bot sent instead. Runs
 * nothing against real data: each replay has a throwaway store of its own.
 */
public final class TranscriptCheck {
    private final AppConfig config;
    private final ScriptAdmin scripts;

    public TranscriptCheck(AppConfig config, ScriptAdmin scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    /** One turn: what the citizen wrote (or how the clock moved), what the bot sent or had to include, and what was wrong. */
    public record TurnResult(int turn, String in, String clock, List<String> out, List<String> contains, List<String> failures) {
        @com.fasterxml.jackson.annotation.JsonProperty("passed")
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** One transcript: its file, the script it starts in, each turn, and what was wrong at the end. */
    public record Result(String file, String name, String script, String language, List<TurnResult> turns, List<String> endFailures,
                         String error) {
        @com.fasterxml.jackson.annotation.JsonProperty("passed")
        public boolean passed() {
            return error == null && endFailures.isEmpty() && turns.stream().allMatch(TurnResult::passed);
        }
    }

    /** Every transcript replayed against the candidate; those that fail come first, then by file name. */
    public List<Result> run(ScriptAdmin.Candidate candidate) {
        return run(candidate, null);
    }

    /** The same, with the rewordings accepted for {@code script}'s draft in place of their transcripts. */
    public List<Result> run(ScriptAdmin.Candidate candidate, String script) {
        return replayAll(candidate, script).stream().map(Replayed::result)
                .sorted(Comparator.comparing(Result::passed).thenComparing(Result::file)).toList();
    }

    /** A transcript as written and the result of replaying it (null transcript when it cannot be read). */
    record Replayed(Transcript transcript, TranscriptRunner.Result run, Result result) {}

    List<Replayed> replayAll(ScriptAdmin.Candidate candidate, String script) {
        var sources = scripts.transcriptSources(script).entrySet();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
            Thread t = new Thread(r, "transcript-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Replayed>> futures = new ArrayList<>();
            for (var source : sources) {
                futures.add(pool.submit(() -> replay(source.getKey(), source.getValue(), candidate.library(), candidate.intents())));
            }
            List<Replayed> results = new ArrayList<>();
            for (Future<Replayed> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the transcripts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a transcript replay failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Replayed replay(String fileName, String yaml, no.kontakt.flow.Library library, IntentExamples intents) {
        Transcript t;
        try {
            t = ScriptAdmin.transcript(fileName, yaml);
        } catch (RuntimeException e) {
            return new Replayed(null, null, new Result(fileName, fileName, null, null, List.of(), List.of(), "cannot be read: " + e.getMessage()));
        }
        try {
            TranscriptRunner.Result r = scripts.replay(t, library, intents);
            List<TurnResult> turns = new ArrayList<>();
            List<Transcript.Turn> actual = r.actual().turns();
            for (int i = 0; i < actual.size(); i++) {
                Transcript.Turn turn = actual.get(i);
                String wait = turn.waitFor() != null ? turn.waitFor() : turn.at() != null ? turn.at().toString() : null;
                String where = t.name() + ", turn " + (i + 1) + (turn.in() == null ? "" : " ('" + turn.in() + "')") + ": ";
                List<String> failures = (i < r.turnFailures().size() ? r.turnFailures().get(i) : List.<String>of()).stream()
                        .map(f -> f.startsWith(where) ? f.substring(where.length()) : f).toList();
                turns.add(new TurnResult(i + 1, turn.in(), wait, turn.out() == null ? List.of() : turn.out(),
                        turn.contains() == null ? List.of() : turn.contains(), failures));
            }
            String end = t.name() + ", at the end: ";
            return new Replayed(t, r, new Result(fileName, t.name(), t.script(), t.language(), turns,
                    r.endFailures().stream().map(f -> f.startsWith(end) ? f.substring(end.length()) : f).toList(), null));
        } catch (RuntimeException e) {
            return new Replayed(t, null, new Result(fileName, t.name(), t.script(), t.language(), List.of(), List.of(),
                    "cannot be replayed: " + e.getMessage()));
        }
    }
}
