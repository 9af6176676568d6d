package no.kontakt.conversation;

import java.util.List;
import no.kontakt.store.AppointmentStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.Batch;
import no.kontakt.store.ContactRequestStore;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.DeliveryStore;
import no.kontakt.store.EnrolmentStore;
import no.kontakt.store.EventLog;
import no.kontakt.store.FeedbackStore;
import no.kontakt.store.InboundLog;
import no.kontakt.store.InboundReceipt;
import no.kontakt.store.Message;
import no.kontakt.store.MessageStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.ReminderLog;
import no.kontakt.store.TimerIndex;

/**
 * Stages the deletion of everything stored about one conversation: messages, their delivery records and unsent
 * outbox items, requests, enrolments (a freed seat goes to the next on the waiting list at the scheduler's next
 * round), reminders sent, timers, the record, and its audit pseudonym (the audit entries stay, linked to nothing).
 * It touches every role that holds conversation data, and nothing else.
 */
public final class Erasure {
    /** The roles that hold something of a conversation. */
    public record Roles(ConversationStore conversations, MessageStore messages, InboundLog inbound, DeliveryStore deliveries,
                        OutboxStore outbox, TimerIndex timers, ContactRequestStore contactRequests, EnrolmentStore enrolments,
                        ReminderLog reminders, EventLog events, AuditLog audit, FeedbackStore feedback, AppointmentStore appointments) {}

    private final Roles r;

    public Erasure(Roles roles) {
        this.r = roles;
    }

    public void stage(String conversationId, Batch batch) {
        List<Message> messages = r.messages().ofConversation(conversationId);
        for (Message m : messages) {
            r.messages().remove(batch, m.id());
        }
        r.deliveries().removeOfConversation(batch, conversationId);
        for (var item : r.outbox().ofConversation(conversationId)) {
            r.outbox().remove(batch, item.id());
        }
        for (var request : r.contactRequests().ofConversation(conversationId)) {
            r.contactRequests().remove(batch, request.id());
        }
        for (var enrolment : r.enrolments().ofConversation(conversationId)) {
            r.enrolments().remove(batch, enrolment);
        }
        for (var reminder : r.reminders().ofConversation(conversationId)) {
            r.reminders().remove(batch, reminder);
        }
        r.conversations().find(conversationId).ifPresent(c -> {
            var timer = Turn.dueAt(Turn.session(c));
            r.timers().set(batch, conversationId, timer, null);
        });
        // keep each message id (so a late retry of it is still recognised) but not what was answered, nor whose it was
        // (the conversation id derives from the number); the receipts are found through the conversation's inbound
        // messages, never by reading every receipt stored
        for (Message m : messages) {
            if (m.direction() != Message.Direction.IN || m.providerSid() == null) {
                continue;
            }
            r.inbound().find(m.providerSid()).filter(receipt -> conversationId.equals(receipt.conversationId())).ifPresent(receipt ->
                    r.inbound().replace(batch, new InboundReceipt(receipt.messageSid(), null, null, List.of(), List.of(), receipt.at())));
        }
        r.events().removeEvents(batch, conversationId);
        r.audit().forgetAuditRef(batch, conversationId);
        r.feedback().feedback(conversationId).ifPresent(f -> r.feedback().removeFeedback(batch, conversationId));
        r.appointments().appointments(conversationId).forEach(a -> r.appointments().removeAppointment(batch, a.id()));
        r.conversations().remove(batch, conversationId);
    }
}
