package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.kontakt.store.Delivery;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.TimerIndex;
import org.junit.jupiter.api.Test;

/** What sending relies on: delivery statuses that never roll back, the outbox's due items, and timers found by time. */
abstract class DeliveryOutboxTimerContract extends RoleContract {
    private void report(String messageId, String status) {
        commit(b -> roles.deliveries().report(b, new Delivery(messageId, "SMx", status, null, T0)));
    }

    @Test
    void a_delivery_status_never_rolls_back() {
        report("c/0000000002", "delivered");
        report("c/0000000002", "sent");
        report("c/0000000002", "queued");
        restart();
        assertThat(roles.deliveries().find("c/0000000002").orElseThrow().status()).isEqualTo("delivered");
        report("c/0000000002", "read");
        assertThat(roles.deliveries().find("c/0000000002").orElseThrow().status()).isEqualTo("read");
    }

    @Test
    void the_deliveries_of_one_conversation_are_removed_together() {
        report("c/0000000001", "sent");
        report("c/0000000002", "sent");
        report("cd/0000000001", "sent");
        commit(b -> roles.deliveries().removeOfConversation(b, "c"));
        restart();
        assertThat(roles.deliveries().find("c/0000000001")).isEmpty();
        assertThat(roles.deliveries().find("c/0000000002")).isEmpty();
        assertThat(roles.deliveries().find("cd/0000000001")).isPresent();
    }

    private static OutboxItem item(String conversationId, int n, Instant due) {
        String id = conversationId + "/" + String.format("%010d", n);
        return new OutboxItem(id, conversationId, id, "sms", "+4790000000", "tekst " + n, 0, due, OutboxItem.State.PENDING, T0);
    }

    @Test
    void the_outbox_gives_the_pending_items_due_in_message_order_up_to_max() {
        commit(b -> {
            for (int n = 12; n >= 1; n--) {
                roles.outbox().put(b, item("sms-a", n, T0));
            }
            roles.outbox().put(b, item("sms-b", 1, T0.plusSeconds(60))); // not yet due
            roles.outbox().put(b, item("sms-c", 1, T0).sending()); // being sent: never given again
        });
        restart();
        assertThat(roles.outbox().due(T0, 100)).extracting(OutboxItem::body)
                .containsExactly("tekst 1", "tekst 2", "tekst 3", "tekst 4", "tekst 5", "tekst 6", "tekst 7", "tekst 8", "tekst 9",
                        "tekst 10", "tekst 11", "tekst 12");
        assertThat(roles.outbox().due(T0, 3)).extracting(OutboxItem::body).containsExactly("tekst 1", "tekst 2", "tekst 3");
        assertThat(roles.outbox().due(T0.plusSeconds(60), 100)).extracting(OutboxItem::conversationId).contains("sms-b").doesNotContain("sms-c");
        assertThat(roles.outbox().sending()).extracting(OutboxItem::conversationId).containsExactly("sms-c");
        assertThat(roles.outbox().ofConversation("sms-c")).hasSize(1);
        assertThat(roles.outbox().count()).isEqualTo(14);
    }

    @Test
    void a_retried_item_waits_and_a_sent_one_is_gone() {
        OutboxItem first = item("sms-a", 1, T0);
        commit(b -> roles.outbox().put(b, first));
        commit(b -> roles.outbox().put(b, first.sending().retryAt(T0.plusSeconds(30))));
        restart();
        assertThat(roles.outbox().due(T0.plusSeconds(29), 10)).isEmpty();
        assertThat(roles.outbox().due(T0.plusSeconds(30), 10)).extracting(OutboxItem::attempts).containsExactly(1);
        commit(b -> roles.outbox().remove(b, first.id()));
        restart();
        assertThat(roles.outbox().due(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(roles.outbox().count()).isZero();
    }

    @Test
    void timers_are_due_earliest_first_and_a_moved_or_cleared_timer_leaves_no_trace() {
        commit(b -> {
            roles.timers().set(b, "sms-late", null, T0.plusSeconds(300));
            roles.timers().set(b, "sms-early", null, T0.plusSeconds(60));
            roles.timers().set(b, "sms-gone", null, T0.plusSeconds(120));
            roles.timers().set(b, "sms-future", null, T0.plusSeconds(86_400));
        });
        commit(b -> {
            roles.timers().set(b, "sms-gone", T0.plusSeconds(120), null);
            roles.timers().set(b, "sms-late", T0.plusSeconds(300), T0.plusSeconds(200));
        });
        restart();
        assertThat(roles.timers().due(T0.plusSeconds(3600), 10)).containsExactly(
                new TimerIndex.Due("sms-early", T0.plusSeconds(60)), new TimerIndex.Due("sms-late", T0.plusSeconds(200)));
        assertThat(roles.timers().due(T0.plusSeconds(3600), 1)).extracting(TimerIndex.Due::conversationId).containsExactly("sms-early");
        assertThat(roles.timers().due(T0.plusSeconds(60), 10)).extracting(TimerIndex.Due::conversationId).containsExactly("sms-early");
        assertThat(roles.timers().due(T0.plusSeconds(59), 10)).isEmpty();
    }
}
