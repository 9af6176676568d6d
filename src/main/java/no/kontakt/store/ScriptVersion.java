package no.kontakt.store;

import java.time.Instant;

/**
 * One published version of a script (or of {@code global} or {@code intents}): its YAML, who published it
 * and when. {@code fileHash} is set when the version came from the file in the repository.
 */
public record ScriptVersion(String name, int version, String yaml, String publishedBy, Instant publishedAt, String fileHash) {}
