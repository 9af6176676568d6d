package no.kontakt.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.util.concurrent.atomic.AtomicInteger;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * Twilio's REST API is the edge we do not run. Its client is mocked (the SDK builds the request, we check it and
 * answer as Twilio would); the one test of the SDK's own retry fakes the network just below the client.
 */
class TwilioSenderTest {
    private static final String SID = "AC" + "a".repeat(32);
    private static final String STATUS = "https://kontakt.example.no/twilio/status";
    private static final OutboundMessage MESSAGE = new OutboundMessage("c/0000000007", "+4791234567", "Hei 😀");

    private final TwilioRestClient client = mock(TwilioRestClient.class);

    TwilioSenderTest() {
        when(client.getAccountSid()).thenReturn(SID);
        when(client.getObjectMapper()).thenReturn(new ObjectMapper());
    }

    private Request sentRequest() {
        var request = ArgumentCaptor.forClass(Request.class);
        verify(client, times(1)).request(request.capture());
        return request.getValue();
    }

    private Sender.SendException failure(String from) {
        return catchThrowableOfType(Sender.SendException.class, () -> new TwilioSender(client, from, STATUS).send(MESSAGE));
    }

    @Test
    void posts_to_from_body_and_status_callback_and_returns_twilios_sid() throws Exception {
        when(client.request(any())).thenReturn(new Response("{\"sid\":\"SM" + "b".repeat(32) + "\",\"status\":\"queued\"}", 201));

        String sid = new TwilioSender(client, "+4759440000", STATUS).send(MESSAGE);

        assertThat(sid).isEqualTo("SM" + "b".repeat(32));
        Request sent = sentRequest();
        assertThat(sent.getMethod()).isEqualTo(HttpMethod.POST);
        assertThat(sent.getUrl()).isEqualTo("https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(sent.getPostParams()).containsOnlyKeys("To", "From", "Body", "StatusCallback");
        assertThat(sent.getPostParams().get("To")).containsExactly("+4791234567");
        assertThat(sent.getPostParams().get("From")).containsExactly("+4759440000");
        assertThat(sent.getPostParams().get("Body")).containsExactly("Hei 😀");
        assertThat(sent.getPostParams().get("StatusCallback")).containsExactly(STATUS + "?m=c%2F0000000007");
    }

    @Test
    void a_messaging_service_sid_is_sent_as_the_service_not_as_a_number() throws Exception {
        when(client.request(any())).thenReturn(new Response("{\"sid\":\"SM" + "c".repeat(32) + "\"}", 201));
        String service = "MG" + "d".repeat(32);

        new TwilioSender(client, service, STATUS).send(MESSAGE);

        Request sent = sentRequest();
        assertThat(sent.getPostParams()).doesNotContainKey("From");
        assertThat(sent.getPostParams().get("MessagingServiceSid")).containsExactly(service);
    }

    @Test
    void without_a_public_address_no_status_callback_is_asked_for() throws Exception {
        when(client.request(any())).thenReturn(new Response("{\"sid\":\"SM" + "e".repeat(32) + "\"}", 201));

        new TwilioSender(client, "+4759440000", null).send(MESSAGE);

        assertThat(sentRequest().getPostParams()).doesNotContainKey("StatusCallback");
    }

    @ParameterizedTest(name = "HTTP {0} → retryable {1}")
    @CsvSource({
        "429, true",   // too many requests: the outbox tries again later
        "503, true",   // Twilio unavailable: likewise
        "400, false",  // e.g. 21211 invalid 'To' number: the same request will never pass
        "401, false",  // wrong credentials: an operator must act
        "500, false",  // Twilio may have queued it: a retry could send the SMS twice
    })
    void twilios_error_answers_map_to_retry_or_permanent(int status, boolean retryable) {
        when(client.request(any())).thenReturn(new Response("{\"code\":21211,\"message\":\"refused\",\"status\":" + status + "}", status));

        Sender.SendException e = failure("+4759440000");

        assertThat(e).isNotNull().hasCauseInstanceOf(ApiException.class).hasMessageContaining(String.valueOf(status));
        assertThat(e.retryable()).isEqualTo(retryable);
        verify(client, times(1)).request(any());
    }

    @Test
    void a_connection_failure_is_permanent_because_the_sms_may_have_left() {
        when(client.request(any())).thenThrow(new ApiConnectionException("Connection reset"));

        Sender.SendException e = failure("+4759440000");

        assertThat(e).isNotNull().hasCauseInstanceOf(ApiConnectionException.class).hasMessageContaining("no answer from Twilio");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void no_response_at_all_counts_as_a_connection_failure() {
        when(client.request(any())).thenReturn(null);

        Sender.SendException e = failure("+4759440000");

        assertThat(e).isNotNull().hasCauseInstanceOf(ApiConnectionException.class);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void an_api_error_without_a_status_is_permanent() {
        when(client.request(any())).thenThrow(new ApiException("Unable to parse response"));

        Sender.SendException e = failure("+4759440000");

        assertThat(e).isNotNull().hasCauseInstanceOf(ApiException.class);
        assertThat(e.retryable()).isFalse();
    }

    /** The production HTTP client with its network call replaced: counts requests, answers with a fixed status. */
    private static final class FakeNetwork extends TwilioSender.SingleAttemptHttpClient {
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public Response makeRequest(Request request) {
            requests.incrementAndGet();
            return new Response("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}", 500);
        }
    }

    @Test
    void the_sdk_does_not_retry_a_5xx_so_one_sms_is_never_sent_twice() {
        var network = new FakeNetwork();
        var realClient = new TwilioRestClient.Builder(SID, "token").httpClient(network).build();

        var e = catchThrowableOfType(Sender.SendException.class,
                () -> new TwilioSender(realClient, "+4759440000", STATUS).send(MESSAGE));

        assertThat(e).isNotNull();
        assertThat(e.retryable()).isFalse();
        assertThat(network.requests.get()).isEqualTo(1);
    }

    @Test
    void refuses_to_start_without_a_sender_number() {
        var e = catchThrowableOfType(IllegalArgumentException.class, () -> new TwilioSender(client, null, STATUS));
        assertThat(e).hasMessageContaining("KONTAKT_TWILIO_FROM");
    }
}
