package no.kontakt.store;

import java.nio.file.Path;
import java.util.Map;

/** What a backup or restore wrote, and the values per table it read back. */
public record BackupResult(Path file, long bytes, long millisWritesPaused, Map<String, Long> tables) {}
