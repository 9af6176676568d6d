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
import no.kontakt.store.Stores;

/**
 * A citizen's request for access (GDPR art. 15): everything held about one telephone number — the SMS conversation
 * of that number and any web chat whose contact request gave it, with their messages, events and notes, contact
 * requests, enrolments and appointments — and the access log: who read or took out which of them, and when.
 */
public final class AccessRequest {
    private final Stores stores;
    private final BiFunction<String, String, String> conversationId;
    private final String country;

    /** @param conversationId the conversation id of a channel and address (the pseudonym), as the conversations have it */
    public AccessRequest(Stores stores, BiFunction<String, String, String> conversationId, String country) {
        this.stores = stores;
        this.conversationId = conversationId;
        this.country = country;
    }

    /** The report, as JSON-ready maps in a fixed order; {@code number} must already be E.164. */
    public Map<String, Object> report(String number, String by, Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        stores.conversations().find(conversationId.apply("sms", number)).ifPresent(c -> ids.add(c.id()));
        for (ContactRequest r : stores.contactRequests().all()) {
            if (r.phone() != null && PhoneNumbers.e164(r.phone(), country).map(number::equals).orElse(false)) {
                ids.add(r.conversationId());
            }
        }
        List<Map<String, Object>> conversations = new ArrayList<>();
        List<Object> requests = new ArrayList<>();
        List<Object> enrolments = new ArrayList<>();
        List<Object> appointments = new ArrayList<>();
        for (String id : ids) {
            stores.conversations().find(id).ifPresent(c -> conversations.add(conversation(c)));
            requests.addAll(stores.contactRequests().ofConversation(id));
            enrolments.addAll(stores.enrolments().ofConversation(id));
            appointments.addAll(stores.staff().appointments(id));
        }
        List<AuditEntry> log = stores.staff().auditTrail().stream().filter(e -> e.conversationId() != null && ids.contains(e.conversationId()))
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
        m.put("messages", stores.messages().ofConversation(c.id()).stream().map(msg -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", msg.at());
            row.put("direction", msg.direction().name().toLowerCase());
            row.put("author", msg.author());
            row.put("body", msg.body());
            return row;
        }).toList());
        m.put("events", stores.staff().events(c.id()));
        return m;
    }
}
