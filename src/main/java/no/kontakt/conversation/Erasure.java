package no.kontakt.conversation;

import no.kontakt.store.Batch;
import no.kontakt.store.Message;
import no.kontakt.store.Stores;

/**
 * Stages the deletion of everything stored about one conversation: messages, their delivery records and unsent
 * outbox items, requests, enrolments (a freed seat goes to the next on the waiting list at the scheduler's next
 * round), reminders sent, timers, the record, and its audit pseudonym (the audit entries stay, linked to nothing).
 */
public final class Erasure {
    private Erasure() {}

    public static void stage(Stores stores, String conversationId, Batch batch) {
        java.util.List<Message> messages = stores.messages().ofConversation(conversationId);
        for (Message m : messages) {
            stores.messages().remove(batch, m.id());
        }
        stores.deliveries().removeOfConversation(batch, conversationId);
        for (var item : stores.outbox().ofConversation(conversationId)) {
            stores.outbox().remove(batch, item.id());
        }
        for (var request : stores.contactRequests().ofConversation(conversationId)) {
            stores.contactRequests().remove(batch, request.id());
        }
        for (var enrolment : stores.enrolments().ofConversation(conversationId)) {
            stores.enrolments().remove(batch, enrolment);
        }
        for (var reminder : stores.reminders().ofConversation(conversationId)) {
            stores.reminders().remove(batch, reminder);
        }
        stores.conversations().find(conversationId).ifPresent(c -> {
            var timer = Turn.dueAt(Turn.session(c));
            stores.timers().set(batch, conversationId, timer, null);
        });
        // keep each message id (so a late retry of it is still recognised) but not what was answered, nor whose it was
        // (the conversation id derives from the number); the receipts are found through the conversation's inbound
        // messages, never by reading every receipt stored
        for (Message m : messages) {
            if (m.direction() != Message.Direction.IN || m.providerSid() == null) {
                continue;
            }
            stores.inbound().find(m.providerSid()).filter(r -> conversationId.equals(r.conversationId())).ifPresent(receipt ->
                    stores.inbound().record(batch, new no.kontakt.store.InboundReceipt(receipt.messageSid(), null, null,
                            java.util.List.of(), java.util.List.of(), receipt.at())));
        }
        stores.staff().removeEvents(batch, conversationId);
        stores.staff().forgetAuditRef(batch, conversationId);
        stores.staff().feedback(conversationId).ifPresent(f -> stores.staff().removeFeedback(batch, conversationId));
        stores.staff().appointments(conversationId).forEach(a -> stores.staff().removeAppointment(batch, a.id()));
        stores.conversations().remove(batch, conversationId);
    }
}
