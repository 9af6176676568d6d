package no.kontakt.channel.twilio;

import java.net.URLDecoder;
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

    /** The first value of a field, or null. */
    public String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
