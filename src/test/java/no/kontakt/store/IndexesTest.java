package no.kontakt.store;

import no.kontakt.store.mapdb.MapDbStorage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written before the indexes existed gets them built once, when it is opened. */
class IndexesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_store_without_indexes_gets_them_at_start_up_and_keeps_them() {
        Storage storage = MapDbStorage.open(dir);
        var conversations = new JsonTable<>(storage, "conversations", Conversation.class);
        var requests = new JsonTable<>(storage, "contact_requests", ContactRequest.class);
        // written the way the store was before the indexes: the tables only
        storage.table("conversations").put("sms-wait", ValueCodec.PLAIN.encode(
                Conversation.start("sms-wait", "sms", "+4700000001", "nb", T0).markedUrgent(T0)));
        storage.table("conversations").put("sms-closed", ValueCodec.PLAIN.encode(
                Conversation.start("sms-closed", "sms", "+4700000002", "nb", T0).closed()));
        storage.table("conversations").put("sms-bot", ValueCodec.PLAIN.encode(Conversation.start("sms-bot", "sms", "+4700000003", "nb", T0)));
        storage.table("contact_requests").put("sms-bot/1", ValueCodec.PLAIN.encode(new ContactRequest("sms-bot/1", "sms-bot", null, "call",
                "asap", null, null, false, ContactRequest.OPEN, T0, T0, null)));
        storage.commit();
        assertThat(conversations.count()).isEqualTo(3);
        assertThat(requests.count()).isEqualTo(1);

        try (Stores stores = new Stores(storage, 8)) {
            assertThat(stores.conversations().queued()).containsExactly(new QueueEntry("sms-wait", Conversation.WAITING, true, T0));
            assertThat(stores.conversations().urgentIds()).containsExactly("sms-wait");
            assertThat(stores.conversations().closedBefore(T0.plusSeconds(1), 10)).containsExactly(new Indexes.Closed("sms-closed", T0));
            assertThat(stores.contactRequests().open()).extracting(ContactRequest::id).containsExactly("sms-bot/1");
            assertThat(stores.verify()).containsEntry(Indexes.QUEUE, 1L).containsEntry(Indexes.META, 1L);
        }
        try (Stores again = new Stores(MapDbStorage.open(dir), 8)) {
            assertThat(again.conversations().queued()).hasSize(1);
        }
    }
}
