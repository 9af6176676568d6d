package no.kontakt.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import no.kontakt.store.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that pseudonyms and the store key derive from: {@code KONTAKT_SECRET_KEY} (base64, at least 32 bytes)
 * in production. Without it the key is read from {@code KONTAKT_KEY_FILE}, or from {@code keys/secret.key} beside
 * (not inside) the data folder, where a random one is made on first start: 0600 in a 0700 folder, so a copy of the
 * data folder (a backup) does not carry the key that opens it. A key file that other users may read is refused,
 * with the chmod to run. A key an earlier version kept in {@code <data_dir>/secret.key} is still read, with a warning.
 */
public final class SecretKey {
    private static final Logger log = LoggerFactory.getLogger(SecretKey.class);
    public static final String ENV = "KONTAKT_SECRET_KEY";
    public static final String FILE_ENV = "KONTAKT_KEY_FILE";
    static final String FILE_NAME = "secret.key";

    private SecretKey() {}

    public static final String STORE = "KONTAKT_STORE_KEY";
    public static final String PREVIOUS = "KONTAKT_STORE_KEY_PREVIOUS";

    /** The key that seals stored values: {@code KONTAKT_STORE_KEY}, or the secret key when it is not set. */
    public static byte[] store(Function<String, String> env, byte[] secret) {
        byte[] key = decode(env, STORE);
        return key != null ? key : secret;
    }

    /** The store key before the last rotation, still accepted for reading, or null. */
    public static byte[] previous(Function<String, String> env) {
        return decode(env, PREVIOUS);
    }

    private static byte[] decode(Function<String, String> env, String name) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
    }

    public static byte[] load(Function<String, String> env, Path dataDir) {
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(fromEnv.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(ENV + " is not base64: create one with `openssl rand -base64 32`");
            }
            if (key.length < 32) {
                throw new IllegalStateException(ENV + " must hold at least 32 bytes (it holds " + key.length + ")");
            }
            return key;
        }
        Path legacy = dataDir.resolve(FILE_NAME);
        String named = env.apply(FILE_ENV);
        Path file = named != null && !named.isBlank() ? Path.of(named.strip()) : defaultFile(dataDir);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            if ((named == null || named.isBlank()) && Files.exists(legacy)) {
                log.warn("the secret key is in the data folder ({}), so every copy of the data folder carries the key that opens it; "
                        + "move it out: mkdir -m 700 -p {} && mv {} {} (or set {})", legacy.toAbsolutePath(), file.toAbsolutePath().getParent(),
                        legacy.toAbsolutePath(), file.toAbsolutePath(), ENV);
                return read(legacy);
            }
            OwnerOnly.folder(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            OwnerOnly.create(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            log.warn("{} is not set: generated a key in {} (outside the data folder); keep it safe and apart from the backups, "
                    + "or set {} in production", ENV, file.toAbsolutePath(), ENV);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the key file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Where the key {@link #load} would read comes from, when there is one to read (none: load would make a new one). */
    public static java.util.Optional<String> existing(Function<String, String> env, Path dataDir) {
        String value = env.apply(ENV);
        if (value != null && !value.isBlank()) {
            return java.util.Optional.of(ENV);
        }
        String named = env.apply(FILE_ENV);
        Path file = named != null && !named.isBlank() ? Path.of(named.strip()) : defaultFile(dataDir);
        if (Files.exists(file)) {
            return java.util.Optional.of(file.toString());
        }
        return named == null && Files.exists(dataDir.resolve(FILE_NAME)) ? java.util.Optional.of(dataDir.resolve(FILE_NAME).toString())
                : java.util.Optional.empty();
    }

    /** {@code keys/secret.key} in the folder that holds the data folder. */
    public static Path defaultFile(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
        return parent.resolve("keys").resolve(FILE_NAME);
    }

    private static byte[] read(Path file) throws IOException {
        if (OwnerOnly.othersMayRead(file)) {
            throw new IllegalStateException("the key file " + file.toAbsolutePath() + " may be read by other users ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                    + "); Kontakt does not start with it. Run: chmod 600 " + file.toAbsolutePath());
        }
        try {
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key file " + file.toAbsolutePath() + " does not hold a base64 key", e);
        }
    }
}
