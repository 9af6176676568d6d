package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.kontakt.store.InboundReceipt;
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
        commit(b -> roles.inbound().record(b, new InboundReceipt("SM1", null, null, List.of(), List.of(), T0)));
        restart();
        assertThat(roles.inbound().count()).isEqualTo(1);
        assertThat(roles.inbound().messageSids()).containsExactly("SM1");
        InboundReceipt blank = roles.inbound().find("SM1").orElseThrow();
        assertThat(blank.conversationId()).isNull();
        assertThat(blank.replies()).isEmpty();
        assertThat(roles.inbound().ofConversation("c")).isEmpty();
    }
}
