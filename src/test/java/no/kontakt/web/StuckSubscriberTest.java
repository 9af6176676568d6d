package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.kontakt.Kontakt;
import no.kontakt.inbox.InboxEvents;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live updates go out on their own thread: a browser that does not read does not hold up Twilio's answer. */
class StuckSubscriberTest {
    @TempDir
    Path dataDir;

    @Test
    void a_stuck_live_update_subscriber_does_not_delay_the_webhook_answer() throws Exception {
        CountDownLatch told = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Kontakt kontakt = TestKontakt.start(dataDir, Clock.systemUTC())) {
            kontakt.events().subscribe(event -> {
                told.countDown();
                try {
                    release.await(); // a stream whose browser stopped reading: the write blocks
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            try {
                HttpResponse<String> answer = CompletableFuture.supplyAsync(() ->
                        twilio.post("/twilio/sms", TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "hei"))).get(20, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("<Response><Message");
                assertThat(told.await(20, TimeUnit.SECONDS)).as("the subscriber is told, on a thread of its own").isTrue();
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void subscribers_are_told_in_the_order_events_were_published() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(100);
        try (InboxEvents events = new InboxEvents()) {
            events.subscribe(event -> {
                got.add(event.get("type"));
                all.countDown();
            });
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add("e" + i);
                events.publish("e" + i, "sms-abc");
            }
            assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(got).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void a_subscriber_that_fails_is_dropped_and_the_others_still_hear() throws Exception {
        CountDownLatch heard = new CountDownLatch(2);
        try (InboxEvents events = new InboxEvents()) {
            events.subscribe(event -> {
                throw new IllegalStateException("the browser is gone");
            });
            events.subscribe(event -> heard.countDown());
            events.publish("message", "sms-abc");
            events.publish("message", "sms-abc");
            assertThat(heard.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(events.subscribers()).isEqualTo(1);
        }
    }
}
