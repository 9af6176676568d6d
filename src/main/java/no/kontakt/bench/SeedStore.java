package no.kontakt.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A store the loader filled, kept in a folder of its own ({@code <seed>/<count>/}) so later runs copy it instead of
 * loading it again (a million conversations take about a minute to load, seconds to copy). Beside the MapDB file
 * it keeps the random store key the values are sealed with ({@code seed.key}, 0600; a key made for the benchmark,
 * never an operator's) and {@code seed.properties}, written last, so a folder whose load was cut short is never
 * taken. A seed older than {@link #MAX_AGE} is built anew: its conversations end up to 85 days before it was
 * loaded, and retention erases closed conversations 90 days after their last message.
 */
final class SeedStore {
    static final Duration MAX_AGE = Duration.ofDays(3);
    private static final String KEY = "seed.key";
    private static final String INFO = "seed.properties";

    /** The filled store's folder, its key, how long the load took (-1 when reused), and whether it was reused. */
    record Seed(Path dir, byte[] secret, double loadSeconds, boolean reused) {}

    private SeedStore() {}

    /**
     * The seed of {@code count} conversations under {@code seedRoot}: reused when it is complete and young enough,
     * otherwise loaded into it with {@code freshSecret}.
     */
    static Seed prepare(Path seedRoot, long count, byte[] freshSecret, List<StoreLoader.Template> templates, Consumer<String> say)
            throws IOException {
        Path dir = seedRoot.resolve(String.valueOf(count));
        Seed reused = reusable(dir, count);
        if (reused != null) {
            say.accept("reusing the filled store in " + dir.toAbsolutePath());
            return reused;
        }
        delete(dir);
        Files.createDirectories(dir);
        say.accept(String.format(java.util.Locale.ROOT, "loading %,d conversations into %s (kept for later runs)", count, dir));
        Instant loadedAt = Instant.now();
        double seconds = new StoreLoader(freshSecret, templates, loadedAt).load(dir, count).toNanos() / 1e9;
        Path key = dir.resolve(KEY);
        Files.writeString(key, Base64.getEncoder().encodeToString(freshSecret), StandardCharsets.US_ASCII);
        ownerOnly(key);
        Properties info = new Properties();
        info.setProperty("count", String.valueOf(count));
        info.setProperty("loadedAt", loadedAt.toString());
        info.setProperty("loadSeconds", String.valueOf(seconds));
        try (Writer w = Files.newBufferedWriter(dir.resolve(INFO))) {
            info.store(w, "a store filled by the Kontakt benchmark's loader");
        }
        return new Seed(dir, freshSecret, seconds, false);
    }

    private static Seed reusable(Path dir, long count) {
        try (Reader r = Files.newBufferedReader(dir.resolve(INFO))) {
            Properties info = new Properties();
            info.load(r);
            Instant loadedAt = Instant.parse(info.getProperty("loadedAt"));
            if (Long.parseLong(info.getProperty("count")) != count || loadedAt.isBefore(Instant.now().minus(MAX_AGE))) {
                return null;
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(dir.resolve(KEY), StandardCharsets.US_ASCII).strip());
            return new Seed(dir, secret, -1, true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Copies the seed's store files (not its key or notes) into {@code target}, a new store folder. */
    static void copy(Seed seed, Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(seed.dir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(KEY) && !name.equals(INFO)) {
                    Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
