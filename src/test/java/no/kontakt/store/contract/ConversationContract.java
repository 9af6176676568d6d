package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import no.kontakt.store.Conversation;
import no.kontakt.store.Indexes;
import no.kontakt.store.QueueEntry;
import org.junit.jupiter.api.Test;

/** Conversations and the indexes the inbox and retention read: the queue, the urgent ones, the closed by time. */
abstract class ConversationContract extends RoleContract {
    @Test
    void a_saved_conversation_reads_back_whole_after_a_restart() {
        Conversation c = Conversation.start("sms-abc", "sms", "+4791234567", "nb", T0).withMessage(T0.plusSeconds(5))
                .withSession(JsonNodeFactory.instance.objectNode().put("step", "menu"));
        commit(b -> roles.conversations().save(b, c));
        restart();
        assertThat(roles.conversations().find("sms-abc")).contains(c);
        assertThat(roles.conversations().find("sms-ab")).isEmpty();
        assertThat(roles.conversations().count()).isEqualTo(1);
        assertThat(roles.conversations().all()).containsExactly(c);
    }

    @Test
    void the_queue_holds_exactly_the_conversations_a_person_must_see() {
        Conversation bot = Conversation.start("sms-bot", "sms", "+4700000001", "nb", T0);
        Conversation waiting = Conversation.start("sms-wait", "sms", "+4700000002", "nb", T0).waitingForPerson(T0);
        Conversation urgentBot = Conversation.start("sms-urgent", "sms", "+4700000003", "nb", T0).markedUrgent(T0).handedBack();
        Conversation taken = Conversation.start("sms-taken", "sms", "+4700000004", "nb", T0).takenOverBy("kari", T0);
        Conversation closed = Conversation.start("sms-closed", "sms", "+4700000005", "nb", T0).waitingForPerson(T0).closed();
        commit(b -> List.of(bot, waiting, urgentBot, taken, closed).forEach(c -> roles.conversations().save(b, c)));
        restart();
        assertThat(roles.conversations().queued()).containsExactlyInAnyOrder(
                new QueueEntry("sms-wait", Conversation.WAITING, false, T0),
                new QueueEntry("sms-urgent", Conversation.BOT, true, null),
                new QueueEntry("sms-taken", Conversation.TAKEN_OVER, false, T0));
        assertThat(roles.conversations().urgentIds()).containsExactly("sms-urgent");

        commit(b -> {
            roles.conversations().save(b, waiting.closed());
            roles.conversations().save(b, bot.markedUrgent(T0.plusSeconds(5)));
            roles.conversations().remove(b, "sms-taken");
        });
        restart();
        assertThat(roles.conversations().queued()).extracting(QueueEntry::conversationId).containsExactlyInAnyOrder("sms-bot", "sms-urgent");
        assertThat(roles.conversations().urgentIds()).containsExactlyInAnyOrder("sms-bot", "sms-urgent");
        commit(b -> roles.conversations().save(b, urgentBot.closed()));
        assertThat(roles.conversations().urgentIds()).containsExactly("sms-bot");
        assertThat(roles.conversations().find("sms-taken")).isEmpty();
    }

    @Test
    void closed_conversations_are_listed_oldest_first_before_a_time_until_forgotten() {
        Conversation late = Conversation.start("sms-late", "sms", "+4700000007", "nb", T0).withMessage(T0.plusSeconds(30)).closed();
        Conversation early = Conversation.start("sms-early", "sms", "+4700000006", "nb", T0).withMessage(T0.plusSeconds(10)).closed();
        Conversation open = Conversation.start("sms-open", "sms", "+4700000008", "nb", T0).withMessage(T0.plusSeconds(1));
        commit(b -> List.of(late, early, open).forEach(c -> roles.conversations().save(b, c)));
        restart();
        assertThat(roles.conversations().closedBefore(T0.plusSeconds(3600), 10)).containsExactly(
                new Indexes.Closed("sms-early", T0.plusSeconds(10)), new Indexes.Closed("sms-late", T0.plusSeconds(30)));
        assertThat(roles.conversations().closedBefore(T0.plusSeconds(20), 10)).containsExactly(new Indexes.Closed("sms-early", T0.plusSeconds(10)));
        assertThat(roles.conversations().closedBefore(T0.plusSeconds(3600), 1)).hasSize(1);
        assertThat(roles.conversations().closedBefore(T0.plusSeconds(10), 10)).isEmpty();
        commit(b -> roles.conversations().forgetClosed(b, new Indexes.Closed("sms-early", T0.plusSeconds(10))));
        restart();
        assertThat(roles.conversations().closedBefore(T0.plusSeconds(3600), 10)).extracting(Indexes.Closed::conversationId).containsExactly("sms-late");
    }
}
