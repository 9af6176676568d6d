package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import no.kontakt.store.Batch;
import no.kontakt.store.DuplicateKeyException;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Message;
import org.junit.jupiter.api.Test;

/** The inbound log: one receipt per provider message id, found by it (what makes a retried webhook answer the same). */
abstract class InboundContract extends RoleContract {
    @Test
    void a_receipt_is_found_by_its_message_sid_and_the_sids_list_sorted() {
        commit(b -> {
            roles.inbound().record(b, new InboundReceipt("SM2", "c", "c/0000000001", List.of("svar"), List.of("c/0000000002"), T0));
            roles.inbound().record(b, new InboundReceipt("SM1", "d", "d/0000000001", List.of(), List.of(), T0));
        });
        restart();
        assertThat(roles.inbound().find("SM2").orElseThrow().replies()).containsExactly("svar");
        assertThat(roles.inbound().find("SM3")).isEmpty();
        assertThat(roles.inbound().messageSids()).containsExactly("SM1", "SM2");
        assertThat(roles.inbound().ofConversation("c")).extracting(InboundReceipt::messageSid).containsExactly("SM2");
    }

    @Test
    void a_message_sid_is_held_once_and_its_receipt_can_be_blanked() {
        commit(b -> roles.inbound().record(b, new InboundReceipt("SM1", "c", "c/0000000001", List.of("svar"), List.of(), T0)));
        commit(b -> roles.inbound().replace(b, new InboundReceipt("SM1", null, null, List.of(), List.of(), T0)));
        restart();
        assertThat(roles.inbound().count()).isEqualTo(1);
        assertThat(roles.inbound().messageSids()).containsExactly("SM1");
        InboundReceipt blank = roles.inbound().find("SM1").orElseThrow();
        assertThat(blank.conversationId()).isNull();
        assertThat(blank.replies()).isEmpty();
        assertThat(roles.inbound().ofConversation("c")).isEmpty();
    }

    @Test
    void recording_a_message_sid_again_refuses_the_whole_batch_and_writes_nothing_of_it() {
        commit(b -> roles.inbound().record(b, new InboundReceipt("SM1", "c", "c/0000000001", List.of("svar"), List.of(), T0)));

        assertThatThrownBy(() -> commit(b -> {
            roles.messages().append(b, new Message("c/0000000002", "c", Message.Direction.IN, "citizen", "igjen", T0, "SM1"));
            roles.inbound().record(b, new InboundReceipt("SM1", "c", "c/0000000002", List.of("annet svar"), List.of(), T0));
        })).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> commit(b -> {
            roles.inbound().record(b, new InboundReceipt("SM2", "c", "c/0000000003", List.of(), List.of(), T0));
            roles.inbound().record(b, new InboundReceipt("SM2", "c", "c/0000000003", List.of(), List.of(), T0));
        })).isInstanceOf(DuplicateKeyException.class);

        restart();
        assertThat(roles.inbound().find("SM1").orElseThrow().replies()).containsExactly("svar");
        assertThat(roles.inbound().find("SM2")).isEmpty();
        assertThat(roles.messages().find("c/0000000002")).isEmpty();
    }

    @Test
    void of_batches_recording_one_message_sid_at_once_exactly_one_is_committed() throws Exception {
        int n = 6;
        CyclicBarrier start = new CyclicBarrier(n);
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        var threads = java.util.concurrent.Executors.newFixedThreadPool(n);
        for (int i = 0; i < n; i++) {
            String messageId = "c/000000000" + i;
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    commit(b -> {
                        roles.messages().append(b, new Message(messageId, "c", Message.Direction.IN, "citizen", "hei", T0, "SM7"));
                        roles.inbound().record(b, new InboundReceipt("SM7", "c", messageId, List.of(), List.of(), T0));
                    });
                    return true;
                } catch (DuplicateKeyException e) {
                    return false;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        threads.shutdown();
        long committed = 0;
        for (var result : results) {
            committed += result.get() ? 1 : 0;
        }
        assertThat(committed).isEqualTo(1);
        restart();
        String kept = roles.inbound().find("SM7").orElseThrow().messageId();
        assertThat(roles.messages().ofConversation("c")).extracting(Message::id).containsExactly(kept);
    }
}
