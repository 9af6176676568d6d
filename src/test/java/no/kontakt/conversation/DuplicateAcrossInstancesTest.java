package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import no.kontakt.Kontakt;
import no.kontakt.channel.InboundMessage;
import no.kontakt.store.Batch;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message id recorded by another step while this one ran (another instance, at the same moment) is refused by the
 * store in this step's commit: the step stores nothing and answers what the first step answered.
 */
class DuplicateAcrossInstancesTest {
    @TempDir
    Path data;

    @Test
    void a_step_whose_message_id_another_step_recorded_meanwhile_answers_as_a_duplicate_and_stores_nothing() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        var env = TestKontakt.env(data);
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), "nb"))) {
            var stores = kontakt.stores();
            AtomicBoolean first = new AtomicBoolean(true);
            kontakt.conversations().intercept((conversation, text, batch) -> {
                if (first.getAndSet(false)) { // the other instance commits its step for the same message id now
                    Batch theirs = new Batch();
                    stores.inbound().record(theirs, new InboundReceipt("SMsame", conversation.id(), conversation.id() + "/x",
                            List.of("svar fra den andre"), List.of(conversation.id() + "/y"), clock.instant()));
                    stores.commit(theirs);
                }
                return Optional.empty();
            });

            Reply reply = kontakt.conversations().receive(new InboundMessage("sms", "SMsame", "+4791234567", "+4759440000", "hei", 0, clock.instant()));

            assertThat(reply.duplicate()).isTrue();
            assertThat(reply.texts()).containsExactly("svar fra den andre");
            String id = kontakt.conversations().conversationId("sms", "+4791234567");
            assertThat(stores.messages().ofConversation(id)).isEmpty();
            assertThat(stores.conversations().find(id)).isEmpty();

            Reply next = kontakt.conversations().receive(new InboundMessage("sms", "SMnext", "+4791234567", "+4759440000", "hei", 0, clock.instant()));
            assertThat(next.duplicate()).isFalse();
            assertThat(stores.messages().ofConversation(id)).isNotEmpty();
        }
    }
}
