package no.kontakt.channel.twilio;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: base64 HMAC-SHA1, under the auth token, of the full URL followed by every POST field
 * name and value sorted by name. Checked with the Twilio SDK's {@link RequestValidator} (constant-time compare; the
 * URL tried with and without its default port, as Twilio may sign either). {@link #sign} makes the same signature for
 * the clients that play Twilio: the benchmark and the tests.
 */
public final class TwilioSignature {
    private final String authToken;
    private final RequestValidator validator;

    public TwilioSignature(String authToken) {
        this.authToken = Objects.requireNonNull(authToken, "authToken");
        this.validator = new RequestValidator(authToken);
    }

    /** True when {@code signature} is Twilio's signature of the URL and the form fields. */
    public boolean isValid(String url, Map<String, String> fields, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(url, fields, signature.strip());
    }

    /** The {@code X-Twilio-Signature} Twilio would send with these fields posted to {@code url}. */
    public String sign(String url, Map<String, String> fields) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
