package no.kontakt.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Twilio's inbound SMS webhook as Twilio sends it: the form fields, and the {@code X-Twilio-Signature}
 * (base64 HMAC-SHA1 under the auth token of the full URL followed by every field name and value, sorted by name).
 * Written apart from the server's check, like the tests' {@code TwilioRequests}.
 */
final class TwilioSigner {
    private final SecretKeySpec key;
    private final String url;

    /** @param url the public URL the server signs over, path included ({@code http://127.0.0.1:7070/twilio/sms}) */
    TwilioSigner(String authToken, String url) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.url = url;
    }

    /** The fields of one inbound SMS. */
    static Map<String, String> sms(String sid, String from, String to, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "NO");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", to);
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", "AC" + "b".repeat(32));
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    String sign(Map<String, String> fields) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
