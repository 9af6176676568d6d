package no.kontakt.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import no.kontakt.conversation.ConversationService;
import no.kontakt.flow.Templates;
import no.kontakt.flow.Texts;
import no.kontakt.hours.Spoken;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.Appointment;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.Message;
import no.kontakt.store.OutboxItem;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.OutboxStore;
import no.kontakt.store.ContactRequestStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.EventLog;
import no.kontakt.store.AppointmentStore;
import no.kontakt.store.UnitOfWork;
import no.kontakt.store.Outgoing;

/**
 * The warm handover: staff book a concrete first meeting; the citizen gets a confirmation at once and a
 * reminder the day before at {@link #REMINDER_HOUR}, both asking JA/NEI; the answer shows on the appointment.
 */
public final class Appointments {
    static final LocalTime REMINDER_HOUR = LocalTime.of(18, 0);

    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final OutboxStore outboxStore;
    private final ContactRequestStore contactRequestStore;
    private final AuditLog auditLog;
    private final EventLog eventLog;
    private final AppointmentStore appointmentStore;
    private final UnitOfWork unitOfWork;
    private final ConversationService conversations;
    private final Clock clock;
    private final ZoneId zone;
    private final java.util.function.Function<String, Texts> texts;
    private final Map<String, String> context;
    private final String defaultLanguage;
    private final Runnable outboxWake;

    /** @param texts the global texts by key: appointment_booked, appointment_reminder, appointment_yes, appointment_no */
    public Appointments(ConversationStore conversationStore, MessageStore messageStore, OutboxStore outboxStore, ContactRequestStore contactRequestStore, AuditLog auditLog, EventLog eventLog, AppointmentStore appointmentStore, UnitOfWork unitOfWork, ConversationService conversations, Clock clock, ZoneId zone,
                        java.util.function.Function<String, Texts> texts, Map<String, String> context, String defaultLanguage, Runnable outboxWake) {
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.outboxStore = outboxStore;
        this.contactRequestStore = contactRequestStore;
        this.auditLog = auditLog;
        this.eventLog = eventLog;
        this.appointmentStore = appointmentStore;
        this.unitOfWork = unitOfWork;
        this.conversations = conversations;
        this.clock = clock;
        this.zone = zone;
        this.texts = texts;
        this.context = Map.copyOf(context);
        this.defaultLanguage = defaultLanguage;
        this.outboxWake = outboxWake;
    }

    public Appointment book(String conversationId, Staff staff, Instant startsAt, String place, String with) {
        Appointment booked = conversations.locked(conversationId, () -> {
            Conversation c = conversationStore.find(conversationId)
                    .orElseThrow(() -> new java.util.NoSuchElementException("There is no conversation " + conversationId + "."));
            Instant now = clock.instant();
            if (!startsAt.isAfter(now)) {
                throw new IllegalArgumentException("The appointment must be in the future.");
            }
            Appointment a = new Appointment(conversationId + "/" + String.format("%015d", now.toEpochMilli()), conversationId,
                    startsAt, place, with, staff.username(), null, null, false, now, null);
            Batch batch = new Batch();
            appointmentStore.saveAppointment(batch, a);
            send(batch, c, text("appointment_booked", c, a, now), now);
            auditLog.audit(batch, new AuditEntry(now, staff.username(), staff.role(), "appointment", conversationId, ""));
            unitOfWork.commit(batch);
            return a;
        });
        outboxWake.run();
        return booked;
    }

    /** Queues the day-before reminders that are due; returns how many. */
    public int remindDue() {
        Instant now = clock.instant();
        int n = 0;
        for (Appointment a : appointmentStore.allAppointments()) {
            ZonedDateTime at = a.startsAt().atZone(zone);
            Instant remindAt = at.toLocalDate().minusDays(1).atTime(REMINDER_HOUR).atZone(zone).toInstant();
            if (a.reminded() || "no".equals(a.answer()) || now.isBefore(remindAt) || !now.isBefore(a.startsAt())) {
                continue;
            }
            n += conversations.locked(a.conversationId(), () -> {
                Optional<Conversation> c = conversationStore.find(a.conversationId());
                Batch batch = new Batch();
                appointmentStore.saveAppointment(batch, a.markReminded());
                c.ifPresent(conv -> send(batch, conv, text("appointment_reminder", conv, a, now), now));
                unitOfWork.commit(batch);
                return 1;
            });
        }
        if (n > 0) {
            outboxWake.run();
        }
        return n;
    }

    /**
     * A yes or no from a citizen with an unanswered upcoming appointment is the answer to it: recorded, and the
     * text to send back is returned. Anything else is not for the appointment (empty).
     */
    public Optional<String> answer(Conversation c, String message, Batch batch) {
        Optional<AppointmentAnswer> answer = AppointmentAnswer.parse(message, c.language());
        if (answer.isEmpty()) {
            return Optional.empty(); // not a yes or no: no need to read the appointments
        }
        Instant now = clock.instant();
        Optional<Appointment> open = appointmentStore.appointments(c.id()).stream()
                .filter(a -> a.answer() == null && a.startsAt().isAfter(now)).reduce((first, second) -> second);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        boolean yes = answer.get().yes();
        appointmentStore.saveAppointment(batch, open.get().answered(yes ? "yes" : "no", now, answer.get().reason()));
        if (!yes) {
            followUp(batch, c, open.get(), answer.get().reason(), now);
        }
        return Optional.of(text(yes ? "appointment_yes" : "appointment_no", c, open.get(), now));
    }

    /**
     * A NEI is a task for staff: an open contact request (id {@code <appointment id>/declined}) puts the conversation
     * in the queue, marked as a declined appointment, with the reason if the citizen gave one.
     */
    private void followUp(Batch batch, Conversation c, Appointment a, String reason, Instant now) {
        String when = a.startsAt().atZone(zone).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM. HH:mm"));
        String topic = "Sa nei til timen " + when + (reason == null ? "" : ": «" + reason + "»");
        contactRequestStore.save(batch, new no.kontakt.store.ContactRequest(a.id() + DECLINED, c.id(), topic,
                "sms".equals(c.channel()) ? "sms" : c.channel(), "asap", null, null, c.urgent(), no.kontakt.store.ContactRequest.OPEN, now, now, null));
        eventLog.event(batch, new no.kontakt.store.ConversationEvent(no.kontakt.store.EventLog.eventId(c.id(), now, 98), c.id(), now,
                "appointment_declined", "citizen", Map.of("appointment", a.id(), "reason", reason == null ? "no" : "yes")));
    }

    /** The suffix of a follow-up request's id: a citizen said no to an appointment. */
    public static final String DECLINED = "/declined";

    private void send(Batch batch, Conversation c, String text, Instant now) {
        String id = c.nextMessageId();
        Outgoing.toConversation(batch, messageStore, outboxStore, c, id, "bot", text, now, now);
        conversationStore.save(batch, c.withMessage(now));
    }

    private String text(String key, Conversation c, Appointment a, Instant now) {
        String language = c.language() == null ? defaultLanguage : c.language();
        Map<String, Object> values = new java.util.HashMap<>(context);
        values.put("when", Spoken.when(a.startsAt().atZone(zone), now.atZone(zone), language));
        values.put("place", a.place());
        values.put("with", a.with());
        return Templates.render(texts.apply(key).in(language, defaultLanguage), values);
    }

    /** Every booked appointment. */
    public java.util.List<Appointment> all() {
        return appointmentStore.allAppointments();
    }
}
