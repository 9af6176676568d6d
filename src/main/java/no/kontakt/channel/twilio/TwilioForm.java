package no.kontakt.channel.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body as Twilio posts it, decoded strictly as UTF-8. */
public record TwilioForm(Map<String, List<String>> params) {

    /** Parses the raw body; throws {@link IllegalArgumentException} with a plain reason when it is not a form. */
    public static TwilioForm parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not UTF-8");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return new TwilioForm(params);
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new TwilioForm(params);
    }

    private static String decode(String s) {
        try {
            String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0) {
                throw new IllegalArgumentException("a form value is not valid UTF-8");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the body is not a valid form: " + e.getMessage());
        }
    }

    /**
     * The fields with one value each, as Twilio posts them and as its signature covers them; throws
     * {@link IllegalArgumentException} when a field appears more than once (Twilio never sends that).
     */
    public Map<String, String> single() {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (values.size() != 1) {
                throw new IllegalArgumentException("the form field " + name + " appears more than once");
            }
            out.put(name, values.get(0));
        });
        return out;
    }

    /** The fields as an {@code application/x-www-form-urlencoded} body, in their order. */
    public static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** The fields Twilio's Messaging webhook posts for one inbound SMS, in Twilio's order (for clients that play Twilio). */
    public static Map<String, String> inboundSms(String sid, String from, String to, String body, String accountSid) {
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
        p.put("AccountSid", accountSid);
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** The first value of a field, or null. */
    public String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
