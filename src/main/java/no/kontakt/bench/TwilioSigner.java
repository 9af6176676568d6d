package no.kontakt.bench;

import java.util.Map;
import no.kontakt.channel.twilio.TwilioForm;
import no.kontakt.channel.twilio.TwilioSignature;

/**
 * Builds Twilio's inbound SMS webhook as Twilio sends it: the form fields and the {@code X-Twilio-Signature}, made by
 * {@link TwilioSignature#sign} (the server checks it with the Twilio SDK's validator).
 */
final class TwilioSigner {
    private final TwilioSignature signature;
    private final String url;

    /** @param url the public URL the server signs over, path included ({@code http://127.0.0.1:7070/twilio/sms}) */
    TwilioSigner(String authToken, String url) {
        this.signature = new TwilioSignature(authToken);
        this.url = url;
    }

    /** The fields of one inbound SMS. */
    static Map<String, String> sms(String sid, String from, String to, String body) {
        return TwilioForm.inboundSms(sid, from, to, body, "AC" + "b".repeat(32));
    }

    String sign(Map<String, String> fields) {
        return signature.sign(url, fields);
    }

    static String form(Map<String, String> fields) {
        return TwilioForm.encode(fields);
    }
}
