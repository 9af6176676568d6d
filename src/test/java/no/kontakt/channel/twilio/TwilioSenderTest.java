package no.kontakt.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.util.concurrent.atomic.AtomicInteger;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;
import org.junit.jupiter.api.Test;

/** Twilio's REST API is the edge we do not run: its HTTP exchange is faked below the SDK. */
class TwilioSenderTest {
    private static final String SID = "AC" + "a".repeat(32);

    /** The production client with its network call replaced: counts requests, answers with a fixed status. */
    private static final class FakeNetwork extends TwilioSender.SingleAttemptHttpClient {
        final AtomicInteger requests = new AtomicInteger();
        final int status;
        final String body;
        Request last;

        FakeNetwork(int status, String body) {
            this.status = status;
            this.body = body;
        }

        @Override
        public Response makeRequest(Request request) {
            requests.incrementAndGet();
            last = request;
            return new Response(body, status);
        }
    }

    private static TwilioSender sender(FakeNetwork network) {
        var client = new TwilioRestClient.Builder(SID, "token").httpClient(network).build();
        return new TwilioSender(client, "+4759440000", "https://kontakt.example.no/twilio/status");
    }

    @Test
    void a_5xx_is_not_retried_so_one_sms_is_never_sent_twice() {
        FakeNetwork network = new FakeNetwork(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
        assertThatThrownBy(() -> sender(network).send(new OutboundMessage("c/0000000001", "+4791234567", "hei")))
                .isInstanceOf(Sender.SendException.class)
                .satisfies(e -> assertThat(((Sender.SendException) e).retryable()).isFalse());
        assertThat(network.requests.get()).isEqualTo(1);
    }

    @Test
    void a_429_is_reported_as_retryable_after_a_single_attempt() {
        FakeNetwork network = new FakeNetwork(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
        assertThatThrownBy(() -> sender(network).send(new OutboundMessage("c/0000000001", "+4791234567", "hei")))
                .satisfies(e -> assertThat(((Sender.SendException) e).retryable()).isTrue());
        assertThat(network.requests.get()).isEqualTo(1);
    }

    @Test
    void a_sent_message_returns_twilios_sid_and_asks_for_status_callbacks() throws Exception {
        FakeNetwork network = new FakeNetwork(201, "{\"sid\":\"SM" + "b".repeat(32) + "\",\"status\":\"queued\"}");
        String sid = sender(network).send(new OutboundMessage("c/0000000007", "+4791234567", "Hei 😀"));
        assertThat(sid).isEqualTo("SM" + "b".repeat(32));
        assertThat(network.last.getPostParams().get("StatusCallback"))
                .containsExactly("https://kontakt.example.no/twilio/status?m=c%2F0000000007");
        assertThat(network.last.getPostParams().get("Body")).containsExactly("Hei 😀");
    }
}
