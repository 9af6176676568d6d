package no.kontakt.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} must do for the stores built on it; run against memory and MapDB. */
abstract class StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    protected Stores stores;

    protected abstract Storage openStorage();

    /** Closes and reopens the same storage where the implementation can (MapDB); otherwise keeps it. */
    protected abstract void reopen();

    @BeforeEach
    void open() {
        stores = new Stores(openStorage(), 64);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void a_committed_conversation_and_its_messages_read_back_in_order() {
        Conversation c = Conversation.start("sms-abc", "sms", "+4791234567", "nb", T0);
        Batch batch = new Batch();
        for (int i = 0; i < 12; i++) {
            stores.messages().append(batch, new Message(c.nextMessageId(), c.id(), Message.Direction.IN, "citizen", "m" + i, T0, null));
            c = c.withMessage(T0.plusSeconds(i));
        }
        stores.conversations().save(batch, c.withSession(JsonNodeFactory.instance.objectNode().put("step", "menu")));
        stores.commit(batch);
        reopen();

        Conversation back = stores.conversations().find("sms-abc").orElseThrow();
        assertThat(back.messageCount()).isEqualTo(12);
        assertThat(back.session().get("step").asText()).isEqualTo("menu");
        assertThat(stores.messages().ofConversation("sms-abc")).extracting(Message::body)
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11");
        assertThat(stores.messages().ofConversation("sms-ab")).isEmpty();
    }

    @Test
    void unicode_text_is_stored_byte_exact() {
        String body = "Hei æøå ÆØÅ 😀 “quoted” – ok";
        Batch batch = new Batch();
        stores.messages().append(batch, new Message("c/0000000001", "c", Message.Direction.IN, "citizen", body, T0, "SM1"));
        stores.commit(batch);
        reopen();
        assertThat(stores.messages().find("c/0000000001").orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void inbound_receipts_are_found_by_message_sid() {
        Batch batch = new Batch();
        stores.inbound().record(batch, new InboundReceipt("SM2", "c", "c/0000000001", List.of("svar"), List.of("c/0000000002"), T0));
        stores.inbound().record(batch, new InboundReceipt("SM1", "c", "c/0000000003", List.of(), List.of(), T0));
        stores.commit(batch);
        reopen();
        assertThat(stores.inbound().find("SM2").orElseThrow().replies()).containsExactly("svar");
        assertThat(stores.inbound().messageSids()).containsExactly("SM1", "SM2");
        assertThat(stores.inbound().find("SM3")).isEmpty();
    }

    @Test
    void a_delivery_status_never_rolls_back() {
        report("delivered");
        report("sent");
        report("queued");
        reopen();
        assertThat(stores.deliveries().find("c/0000000002").orElseThrow().status()).isEqualTo("delivered");
        report("read");
        assertThat(stores.deliveries().find("c/0000000002").orElseThrow().status()).isEqualTo("read");
    }

    @Test
    void a_failing_update_is_refused_alone_and_changes_nothing() {
        Batch good = new Batch();
        stores.conversations().save(good, Conversation.start("sms-good", "sms", "+4700000001", "nb", T0));
        Batch bad = new Batch();
        stores.conversations().save(bad, Conversation.start("sms-bad", "sms", "+4700000002", "nb", T0));
        bad.update("conversations", "x", current -> {
            throw new IllegalStateException("boom");
        });
        var badResult = stores.committer().submit(bad);
        var goodResult = stores.committer().submit(good);
        assertThat(goodResult).succeedsWithin(java.time.Duration.ofSeconds(10));
        assertThat(badResult).failsWithin(java.time.Duration.ofSeconds(10));
        reopen();
        assertThat(stores.conversations().find("sms-good")).isPresent();
        assertThat(stores.conversations().find("sms-bad")).isEmpty();
    }

    private void report(String status) {
        Batch batch = new Batch();
        stores.deliveries().report(batch, new Delivery("c/0000000002", "SMx", status, null, T0));
        stores.commit(batch);
    }

    @Test
    void the_queue_index_holds_exactly_the_conversations_a_person_must_see() {
        Conversation bot = Conversation.start("sms-bot", "sms", "+4700000001", "nb", T0);
        Conversation waiting = Conversation.start("sms-wait", "sms", "+4700000002", "nb", T0).waitingForPerson(T0);
        Conversation urgentBot = Conversation.start("sms-urgent", "sms", "+4700000003", "nb", T0).markedUrgent(T0).handedBack();
        Conversation taken = Conversation.start("sms-taken", "sms", "+4700000004", "nb", T0).takenOverBy("kari", T0);
        Conversation closed = Conversation.start("sms-closed", "sms", "+4700000005", "nb", T0).waitingForPerson(T0).closed();
        Batch batch = new Batch();
        for (Conversation c : List.of(bot, waiting, urgentBot, taken, closed)) {
            stores.conversations().save(batch, c);
        }
        stores.commit(batch);
        reopen();
        assertThat(stores.conversations().queued()).containsExactlyInAnyOrder(
                new QueueEntry("sms-wait", Conversation.WAITING, false, T0),
                new QueueEntry("sms-urgent", Conversation.BOT, true, null),
                new QueueEntry("sms-taken", Conversation.TAKEN_OVER, false, T0));
        assertThat(stores.conversations().urgentIds()).containsExactly("sms-urgent");

        Batch close = new Batch();
        stores.conversations().save(close, waiting.closed());
        stores.conversations().save(close, bot.markedUrgent(T0.plusSeconds(5)));
        stores.conversations().remove(close, "sms-taken");
        stores.commit(close);
        reopen();
        assertThat(stores.conversations().queued()).extracting(QueueEntry::conversationId)
                .containsExactlyInAnyOrder("sms-bot", "sms-urgent");
        assertThat(stores.conversations().urgentIds()).containsExactly("sms-bot", "sms-urgent");
        assertThat(stores.conversations().closedBefore(T0.plusSeconds(1), 10)).extracting(Indexes.Closed::conversationId)
                .containsExactlyInAnyOrder("sms-closed", "sms-wait");
        assertThat(stores.conversations().closedBefore(T0, 10)).isEmpty();
        Batch calm = new Batch();
        stores.conversations().save(calm, urgentBot.closed());
        stores.commit(calm);
        assertThat(stores.conversations().urgentIds()).containsExactly("sms-bot");
    }

    @Test
    void a_closed_entry_stays_listed_until_it_is_forgotten() {
        Conversation c = Conversation.start("sms-c", "sms", "+4700000006", "nb", T0).waitingForPerson(T0).closed();
        Batch batch = new Batch();
        stores.conversations().save(batch, c);
        stores.commit(batch);
        Batch again = new Batch();
        stores.conversations().save(again, c.episodeAfterClose().withMessage(T0.plusSeconds(60)).waitingForPerson(T0.plusSeconds(60)).closed());
        stores.commit(again);
        List<Indexes.Closed> listed = stores.conversations().closedBefore(T0.plusSeconds(3600), 10);
        assertThat(listed).containsExactly(new Indexes.Closed("sms-c", T0), new Indexes.Closed("sms-c", T0.plusSeconds(60)));
        Batch forget = new Batch();
        stores.conversations().forgetClosed(forget, listed.get(0));
        stores.commit(forget);
        reopen();
        assertThat(stores.conversations().closedBefore(T0.plusSeconds(3600), 10)).containsExactly(new Indexes.Closed("sms-c", T0.plusSeconds(60)));
    }

    @Test
    void open_contact_requests_are_indexed_until_done_or_removed() {
        ContactRequest a = request("sms-a/1", "sms-a", T0);
        ContactRequest b = request("sms-b/1", "sms-b", T0.plusSeconds(1));
        ContactRequest c = request("sms-c/1", "sms-c", T0.plusSeconds(2));
        Batch batch = new Batch();
        stores.contactRequests().save(batch, c);
        stores.contactRequests().save(batch, b);
        stores.contactRequests().save(batch, a);
        stores.commit(batch);
        reopen();
        assertThat(stores.contactRequests().open()).extracting(ContactRequest::id).containsExactly("sms-a/1", "sms-b/1", "sms-c/1");
        Batch done = new Batch();
        stores.contactRequests().save(done, a.withStatus("done", T0.plusSeconds(9)));
        stores.contactRequests().remove(done, "sms-c/1");
        stores.commit(done);
        reopen();
        assertThat(stores.contactRequests().open()).extracting(ContactRequest::id).containsExactly("sms-b/1");
        assertThat(stores.contactRequests().all()).extracting(ContactRequest::id).containsExactly("sms-a/1", "sms-b/1");
    }

    private static ContactRequest request(String id, String conversationId, Instant at) {
        return new ContactRequest(id, conversationId, null, "call", "asap", null, null, false, ContactRequest.OPEN, at, at, null);
    }

    @Test
    void updates_of_one_key_in_many_batches_all_count_and_a_batch_sees_its_own_writes() {
        List<java.util.concurrent.CompletableFuture<Void>> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Batch batch = new Batch();
            batch.update("stats", "counter", current -> String.valueOf(current == null ? 1 : Integer.parseInt(new String(current)) + 1).getBytes());
            pending.add(stores.committer().submit(batch));
        }
        Batch own = new Batch();
        own.put("stats", "other", "1".getBytes());
        own.remove("stats", "other");
        own.update("stats", "other", current -> current == null ? "absent".getBytes() : "present".getBytes());
        pending.add(stores.committer().submit(own));
        pending.forEach(java.util.concurrent.CompletableFuture::join);
        reopen();
        assertThat(new String(stores.storage().table("stats").get("counter"))).isEqualTo("50");
        assertThat(new String(stores.storage().table("stats").get("other"))).isEqualTo("absent");
    }
}
