package no.kontakt.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.kontakt.transcripts.Transcript;
import no.kontakt.store.Batch;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.ScriptVersion;
import no.kontakt.store.ScriptStore;
import no.kontakt.yaml.YamlWriter;

/**
 * The transcripts a publish replays: each file in {@code conversations/tests/}, unless a coordinator accepted a
 * reworded version from /admin. An accepted version waits as a draft beside the script's draft
 * ({@code transcripts/<script>/<file>}) and is published with it ({@code transcripts/<file>}); it holds the hash of the
 * file it was made from, so a new release of that file wins over it.
 */
final class Transcripts {
    static final String PREFIX = "transcripts/";
    private static final ObjectMapper WRITER = ScriptAdmin.TRANSCRIPT.copy()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final ScriptStore scriptStore;
    private final Path dir;

    Transcripts(ScriptStore scriptStore, Path conversationsDir) {
        this.scriptStore = scriptStore;
        this.dir = conversationsDir.resolve("tests");
    }

    /** File name → YAML of every transcript, with what was accepted for {@code script}'s draft in place (script may be null). */
    Map<String, String> sources(String script) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            String text = read(file);
            String hash = sha256(text);
            String live = scriptStore.latest(PREFIX + name).filter(v -> hash.equals(v.fileHash())).map(ScriptVersion::yaml).orElse(text);
            out.put(name, script == null ? live : scriptStore.draft(draftName(script, name)).map(ScriptStore.Draft::yaml).orElse(live));
        }
        return out;
    }

    /** Keeps a reworded transcript as a draft of {@code script}: it is replayed and published with the script's draft. */
    void saveDraft(Batch batch, String script, String file, Transcript reworded, String by, Instant at) {
        scriptStore.saveDraft(batch, new ScriptStore.Draft(draftName(script, file), YamlWriter.write(reworded, WRITER), by, at));
    }

    /** Publishes the transcripts accepted for {@code script}'s draft, in the batch of the script's publish; returns their files. */
    List<String> publishDrafts(Batch batch, String script, String by, Instant at) {
        List<String> published = new java.util.ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            var draft = scriptStore.draft(draftName(script, name));
            if (draft.isPresent()) {
                int next = scriptStore.latest(PREFIX + name).map(v -> v.version() + 1).orElse(1);
                scriptStore.publish(batch, new ScriptVersion(PREFIX + name, next, draft.get().yaml(), by, at, sha256(read(file))));
                scriptStore.removeDraft(batch, draftName(script, name));
                published.add(name);
            }
        }
        return published;
    }

    static boolean isTranscript(String storedName) {
        return storedName.startsWith(PREFIX);
    }

    private static String draftName(String script, String file) {
        return PREFIX + script + "/" + file;
    }

    List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
