package no.kontakt.inbox;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as every authenticator app makes
 * them. A code of the current step or of the step before or after it is accepted (clock skew of ±30 s), and
 * only when its step is later than the last one accepted for the account, so a code works once.
 */
public final class Totp {
    public static final int PERIOD = 30;
    public static final int DIGITS = 6;
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    private Totp() {}

    /** A new random secret: 32 base32 characters, 160 bits. */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD);
    }

    /** The code of a step. */
    public static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }

    /**
     * The step whose code this is, within ±1 step of {@code now} and later than {@code lastStep}; empty when the
     * code is wrong, too old or already used. All three candidates are compared, in constant time.
     */
    public static OptionalLong verify(String secret, String code, Instant now, long lastStep) {
        if (secret == null || code == null) {
            return OptionalLong.empty();
        }
        String given = code.replace(" ", "").strip();
        if (!given.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        for (long s = current - 1; s <= current + 1; s++) {
            boolean same = MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
            if (same && s > lastStep && found < 0) {
                found = s;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The otpauth:// URI an authenticator app reads (usually from the QR code). */
    public static String uri(String issuer, String username, String secret) {
        return data(issuer, username, secret).getUri();
    }

    /** The QR code of the otpauth URI, as a PNG. */
    public static byte[] qrPng(String issuer, String username, String secret) {
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(240);
            return png.generate(data(issuer, username, secret));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }

    private static QrData data(String issuer, String username, String secret) {
        return new QrData.Builder().label(issuer + ":" + username).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD).build();
    }
}
