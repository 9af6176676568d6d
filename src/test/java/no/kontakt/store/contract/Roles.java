package no.kontakt.store.contract;

import no.kontakt.store.AppointmentStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.CannedReplyStore;
import no.kontakt.store.ContactRequestStore;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.DeliveryStore;
import no.kontakt.store.EnrolmentStore;
import no.kontakt.store.EventLog;
import no.kontakt.store.FeedbackStore;
import no.kontakt.store.InboundLog;
import no.kontakt.store.LoginStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.ReminderLog;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.StatsStore;
import no.kontakt.store.Stores;
import no.kontakt.store.TimerIndex;
import no.kontakt.store.UnitOfWork;
import no.kontakt.store.UserStore;

/** Every storage role of one open backend: what the contracts test, whatever the backend builds them on. */
public record Roles(ConversationStore conversations, MessageStore messages, InboundLog inbound, DeliveryStore deliveries,
                    OutboxStore outbox, TimerIndex timers, ContactRequestStore contactRequests, EnrolmentStore enrolments,
                    ReminderLog reminders, UserStore users, LoginStore logins, AuditLog audit, EventLog events,
                    AppointmentStore appointments, CannedReplyStore cannedReplies, FeedbackStore feedback, ScriptStore scripts,
                    StatsStore stats, UnitOfWork unitOfWork) {

    /** The roles of a {@link Stores} (any {@link no.kontakt.store.Storage} under it). */
    public static Roles of(Stores s) {
        return new Roles(s.conversations(), s.messages(), s.inbound(), s.deliveries(), s.outbox(), s.timers(), s.contactRequests(),
                s.enrolments(), s.reminders(), s.users(), s.logins(), s.audit(), s.events(), s.appointments(), s.cannedReplies(),
                s.feedback(), s.scripts(), s.stats(), s);
    }
}
