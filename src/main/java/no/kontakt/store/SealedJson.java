package no.kontakt.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every stored value as JSON sealed with AES-256-GCM, so the store file alone reveals no message, phone number
 * or name. Layout: version (1), key id (1), nonce (12), ciphertext with tag. The key is derived from the secret
 * ({@code KONTAKT_STORE_KEY}, or {@code KONTAKT_SECRET_KEY}); values written under a previous key ({@code KONTAKT_STORE_KEY_PREVIOUS})
 * still read, and are written under the current one the next time they change (key rotation).
 */
public final class SealedJson implements ValueCodec {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private record Key(byte id, SecretKeySpec spec) {}

    private final Key current;
    private final List<Key> readable;
    /** One cipher per thread, initialised for each value (looking one up costs more than using it). */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });
    /** One generator per thread: the default one on Linux (NativePRNG) serialises every caller on one lock. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SealedJson::newRandom);

    public SealedJson(byte[] secret, byte[] previousSecret) {
        this.current = derive(secret);
        this.readable = previousSecret == null ? List.of(current) : List.of(current, derive(previousSecret));
    }

    private static Key derive(byte[] secret) {
        byte[] material = hmac(secret, "kontakt store v1");
        return new Key(hmac(secret, "kontakt store key id")[0], new SecretKeySpec(material, "AES"));
    }

    private static byte[] hmac(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    @Override
    public byte[] encode(Object value) {
        byte[] plain = Json.bytes(value);
        byte[] nonce = new byte[NONCE];
        RANDOM.get().nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(2 + NONCE + sealed.length).put(VERSION).put(current.id()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot seal a value", e);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        if (bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[' || bytes[0] == '"')) {
            return Json.read(bytes, type); // written before sealing was on
        }
        if (bytes.length < 2 + NONCE + 16 || bytes[0] != VERSION) {
            throw new StoreException("a stored value is neither JSON nor sealed by this version of Kontakt");
        }
        for (Key key : readable) {
            if (key.id() != bytes[1]) {
                continue;
            }
            try {
                Cipher cipher = CIPHER.get();
                cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, bytes, 2, NONCE));
                return Json.read(cipher.doFinal(bytes, 2 + NONCE, bytes.length - 2 - NONCE), type);
            } catch (GeneralSecurityException e) {
                throw new StoreException("a stored value does not open with the secret key: was the store key changed without "
                        + "setting the old one as KONTAKT_STORE_KEY_PREVIOUS?", e);
            }
        }
        throw new StoreException("a stored value was sealed with a key that is neither the store key nor KONTAKT_STORE_KEY_PREVIOUS");
    }

    /** True when the value was sealed with the current key (for {@code store check} after a rotation). */
    public boolean current(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == VERSION && bytes[1] == current.id();
    }
}
