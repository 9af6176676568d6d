package no.kontakt.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;
import no.kontakt.privacy.Mask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS through Twilio's REST API. The SDK's own retry of POSTs on 5xx is switched off
 * ({@link SingleAttemptHttpClient}): a retry could send one SMS twice, so retrying is the outbox's decision.
 */
public final class TwilioSender implements Sender {
    private static final Logger log = LoggerFactory.getLogger(TwilioSender.class);

    private final TwilioRestClient client;
    private final String from;
    private final String statusBase;

    public TwilioSender(String accountSid, String authToken, String from, String statusBase) {
        this(new TwilioRestClient.Builder(accountSid, authToken).httpClient(new SingleAttemptHttpClient()).build(), from, statusBase);
    }

    TwilioSender(TwilioRestClient client, String from, String statusBase) {
        if (from == null) {
            throw new IllegalArgumentException("twilio.from_number (KONTAKT_TWILIO_FROM) must be set to send SMS");
        }
        this.client = client;
        this.from = from;
        this.statusBase = statusBase;
    }

    @Override
    public String send(OutboundMessage message) throws SendException {
        var to = new PhoneNumber(message.to());
        var creator = from.startsWith("MG")
                ? Message.creator(to, from, message.body())
                : Message.creator(to, new PhoneNumber(from), message.body());
        if (statusBase != null) {
            creator.setStatusCallback(URI.create(statusBase + "?m=" + URLEncoder.encode(message.messageId(), StandardCharsets.UTF_8)));
        }
        try {
            Message sent = creator.create(client);
            log.info("sms sent to={} sid={}", Mask.phone(message.to()), sent.getSid());
            return sent.getSid();
        } catch (ApiConnectionException e) {
            // The request may or may not have reached Twilio: not retryable, so it is never sent twice.
            throw new SendException("no answer from Twilio: " + e.getMessage(), false, e);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            boolean retryable = status != null && (status == 429 || status == 503);
            throw new SendException("Twilio refused the message: " + status + " " + e.getMessage(), retryable, e);
        }
    }

    /** The SDK's HTTP client without its retries: every request is made exactly once. */
    static class SingleAttemptHttpClient extends NetworkHttpClient {
        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
            return makeRequest(request);
        }
    }
}
