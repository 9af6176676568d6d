package no.kontakt.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.ContactRequestStore;
import no.kontakt.store.EnrolmentStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.EventLog;
import no.kontakt.store.AppointmentStore;

/**
 * A citizen's request for access (GDPR art. 15): everything held about one telephone number — the SMS conversation
 * of that number and any web chat whose contact request gave it, with their messages, events and notes, contact
 * requests, enrolments and appointments — and the access log: who read or took out which of them, and when.
 */
public final class AccessRequest {
    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final ContactRequestStore contactRequestStore;
    private final EnrolmentStore enrolmentStore;
    private final AuditLog auditLog;
    private final EventLog eventLog;
    private final AppointmentStore appointmentStore;
    private final BiFunction<String, String, String> conversationId;
    private final String country;
    /** The deployment's other units: the same number has a conversation in each it wrote to. */
    private final List<String> units;

    /** @param conversationId the conversation id of a channel and address (the pseudonym), as the conversations have it */
    public AccessRequest(ConversationStore conversationStore, MessageStore messageStore, ContactRequestStore contactRequestStore, EnrolmentStore enrolmentStore, AuditLog auditLog, EventLog eventLog, AppointmentStore appointmentStore, BiFunction<String, String, String> conversationId, String country) {
        this(conversationStore, messageStore, contactRequestStore, enrolmentStore, auditLog, eventLog, appointmentStore, conversationId, country, List.of());
    }

    /** @param units the ids of the deployment's units other than the default one */
    public AccessRequest(ConversationStore conversationStore, MessageStore messageStore, ContactRequestStore contactRequestStore, EnrolmentStore enrolmentStore, AuditLog auditLog, EventLog eventLog, AppointmentStore appointmentStore, BiFunction<String, String, String> conversationId, String country, List<String> units) {
        this.units = List.copyOf(units);
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.contactRequestStore = contactRequestStore;
        this.enrolmentStore = enrolmentStore;
        this.auditLog = auditLog;
        this.eventLog = eventLog;
        this.appointmentStore = appointmentStore;
        this.conversationId = conversationId;
        this.country = country;
    }

    /** The report, as JSON-ready maps in a fixed order; {@code number} must already be E.164. */
    public Map<String, Object> report(String number, String by, Instant now) {
        return report(number, by, now, id -> true);
    }

    /** The report of the conversations {@code sees} lets in (an admin of some units: theirs only). */
    public Map<String, Object> report(String number, String by, Instant now, java.util.function.Predicate<String> sees) {
        Set<String> ids = new LinkedHashSet<>();
        String plain = conversationId.apply("sms", number);
        conversationStore.find(plain).ifPresent(c -> ids.add(c.id()));
        for (String unit : units) { // the same number in every unit it wrote to
            conversationStore.find(no.kontakt.conversation.UnitIds.of(plain, unit)).ifPresent(c -> ids.add(c.id()));
        }
        for (ContactRequest r : contactRequestStore.all()) {
            if (r.phone() != null && PhoneNumbers.e164(r.phone(), country).map(number::equals).orElse(false)) {
                ids.add(r.conversationId());
            }
        }
        ids.removeIf(id -> !sees.test(id));
        List<Map<String, Object>> conversations = new ArrayList<>();
        List<Object> requests = new ArrayList<>();
        List<Object> enrolments = new ArrayList<>();
        List<Object> appointments = new ArrayList<>();
        for (String id : ids) {
            conversationStore.find(id).ifPresent(c -> conversations.add(conversation(c)));
            requests.addAll(contactRequestStore.ofConversation(id));
            enrolments.addAll(enrolmentStore.ofConversation(id));
            appointments.addAll(appointmentStore.appointments(id));
        }
        List<AuditEntry> log = auditLog.auditTrail().stream().filter(e -> e.conversationId() != null && ids.contains(e.conversationId()))
                .sorted(java.util.Comparator.comparing(AuditEntry::at)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", number);
        out.put("generatedAt", now);
        out.put("generatedBy", by);
        out.put("conversations", conversations);
        out.put("contactRequests", requests);
        out.put("enrolments", enrolments);
        out.put("appointments", appointments);
        out.put("accessLog", log);
        return out;
    }

    private Map<String, Object> conversation(Conversation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("channel", c.channel());
        m.put("language", c.language());
        m.put("status", c.status());
        m.put("createdAt", c.createdAt());
        m.put("lastMessageAt", c.lastMessageAt());
        m.put("messages", messageStore.ofConversation(c.id()).stream().map(msg -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", msg.at());
            row.put("direction", msg.direction().name().toLowerCase());
            row.put("author", msg.author());
            row.put("body", msg.body());
            return row;
        }).toList());
        m.put("events", eventLog.events(c.id()));
        return m;
    }
}
