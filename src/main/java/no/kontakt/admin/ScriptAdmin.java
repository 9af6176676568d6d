package no.kontakt.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import no.kontakt.transcripts.Transcript;
import no.kontakt.transcripts.TranscriptRunner;
import no.kontakt.config.AppConfig;
import no.kontakt.flow.Compiler;
import no.kontakt.flow.Library;
import no.kontakt.flow.Problem;
import no.kontakt.flow.Script;
import no.kontakt.flow.ScriptException;
import no.kontakt.flow.ScriptLoader;
import no.kontakt.inbox.Staff;
import no.kontakt.nlu.IntentExamples;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.Batch;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.ScriptVersion;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.UnitOfWork;
import no.kontakt.yaml.YamlException;
import no.kontakt.yaml.YamlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripts while Kontakt runs: every version in the store, seeded from the files (a changed file becomes
 * a new version at start-up; the repository stays the source for a fresh install), drafts, validation, and a
 * publish that refuses a draft with errors or one that breaks any transcript — then takes effect at once.
 * {@code global} (the global words) and {@code intents} (the intent examples) are edited the same way.
 */
public final class ScriptAdmin {
    private static final Logger log = LoggerFactory.getLogger(ScriptAdmin.class);
    public static final String GLOBAL = "global";
    public static final String INTENTS = "intents";
    /** How a transcript's YAML binds to {@link Transcript} (read with {@link YamlReader}, written with {@link no.kontakt.yaml.YamlWriter}). */
    static final ObjectMapper TRANSCRIPT = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private final AppConfig config;
    private final ScriptStore scriptStore;
    private final AuditLog auditLog;
    private final UnitOfWork unitOfWork;
    private final Compiler compiler;
    private final Clock clock;
    private final Path dir;
    private final Transcripts transcripts;
    /** Published versions as read once (by name and number): a version never changes, and every publish builds the library of them all. */
    private final Map<String, Optional<Script>> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    private final TranscriptRunner runner;
    private final BiConsumer<Library, IntentExamples> install;
    /** The newest version of each script as installed here: what {@link #reload} compares with the store. */
    private Map<String, Integer> installed = Map.of();
    private volatile Runnable onPublished = () -> { };

    /**
     * @param runner  replays the transcripts a publish must pass
     * @param install what publishing does once a version passed: install the new library and intents in the running engine
     */
    public ScriptAdmin(AppConfig config, ScriptStore scriptStore, AuditLog auditLog, UnitOfWork unitOfWork, Compiler compiler, Clock clock, TranscriptRunner runner,
                       BiConsumer<Library, IntentExamples> install) {
        this.config = config;
        this.scriptStore = scriptStore;
        this.auditLog = auditLog;
        this.unitOfWork = unitOfWork;
        this.compiler = compiler;
        this.clock = clock;
        this.dir = config.conversations().dir();
        this.transcripts = new Transcripts(scriptStore, dir);
        this.runner = runner;
        this.install = install;
    }

    /** Why a draft was refused: located problems, or the transcripts (by name and turn) it breaks. */
    public record Refusal(List<Problem> problems, List<String> transcripts) {}

    public record Published(String name, int version) {}

    /** Seeds the store from the files where they changed, and compiles the live set. */
    public Library bootstrap() {
        Batch batch = new Batch();
        for (var file : files().entrySet()) {
            String name = ScriptLoader.nameOf(file.getKey());
            String hash = sha256(file.getValue());
            ScriptStore scripts = scriptStore;
            String lastFromFile = scripts.versions(name).stream().filter(v -> v.fileHash() != null)
                    .reduce((a, b) -> b).map(ScriptVersion::fileHash).orElse(null);
            if (!hash.equals(lastFromFile)) {
                int next = scripts.latest(name).map(v -> v.version() + 1).orElse(1);
                scripts.publish(batch, new ScriptVersion(name, next, file.getValue(), "files", clock.instant(), hash));
                log.info("script version from the files name={} version={}", name, next);
            }
        }
        unitOfWork.commit(batch);
        Map<String, Integer> versions = newest();
        Compiler.Result result = compiler.compile(live(Map.of()));
        if (!result.ok()) {
            throw new ScriptException(result.problems());
        }
        synchronized (this) {
            installed = versions;
        }
        return library(result, Map.of());
    }

    /** What to do once a publish is stored and installed here (tell the other instances). */
    public void onPublished(Runnable then) {
        this.onPublished = then;
    }

    /**
     * Installs what another instance published since this one last looked (a newer version of any script, the global
     * words or the intents in the store); returns whether it did. A set that does not compile is logged and left.
     */
    public synchronized boolean reload() {
        Map<String, Integer> versions = newest();
        if (versions.equals(installed)) {
            return false;
        }
        installed = versions;
        Compiler.Result result = compiler.compile(live(Map.of()));
        if (!result.ok()) {
            log.error("published scripts do not compile here, kept the ones in force problems={}", result.problems());
            return false;
        }
        install.accept(library(result, Map.of()), liveIntents());
        log.info("scripts published elsewhere installed versions={}", versions);
        return true;
    }

    /** The newest version number of each script, the global words and the intents. */
    private Map<String, Integer> newest() {
        Map<String, Integer> versions = new java.util.TreeMap<>();
        for (String name : scriptNames()) {
            scriptStore.latest(name).ifPresent(v -> versions.put(name, v.version()));
        }
        return versions;
    }

    public IntentExamples liveIntents() {
        return IntentExamples.parse(scriptStore.latest(INTENTS).map(ScriptVersion::yaml)
                .orElseThrow(() -> new IllegalStateException("there are no intents: add conversations/intents.yaml")));
    }

    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : scriptNames()) {
            ScriptVersion v = scriptStore.latest(name).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("version", v.version());
            row.put("publishedBy", v.publishedBy());
            row.put("publishedAt", v.publishedAt());
            row.put("draft", scriptStore.draft(name).isPresent());
            out.add(row);
        }
        return out;
    }

    public Optional<ScriptVersion> live(String name) {
        return scriptStore.latest(name);
    }

    public List<ScriptVersion> versions(String name) {
        return scriptStore.versions(name);
    }

    public Optional<ScriptStore.Draft> draft(String name) {
        return scriptStore.draft(name);
    }

    public void saveDraft(String name, String yaml, Staff staff) {
        Batch batch = new Batch();
        scriptStore.saveDraft(batch, new ScriptStore.Draft(name, yaml, staff.username(), clock.instant()));
        audit(batch, staff, "script_draft", name);
        unitOfWork.commit(batch);
    }

    /** Every problem of the set with {@code yaml} in place of the live {@code name} (errors and warnings). */
    public List<Problem> validate(String name, String yaml) {
        List<Problem> problems = new ArrayList<>(compiler.compile(live(Map.of(name, yaml))).problems());
        if (INTENTS.equals(name)) {
            intentsProblem(yaml).ifPresent(problems::add);
        }
        return problems;
    }

    /** Publishes the draft of {@code name}, or says why not; the live version is unchanged on refusal. */
    public synchronized Object publish(String name, Staff staff) {
        ScriptStore.Draft draft = scriptStore.draft(name)
                .orElseThrow(() -> new java.util.NoSuchElementException("There is no draft of " + name + " to publish."));
        return publishYaml(name, draft.yaml(), staff, "script_publish");
    }

    /** Publishes an earlier version again, as the newest version. */
    public synchronized Object rollback(String name, int version, Staff staff) {
        ScriptVersion old = scriptStore.version(name, version)
                .orElseThrow(() -> new java.util.NoSuchElementException(name + " has no version " + version + "."));
        return publishYaml(name, old.yaml(), staff, "script_rollback");
    }

    /** The live set with {@code yaml} as the next version of {@code name}: what a publish would run, or its errors. */
    public record Candidate(Library library, IntentExamples intents, List<Problem> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Candidate candidate(String name, String yaml) {
        Compiler.Result result = compiler.compile(live(Map.of(name, yaml)));
        Optional<Problem> intentsProblem = INTENTS.equals(name) ? intentsProblem(yaml) : Optional.empty();
        if (!result.ok() || intentsProblem.isPresent()) {
            List<Problem> problems = new ArrayList<>(result.errors());
            intentsProblem.ifPresent(problems::add);
            return new Candidate(null, null, List.copyOf(problems));
        }
        int next = scriptStore.latest(name).map(v -> v.version() + 1).orElse(1);
        return new Candidate(library(result, Map.of(name, next)), INTENTS.equals(name) ? IntentExamples.parse(yaml) : liveIntents(), List.of());
    }

    /** Reads one script's YAML on its own (no cross-checks), as the file {@code name.yaml}: for drawing it. */
    public ScriptLoader.Loaded load(String name, String yaml) {
        return ScriptLoader.load(fileName(name), yaml);
    }

    /** Whether {@code name} is a script with steps (not the global words or the intents). */
    public static boolean isScript(String name) {
        return !GLOBAL.equals(name) && !INTENTS.equals(name);
    }

    private Object publishYaml(String name, String yaml, Staff staff, String action) {
        Map<String, Integer> versions = newest(); // what the candidate is built on (a publish elsewhere meanwhile is reloaded later)
        Candidate candidate = candidate(name, yaml);
        if (!candidate.ok()) {
            return new Refusal(candidate.errors(), List.of());
        }
        int next = scriptStore.latest(name).map(v -> v.version() + 1).orElse(1);
        Library library = candidate.library();
        IntentExamples intents = candidate.intents();
        List<String> broken = transcriptFailures(library, intents, name);
        if (!broken.isEmpty()) {
            return new Refusal(List.of(), broken);
        }
        Batch batch = new Batch();
        scriptStore.publish(batch, new ScriptVersion(name, next, yaml, staff.username(), clock.instant(), null));
        scriptStore.removeDraft(batch, name);
        List<String> reworded = transcripts.publishDrafts(batch, name, staff.username(), clock.instant());
        audit(batch, staff, action, name + " v" + next + (reworded.isEmpty() ? "" : ", reworded transcripts " + String.join(", ", reworded)));
        unitOfWork.commit(batch);
        install.accept(library, intents); // the candidate's library already holds the new version
        versions.put(name, next);
        installed = versions;
        onPublished.run();
        log.info("script published name={} version={} by={}", name, next, staff.username());
        return new Published(name, next);
    }

    /**
     * Replays every transcript against a library — with the rewordings accepted for {@code script}'s draft in place
     * ({@code script} may be null) — and the failures name the transcript and the turn.
     */
    public List<String> transcriptFailures(Library library, IntentExamples intents, String script) {
        var sources = List.copyOf(transcripts.sources(script).entrySet());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                    Thread t = new Thread(r, "publish-transcripts");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<List<String>>> replays = new ArrayList<>();
            for (var source : sources) {
                replays.add(pool.submit(() -> failures(source.getKey(), source.getValue(), library, intents)));
            }
            List<String> failures = new ArrayList<>();
            for (var replay : replays) {
                failures.addAll(replay.get()); // in the transcripts' order, whichever finished first
            }
            return failures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the transcripts", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a transcript replay failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> failures(String file, String yaml, Library library, IntentExamples intents) {
        try {
            Transcript t = transcript(file, yaml);
            return runner.replay(t, library, intents).failures().stream().map(f -> file + ": " + f).toList();
        } catch (RuntimeException e) {
            return List.of(file + ": cannot be replayed: " + e.getMessage());
        }
    }

    /** A transcript's YAML as a {@link Transcript}; a problem is a {@link no.kontakt.yaml.YamlException} at its line. */
    static Transcript transcript(String file, String yaml) {
        if (READ.size() > 2_000) {
            READ.clear();
        }
        return READ.computeIfAbsent(file + "\n" + yaml, k -> YamlReader.bind(file, yaml, TRANSCRIPT, Transcript.class));
    }

    /** Transcripts as read, by file and text: every publish replays all of them, and they rarely change. */
    private static final Map<String, Transcript> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** File name → YAML of the transcripts a publish of {@code script} replays (accepted rewordings in place). */
    public Map<String, String> transcriptSources(String script) {
        return transcripts.sources(script);
    }

    /** Keeps reworded transcripts with {@code script}'s draft, audited; they are published with it. */
    public void acceptTranscripts(String script, Map<String, Transcript> reworded, Staff staff) {
        Batch batch = new Batch();
        reworded.forEach((file, t) -> transcripts.saveDraft(batch, script, file, t, staff.username(), clock.instant()));
        audit(batch, staff, "transcripts_accept", script + ": " + String.join(", ", reworded.keySet()));
        unitOfWork.commit(batch);
    }

    /** Talks to the draft of {@code name} (or the live set) on a throwaway store: the bot's texts per message. */
    public List<List<String>> simulate(String name, List<String> messages, String language, java.time.OffsetDateTime at) {
        String yaml = scriptStore.draft(name).map(ScriptStore.Draft::yaml).orElse(null);
        Compiler.Result result = compiler.compile(live(yaml == null ? Map.of() : Map.of(name, yaml)));
        if (!result.ok()) {
            throw new ScriptException(result.problems());
        }
        List<Transcript.Turn> turns = messages.stream().map(m -> new Transcript.Turn(null, m, null, null, null, null, null)).toList();
        Transcript t = new Transcript("simulation", name, language, null, at, turns, null);
        IntentExamples intents = INTENTS.equals(name) && yaml != null ? IntentExamples.parse(yaml) : liveIntents();
        return runner.replay(t, library(result, Map.of()), intents).actual().turns().stream()
                .map(Transcript.Turn::out).toList();
    }

    /** Replays one transcript against a set of scripts and intent examples (null: the live intents), on a throwaway store. */
    public TranscriptRunner.Result replay(Transcript transcript, Library library, IntentExamples intents) {
        return runner.replay(transcript, library, intents);
    }

    private Library library(Compiler.Result result, Map<String, Integer> newVersions) {
        List<Script> all = new ArrayList<>();
        for (String name : scriptNames()) {
            for (int number : scriptStore.versionNumbers(name)) {
                parsed.computeIfAbsent(name + "/" + number, k -> scriptStore.version(name, number)
                        .flatMap(v -> Optional.ofNullable(ScriptLoader.load(fileName(name), v.yaml()).script()))
                        .map(s -> s.withVersion(number)))
                        .ifPresent(all::add);
            }
        }
        for (String name : result.library().names()) {
            Script latest = result.library().latest(name);
            int version = newVersions.getOrDefault(name, scriptStore.latest(name).map(ScriptVersion::version).orElse(1));
            all.removeIf(s -> s.name().equals(name) && s.version() == version);
            all.add(latest.withVersion(version));
        }
        return Library.of(result.library().globals(), all);
    }

    /** The live YAML of every name, as files, with {@code changes} in place. */
    private Map<String, String> live(Map<String, String> changes) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : scriptNames()) {
            files.put(fileName(name), scriptStore.latest(name).orElseThrow().yaml());
        }
        changes.forEach((name, yaml) -> files.put(fileName(name), yaml));
        return files;
    }

    /** The scripts, global words and intents (not the settings kept beside them). */
    private List<String> scriptNames() {
        return scriptStore.names().stream().filter(n -> !n.startsWith("settings.") && !Transcripts.isTranscript(n)).toList();
    }

    private String fileName(String name) {
        return dir.resolve(name + ".yaml").toString();
    }

    private Optional<Problem> intentsProblem(String yaml) {
        try {
            IntentExamples.parse(fileName(INTENTS), yaml);
            return Optional.empty();
        } catch (YamlException e) {
            return Optional.of(Problem.error(new no.kontakt.flow.Location(e.at().file(), e.at().line(), e.at().column()), e.problem()));
        } catch (IllegalStateException e) {
            return Optional.of(Problem.error(new no.kontakt.flow.Location(fileName(INTENTS), 1, 1), e.getMessage()));
        }
    }

    private Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                files.put(p.toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scripts in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private void audit(Batch batch, Staff staff, String action, String detail) {
        auditLog.audit(batch, new AuditEntry(clock.instant(), staff.username(), staff.role(), action, null, detail));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
