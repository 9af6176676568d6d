package no.kontakt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SealedJsonTest {
    private static final Map<String, String> VALUE = Map.of("body", "hei");

    @Test
    void after_a_rotation_a_value_whose_one_byte_key_id_matches_the_new_key_still_reads() throws Exception {
        byte[] newKey = secret("new key");
        byte[] oldKey = collidingWith(newKey);
        byte[] sealedByOldKey = versionOne(oldKey, VALUE); // as an earlier Kontakt wrote it: a key id of one byte

        // the attack, with the protection off: the id names the new key, which cannot open it, and decoding gives up
        assertThatThrownBy(() -> new SealedJson(newKey, oldKey, false).decode(sealedByOldKey, Map.class))
                .isInstanceOf(StoreException.class);
        assertThat(new SealedJson(newKey, oldKey).decode(sealedByOldKey, Map.class)).isEqualTo(VALUE);
    }

    @Test
    void values_written_now_carry_key_ids_that_do_not_collide_and_read_after_rotation() {
        byte[] newKey = secret("new key");
        byte[] oldKey = collidingWith(newKey);
        byte[] sealed = new SealedJson(oldKey, null).encode(VALUE);
        assertThat(sealed[0]).isEqualTo((byte) 2);
        assertThat(java.util.Arrays.copyOfRange(sealed, 1, 9)).isNotEqualTo(java.util.Arrays.copyOf(hmac(newKey, "kontakt store key id"), 8));
        // the eight-byte id alone finds the old key, even without trying every key
        assertThat(new SealedJson(newKey, oldKey, false).decode(sealed, Map.class)).isEqualTo(VALUE);
        assertThat(new SealedJson(newKey, oldKey).decode(sealed, Map.class)).isEqualTo(VALUE);
        assertThat(new SealedJson(newKey, oldKey).current(sealed)).isFalse();
        assertThat(new SealedJson(newKey, oldKey).current(new SealedJson(newKey, null).encode(VALUE))).isTrue();
        assertThatThrownBy(() -> new SealedJson(newKey, null).decode(sealed, Map.class))
                .isInstanceOf(StoreException.class).hasMessageContaining("KONTAKT_STORE_KEY_PREVIOUS");
    }

    /** A second secret whose one-byte key id (the first byte of its HMAC) equals that of {@code key}: about 1 in 256. */
    private static byte[] collidingWith(byte[] key) {
        byte id = hmac(key, "kontakt store key id")[0];
        for (int i = 0; ; i++) {
            byte[] candidate = secret("old key " + i);
            if (hmac(candidate, "kontakt store key id")[0] == id) {
                return candidate;
            }
        }
    }

    private static byte[] versionOne(byte[] secret, Object value) throws Exception {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hmac(secret, "kontakt store v1"), "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(Json.bytes(value));
        return ByteBuffer.allocate(2 + 12 + sealed.length).put((byte) 1).put(hmac(secret, "kontakt store key id")[0]).put(nonce).put(sealed).array();
    }

    private static byte[] secret(String seed) {
        return java.util.Arrays.copyOf(hmac(seed.getBytes(StandardCharsets.UTF_8), "secret"), 32);
    }

    private static byte[] hmac(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
