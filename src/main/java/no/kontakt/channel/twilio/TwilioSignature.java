package no.kontakt.channel.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: base64 HMAC-SHA1, under the auth token, of the full URL followed by every POST
 * parameter name and value sorted by name. Compared in constant time; the URL is tried with and without its
 * default port, as Twilio may sign either.
 */
public final class TwilioSignature {
    private final byte[] authToken;

    public TwilioSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    public String compute(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(v -> data.append(name).append(v));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    public boolean isValid(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : withAndWithoutDefaultPort(url)) {
            valid |= MessageDigest.isEqual(compute(candidate, params).getBytes(StandardCharsets.UTF_8), given);
        }
        return valid;
    }

    private static List<String> withAndWithoutDefaultPort(String url) {
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int port = uri.getPort() == -1 ? defaultPort : -1;
            if (uri.getPort() != -1 && uri.getPort() != defaultPort) {
                return List.of(url);
            }
            URI other = new URI(uri.getScheme(), uri.getRawUserInfo(), uri.getHost(), port, uri.getRawPath(), null, null);
            String otherUrl = other + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return List.of(url, otherUrl);
        } catch (URISyntaxException e) {
            return List.of(url);
        }
    }
}
