package no.kontakt.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    private static final String TOKEN = TwilioRequests.AUTH_TOKEN;
    private static final String URL = "https://kontakt.example.no/twilio/sms";
    private final TwilioSignature signature = new TwilioSignature(TOKEN);

    private static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }

    @Test
    void agrees_with_the_twilio_sdk_and_an_independent_hmac() {
        Map<String, String> params = TwilioRequests.sms("SM" + "f".repeat(32), "+4791234567", "Hei! Æøå 😀 & co=1");
        String ours = signature.compute(URL, multi(params));
        assertThat(ours).isEqualTo(TwilioRequests.sign(TOKEN, URL, params));
        assertThat(new RequestValidator(TOKEN).validate(URL, params, ours)).isTrue();
        assertThat(signature.isValid(URL, multi(params), ours)).isTrue();
    }

    @Test
    void accepts_a_signature_twilio_made_with_the_default_port() {
        Map<String, String> params = TwilioRequests.sms("SM" + "1".repeat(32), "+4791234567", "hei");
        String withPort = TwilioRequests.sign(TOKEN, "https://kontakt.example.no:443/twilio/sms", params);
        assertThat(signature.isValid(URL, multi(params), withPort)).isTrue();
    }

    @Test
    void refuses_a_changed_body_a_changed_url_another_token_or_no_signature() {
        Map<String, String> params = TwilioRequests.sms("SM" + "2".repeat(32), "+4791234567", "hei");
        String good = TwilioRequests.sign(TOKEN, URL, params);
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put("Body", "hei!");
        assertThat(signature.isValid(URL, multi(changed), good)).isFalse();
        assertThat(signature.isValid(URL + "?x=1", multi(params), good)).isFalse();
        assertThat(signature.isValid(URL, multi(params), TwilioRequests.sign("other", URL, params))).isFalse();
        assertThat(signature.isValid(URL, multi(params), null)).isFalse();
        assertThat(signature.isValid(URL, multi(params), "")).isFalse();
    }
}
