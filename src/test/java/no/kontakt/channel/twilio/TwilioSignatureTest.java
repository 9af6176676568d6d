package no.kontakt.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    private static final String TOKEN = TwilioRequests.AUTH_TOKEN;
    private static final String URL = "https://kontakt.example.no/twilio/sms";
    private final TwilioSignature signature = new TwilioSignature(TOKEN);

    @Test
    void signs_as_twilio_documents_it() {
        // Twilio's documented example: https://www.twilio.com/docs/usage/security#validating-requests
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+12349013030");
        params.put("Digits", "1234");
        params.put("From", "+12349013030");
        params.put("To", "+18005551212");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(new TwilioSignature("12345").sign(url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(new RequestValidator("12345").validate(url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void what_it_signs_the_twilio_sdk_accepts() {
        Map<String, String> params = TwilioRequests.sms("SM" + "f".repeat(32), "+4791234567", "Hei! Æøå 😀 & co=1");
        String ours = signature.sign(URL, params);
        assertThat(new RequestValidator(TOKEN).validate(URL, params, ours)).isTrue();
        assertThat(signature.isValid(URL, params, ours)).isTrue();
        assertThat(signature.isValid(URL, params, " " + ours + "\n")).isTrue();
    }

    @Test
    void accepts_a_signature_twilio_made_with_the_default_port() {
        Map<String, String> params = TwilioRequests.sms("SM" + "1".repeat(32), "+4791234567", "hei");
        String withPort = signature.sign("https://kontakt.example.no:443/twilio/sms", params);
        assertThat(signature.isValid(URL, params, withPort)).isTrue();
        assertThat(signature.isValid("https://kontakt.example.no:443/twilio/sms", params, signature.sign(URL, params))).isTrue();
    }

    @Test
    void refuses_a_changed_body_a_changed_url_another_token_or_no_signature() {
        Map<String, String> params = TwilioRequests.sms("SM" + "2".repeat(32), "+4791234567", "hei");
        String good = signature.sign(URL, params);
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put("Body", "hei!");
        assertThat(signature.isValid(URL, changed, good)).isFalse();
        assertThat(signature.isValid(URL + "?x=1", params, good)).isFalse();
        assertThat(signature.isValid(URL, params, new TwilioSignature("other").sign(URL, params))).isFalse();
        assertThat(signature.isValid(URL, params, null)).isFalse();
        assertThat(signature.isValid(URL, params, "")).isFalse();
        assertThat(signature.isValid(URL, params, "not base64 at all")).isFalse();
    }

    @Test
    void a_form_with_a_field_twice_has_no_single_values() {
        TwilioForm form = TwilioForm.parse("Body=a&Body=b&From=%2B47".getBytes(StandardCharsets.UTF_8));
        assertThatIllegalArgumentException().isThrownBy(form::single).withMessage("the form field Body appears more than once");
        assertThat(TwilioForm.parse(TwilioForm.encode(Map.of("Body", "æ & =")).getBytes(StandardCharsets.UTF_8)).single())
                .containsEntry("Body", "æ & =");
    }
}
