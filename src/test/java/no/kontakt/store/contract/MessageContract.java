package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import no.kontakt.store.Conversation;
import no.kontakt.store.Message;
import org.junit.jupiter.api.Test;

/** Messages: a conversation's in arrival order, and nothing of a conversation whose id merely starts the same. */
abstract class MessageContract extends RoleContract {
    @Test
    void a_conversations_messages_read_back_in_arrival_order() {
        Conversation c = Conversation.start("sms-abc", "sms", "+4791234567", "nb", T0);
        Conversation[] at = {c};
        commit(b -> {
            for (int i = 0; i < 12; i++) { // ids 1…12: 10 must come after 9
                roles.messages().append(b, new Message(at[0].nextMessageId(), c.id(), Message.Direction.IN, "citizen", "m" + i, T0, null));
                at[0] = at[0].withMessage(T0.plusSeconds(i));
            }
            roles.messages().append(b, new Message("sms-ab/0000000001", "sms-ab", Message.Direction.IN, "citizen", "other", T0, null));
        });
        restart();
        assertThat(roles.messages().ofConversation("sms-abc")).extracting(Message::body)
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11");
        assertThat(roles.messages().ofConversation("sms-ab")).extracting(Message::body).containsExactly("other");
        assertThat(roles.messages().ofConversation("sms-a")).isEmpty();
        assertThat(roles.messages().count()).isEqualTo(13);
    }

    @Test
    void text_is_stored_exactly_and_a_removed_message_is_gone() {
        String body = "Hei æøå ÆØÅ 😀 “quoted” – ok";
        commit(b -> roles.messages().append(b, new Message("c/0000000001", "c", Message.Direction.OUT, "bot", body, T0, "SM1")));
        restart();
        assertThat(roles.messages().find("c/0000000001").orElseThrow().body()).isEqualTo(body);
        commit(b -> roles.messages().remove(b, "c/0000000001"));
        restart();
        assertThat(roles.messages().find("c/0000000001")).isEmpty();
        assertThat(roles.messages().ofConversation("c")).isEmpty();
    }
}
