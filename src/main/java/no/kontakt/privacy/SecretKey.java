package no.kontakt.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that pseudonyms (and, from issue G, encryption keys) derive from: {@code KONTAKT_SECRET_KEY}
 * (base64, at least 32 bytes) in production. Without it a random key is made once and kept in
 * {@code <data_dir>/secret.key}, beside but outside the store file, and a warning says so.
 */
public final class SecretKey {
    private static final Logger log = LoggerFactory.getLogger(SecretKey.class);
    public static final String ENV = "KONTAKT_SECRET_KEY";

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
        Path file = dataDir.resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("{} is not set: generated a key in {}; set {} in production", ENV, file.toAbsolutePath(), ENV);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
