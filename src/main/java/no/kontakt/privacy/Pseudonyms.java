package no.kontakt.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms: HMAC-SHA256 of a value under the secret key, so the same phone number always maps to the
 * same conversation id while the id alone reveals nothing.
 */
public final class Pseudonyms {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private final SecretKeySpec key;
    /** One initialised MAC per thread: getting and keying a new one costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;

    public Pseudonyms(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A 20-character base32 pseudonym of {@code kind:value} (100 bits). */
    public String of(String kind, String value) {
        byte[] digest = macs.get().doFinal((kind + ":" + value.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        return base32(digest, 20); // doFinal leaves the MAC reset for the next value
    }

    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
