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
 * or name. Layout: version (2), key id (8: the first bytes of an HMAC of the key, so two keys never share one),
 * nonce (12), ciphertext with tag. Values of version 1 (a key id of one byte) still read. The key is derived from the
 * secret ({@code KONTAKT_STORE_KEY}, or {@code KONTAKT_SECRET_KEY}); values written under a previous key
 * ({@code KONTAKT_STORE_KEY_PREVIOUS}) still read, and are written under the current one the next time they change
 * (key rotation). Decoding tries the key the id names first and then every other key, so an id that happens to match
 * the wrong key (1 value in 256 of version 1 after a rotation) still opens.
 */
public final class SealedJson implements ValueCodec {
    private static final byte VERSION_1 = 1;
    private static final byte VERSION = 2;
    private static final int ID = 8;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private record Key(byte[] id, SecretKeySpec spec) {
        boolean named(byte[] bytes, int version) {
            return version == VERSION_1 ? bytes[1] == id[0] : java.util.Arrays.equals(bytes, 1, 1 + ID, id, 0, ID);
        }
    }

    private final Key current;
    private final List<Key> readable;
    private final boolean tryEveryKey;
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
        this(secret, previousSecret, true);
    }

    /** {@code tryEveryKey} off is how decoding was before (the first key the id names, and no other): for the test that shows why. */
    SealedJson(byte[] secret, byte[] previousSecret, boolean tryEveryKey) {
        this.current = derive(secret);
        this.readable = previousSecret == null ? List.of(current) : List.of(current, derive(previousSecret));
        this.tryEveryKey = tryEveryKey;
    }

    private static Key derive(byte[] secret) {
        byte[] material = hmac(secret, "kontakt store v1");
        return new Key(java.util.Arrays.copyOf(hmac(secret, "kontakt store key id"), ID), new SecretKeySpec(material, "AES"));
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
            return ByteBuffer.allocate(1 + ID + NONCE + sealed.length).put(VERSION).put(current.id()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot seal a value", e);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        if (bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[' || bytes[0] == '"')) {
            return Json.read(bytes, type); // written before sealing was on
        }
        int version = bytes.length == 0 ? 0 : bytes[0];
        int head = version == VERSION_1 ? 2 : 1 + ID;
        if ((version != VERSION_1 && version != VERSION) || bytes.length < head + NONCE + 16) {
            throw new StoreException("a stored value is neither JSON nor sealed by this version of Kontakt");
        }
        if (current.named(bytes, version)) { // the usual case: sealed with the current key, which opens it
            try {
                return open(current, bytes, head, type);
            } catch (GeneralSecurityException e) {
                if (!tryEveryKey || readable.size() == 1) {
                    throw new StoreException("a stored value does not open with the store key nor with KONTAKT_STORE_KEY_PREVIOUS: was the "
                            + "store key changed without setting the old one as KONTAKT_STORE_KEY_PREVIOUS?", e);
                }
            }
        }
        List<Key> named = readable.stream().filter(k -> k.named(bytes, version)).toList();
        List<Key> candidates = new java.util.ArrayList<>(tryEveryKey ? named : named.subList(0, Math.min(1, named.size())));
        if (tryEveryKey) {
            readable.stream().filter(k -> !named.contains(k)).forEach(candidates::add);
        }
        GeneralSecurityException last = null;
        for (Key key : candidates) {
            try {
                return open(key, bytes, head, type);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        if (last != null) {
            throw new StoreException("a stored value does not open with the store key nor with KONTAKT_STORE_KEY_PREVIOUS: was the "
                    + "store key changed without setting the old one as KONTAKT_STORE_KEY_PREVIOUS?", last);
        }
        throw new StoreException("a stored value was sealed with a key that is neither the store key nor KONTAKT_STORE_KEY_PREVIOUS");
    }

    private static <T> T open(Key key, byte[] bytes, int head, Class<T> type) throws GeneralSecurityException {
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, bytes, head, NONCE));
        return Json.read(cipher.doFinal(bytes, head + NONCE, bytes.length - head - NONCE), type);
    }

    /** True when the value was sealed with the current key (for {@code store check} after a rotation). */
    public boolean current(byte[] bytes) {
        return bytes.length > 1 + ID && bytes[0] == VERSION && current.named(bytes, VERSION);
    }
}
