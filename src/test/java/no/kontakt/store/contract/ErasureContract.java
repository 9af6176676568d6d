package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.kontakt.conversation.Erasure;
import no.kontakt.store.Appointment;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.ConversationEvent;
import no.kontakt.store.Delivery;
import no.kontakt.store.Enrolment;
import no.kontakt.store.EventLog;
import no.kontakt.store.FeedbackAsk;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.ReminderLog;
import org.junit.jupiter.api.Test;

/** Erasure across every role: nothing of the conversation is left but its message ids, and its neighbour keeps all. */
abstract class ErasureContract extends RoleContract {
    private void everything(String id) {
        Conversation c = Conversation.start(id, "sms", "+4790000000", "nb", T0).withMessage(T0).waitingForPerson(T0).closed();
        String m = id + "/0000000001";
        commit(b -> {
            roles.conversations().save(b, c);
            roles.messages().append(b, new Message(m, id, Message.Direction.IN, "citizen", "hjelp", T0, "SM" + id));
            roles.inbound().record(b, new InboundReceipt("SM" + id, id, m, List.of("svar"), List.of(), T0));
            roles.deliveries().report(b, new Delivery(m, "SMx", "sent", null, T0));
            roles.outbox().put(b, new OutboxItem(m, id, m, "sms", "+4790000000", "svar", 0, T0, OutboxItem.State.PENDING, T0));
            roles.contactRequests().save(b, new ContactRequest(id + "/1", id, null, "call", "asap", null, null, false, ContactRequest.OPEN, T0, T0, null));
            roles.enrolments().save(b, new Enrolment("trip", id, Enrolment.SEATED, 1, T0, T0));
            roles.reminders().record(b, new ReminderLog.Sent(id, "trip/x", T0, T0));
            roles.events().event(b, new ConversationEvent(EventLog.eventId(id, T0, 0), id, T0, "action", "bot", Map.of()));
            roles.audit().audit(b, new AuditEntry(T0, "kari", "staff", "read", id, null));
            roles.feedback().saveFeedback(b, new FeedbackAsk(id, "contact", T0, null, false));
            roles.appointments().saveAppointment(b, new Appointment(id + "/a", id, T0, "Storgata 1", "Kari", "kari", null, null, false, T0, null));
        });
    }

    private Erasure erasure() {
        return new Erasure(new Erasure.Roles(roles.conversations(), roles.messages(), roles.inbound(), roles.deliveries(), roles.outbox(),
                roles.timers(), roles.contactRequests(), roles.enrolments(), roles.reminders(), roles.events(), roles.audit(), roles.feedback(),
                roles.appointments()));
    }

    @Test
    void erasure_removes_every_trace_of_the_conversation_and_nothing_of_another() {
        everything("sms-a");
        everything("sms-ab");
        commit(b -> erasure().stage("sms-a", b));
        restart();
        assertThat(roles.conversations().find("sms-a")).isEmpty();
        assertThat(roles.conversations().queued()).isEmpty();
        assertThat(roles.conversations().all()).extracting(Conversation::id).containsExactly("sms-ab");
        assertThat(roles.messages().ofConversation("sms-a")).isEmpty();
        assertThat(roles.deliveries().find("sms-a/0000000001")).isEmpty();
        assertThat(roles.outbox().ofConversation("sms-a")).isEmpty();
        assertThat(roles.contactRequests().ofConversation("sms-a")).isEmpty();
        assertThat(roles.contactRequests().open()).extracting(ContactRequest::conversationId).containsExactly("sms-ab");
        assertThat(roles.enrolments().ofConversation("sms-a")).isEmpty();
        assertThat(roles.reminders().ofConversation("sms-a")).isEmpty();
        assertThat(roles.events().events("sms-a")).isEmpty();
        assertThat(roles.audit().auditTrail("sms-a")).isEmpty();
        assertThat(roles.feedback().feedback("sms-a")).isEmpty();
        assertThat(roles.appointments().appointments("sms-a")).isEmpty();
        InboundReceipt kept = roles.inbound().find("SMsms-a").orElseThrow(); // a late retry is still recognised…
        assertThat(kept.conversationId()).isNull(); // …but not whose it was
        assertThat(kept.replies()).isEmpty();

        assertThat(roles.messages().ofConversation("sms-ab")).hasSize(1);
        assertThat(roles.deliveries().find("sms-ab/0000000001")).isPresent();
        assertThat(roles.outbox().ofConversation("sms-ab")).hasSize(1);
        assertThat(roles.enrolments().ofConversation("sms-ab")).hasSize(1);
        assertThat(roles.events().events("sms-ab")).hasSize(1);
        assertThat(roles.audit().auditTrail("sms-ab")).hasSize(1);
        assertThat(roles.appointments().appointments("sms-ab")).hasSize(1);
        assertThat(roles.inbound().find("SMsms-ab").orElseThrow().conversationId()).isEqualTo("sms-ab");
    }
}
